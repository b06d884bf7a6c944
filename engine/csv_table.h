// Writes a table as CSV (RFC 4180 quoting) for exports that users open in a
// spreadsheet: results by element id, time series. Values are written with
// enough digits to round-trip a double.
#pragma once

#include <fstream>
#include <string>
#include <variant>
#include <vector>

namespace lifeline {

using CsvCell = std::variant<std::string, double>;

class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> columns);
  // A row with one cell per column, or an Error.
  void AddRow(std::vector<CsvCell> cells);
  // Writes the file (folders must exist); an unwritable path is an Error naming it.
  void Write(const std::string& path) const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<CsvCell>> rows_;
};

// A CSV file dir/file_name opened for streaming large outputs (the folder is
// created; 10 significant digits); an unwritable file is an Error naming it.
std::ofstream OpenCsvFile(const std::string& dir, const std::string& file_name);

}  // namespace lifeline
