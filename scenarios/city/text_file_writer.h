// A buffered text file for the city writers: lines are formatted into memory
// and written out in large chunks, so multi-gigabyte .inp files stream
// without holding them whole. A file that cannot be created or written is an
// Error naming it.
#pragma once

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <utility>

namespace lifeline::city {

class TextFileWriter {
 public:
  explicit TextFileWriter(std::string path);
  ~TextFileWriter();
  TextFileWriter(const TextFileWriter&) = delete;
  TextFileWriter& operator=(const TextFileWriter&) = delete;

  template <typename... Args>
  void Print(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() > kFlushBytes) Flush();
  }

  // Writes what is buffered and closes the file; a write error is an Error naming the file.
  void Close();

 private:
  static constexpr size_t kFlushBytes = 1 << 20;
  void Flush();

  std::string path_;
  std::FILE* file_ = nullptr;
  fmt::memory_buffer buffer_;
};

}  // namespace lifeline::city
