// CSV export (see csv_table.h).
#include "engine/csv_table.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "engine/error.h"

namespace lifeline {
namespace {

std::string Quote(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Cell(const CsvCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return Quote(*text);
  return fmt::format("{}", std::get<double>(cell));
}

}  // namespace

CsvTable::CsvTable(std::vector<std::string> columns) : columns_(std::move(columns)) {}

void CsvTable::AddRow(std::vector<CsvCell> cells) {
  if (cells.size() != columns_.size()) {
    throw Error(fmt::format("CSV row with {} cells for {} columns", cells.size(), columns_.size()));
  }
  rows_.push_back(std::move(cells));
}

void CsvTable::Write(const std::string& path) const {
  std::ofstream file(path);
  if (!file) throw Error(fmt::format("{}: cannot write the CSV file", path));
  for (size_t c = 0; c < columns_.size(); ++c) file << (c ? "," : "") << Quote(columns_[c]);
  file << '\n';
  for (const auto& row : rows_) {
    for (size_t c = 0; c < row.size(); ++c) file << (c ? "," : "") << Cell(row[c]);
    file << '\n';
  }
  if (!file) throw Error(fmt::format("{}: writing the CSV file failed", path));
}

std::ofstream OpenCsvFile(const std::string& dir, const std::string& file_name) {
  std::filesystem::create_directories(dir);
  const std::string path = (std::filesystem::path(dir) / file_name).string();
  std::ofstream file(path);
  if (!file) throw Error(fmt::format("{}: cannot create the CSV file", path));
  file.precision(10);
  return file;
}

}  // namespace lifeline
