// Input files: text and JSON with file and line in errors (see input_file.h).
#include "engine/input_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "engine/error.h"

namespace lifeline {

std::optional<double> ParseNumber(const std::string& text) {
  size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

nlohmann::json ParseJson(const std::string& text, const std::string& source_name) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const size_t end = std::min<size_t>(e.byte, text.size());
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(end), '\n'));
    throw Error::AtLine(source_name, line, e.what());
  }
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw Error(fmt::format("{}: cannot read the file", path));
  std::stringstream text;
  text << file.rdbuf();
  if (file.bad()) throw Error(fmt::format("{}: reading the file failed", path));
  return text.str();
}

nlohmann::json ReadJsonFile(const std::string& path) { return ParseJson(ReadTextFile(path), path); }

}  // namespace lifeline
