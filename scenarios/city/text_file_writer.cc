// Buffered text output for the city writers (see text_file_writer.h).
#include "scenarios/city/text_file_writer.h"

#include "engine/error.h"

namespace lifeline::city {

TextFileWriter::TextFileWriter(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) throw Error(fmt::format("{}: cannot create the file", path_));
}

TextFileWriter::~TextFileWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void TextFileWriter::Flush() {
  if (buffer_.size() > 0 && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw Error(fmt::format("{}: write failed", path_));
  }
  buffer_.clear();
}

void TextFileWriter::Close() {
  Flush();
  const int status = std::fclose(file_);
  file_ = nullptr;
  if (status != 0) throw Error(fmt::format("{}: write failed", path_));
}

}  // namespace lifeline::city
