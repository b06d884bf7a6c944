// Structured option values (see option_fields.h).
#include "cli/option_fields.h"

#include <fmt/format.h>

#include <optional>

#include "engine/error.h"
#include "engine/input_file.h"

namespace lifeline::cli {

std::vector<std::string> SplitFields(const std::string& text, char separator) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1) {
    fields.push_back(text.substr(start, at - start));
  }
  fields.push_back(text.substr(start));
  return fields;
}

std::vector<std::string> Fields(const std::string& text, size_t count, const char* option) {
  std::vector<std::string> fields = SplitFields(text, ':');
  if (fields.size() != count || fields.front().empty()) {
    throw Error(fmt::format("{} '{}': expected {} fields separated by ':'", option, text, count));
  }
  return fields;
}

double Number(const std::string& text, const char* option) {
  if (const std::optional<double> value = ParseNumber(text)) return *value;
  throw Error(fmt::format("{}: '{}' is not a number", option, text));
}

}  // namespace lifeline::cli
