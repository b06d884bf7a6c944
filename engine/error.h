// The one error type of Lifeline Twin.
//
// Every failure the engine or a model reports is a lifeline::Error. It carries
// where the problem is, so that a user can act on it:
//   - a place in an input file (file and 1-based line), or
//   - an element of a network (system and external id), and optionally
//   - the simulated time at which it happened.
// The CLI prints what() and exits non-zero; nothing is caught and hidden.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace lifeline {

// Where an error sits in an input file.
struct FileLocation {
  std::string path;  // the file as the user named it
  int line = 0;      // 1-based line number; 0 when the whole file is meant
};

// Which network element an error is about.
struct ElementRef {
  std::string system;  // "water", "drainage", "gas", ... or "" when unknown
  std::string id;      // the element's external id, as in the input file
};

class Error : public std::runtime_error {
 public:
  // A plain error with no location.
  explicit Error(const std::string& message);

  // An error at a line of an input file: "net.inp:42: unknown section [FOO]".
  static Error AtLine(const std::string& path, int line, const std::string& message);

  // An error about one element: "water element 'P-17': ...".
  static Error AtElement(const std::string& system, const std::string& id,
                         const std::string& message);

  // The same error with the simulated time added to its message.
  Error AtTime(double time_s) const;

  const std::string& message() const { return message_; }
  const std::optional<FileLocation>& file() const { return file_; }
  const std::optional<ElementRef>& element() const { return element_; }
  const std::optional<double>& time_s() const { return time_s_; }

 private:
  Error(std::string message, std::optional<FileLocation> file, std::optional<ElementRef> element,
        std::optional<double> time_s);
  static std::string Compose(const std::string& message, const std::optional<FileLocation>& file,
                             const std::optional<ElementRef>& element,
                             const std::optional<double>& time_s);

  std::string message_;
  std::optional<FileLocation> file_;
  std::optional<ElementRef> element_;
  std::optional<double> time_s_;
};

}  // namespace lifeline
