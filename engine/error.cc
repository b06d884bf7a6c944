// Formatting of lifeline::Error messages (see error.h).
#include "engine/error.h"

#include <fmt/format.h>

#include <utility>

namespace lifeline {

Error::Error(const std::string& message) : Error(message, std::nullopt, std::nullopt, std::nullopt) {}

Error::Error(std::string message, std::optional<FileLocation> file,
             std::optional<ElementRef> element, std::optional<double> time_s)
    : std::runtime_error(Compose(message, file, element, time_s)),
      message_(std::move(message)),
      file_(std::move(file)),
      element_(std::move(element)),
      time_s_(time_s) {}

Error Error::AtLine(const std::string& path, int line, const std::string& message) {
  return Error(message, FileLocation{path, line}, std::nullopt, std::nullopt);
}

Error Error::AtElement(const std::string& system, const std::string& id,
                       const std::string& message) {
  return Error(message, std::nullopt, ElementRef{system, id}, std::nullopt);
}

Error Error::AtTime(double time_s) const { return Error(message_, file_, element_, time_s); }

std::string Error::Compose(const std::string& message, const std::optional<FileLocation>& file,
                           const std::optional<ElementRef>& element,
                           const std::optional<double>& time_s) {
  std::string text;
  if (file) {
    text = file->line > 0 ? fmt::format("{}:{}: ", file->path, file->line)
                          : fmt::format("{}: ", file->path);
  }
  if (element) {
    text += element->system.empty() ? fmt::format("element '{}': ", element->id)
                                    : fmt::format("{} element '{}': ", element->system, element->id);
  }
  if (time_s) text += fmt::format("at t = {:.3f} s: ", *time_s);
  return text + message;
}

}  // namespace lifeline
