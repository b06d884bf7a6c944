// Writes a table as CSV (RFC 4180 quoting) for exports that users open in a
// spreadsheet: results by element id, time series. Values are written with
// enough digits to round-trip a double.
#pragma once

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

}  // namespace lifeline
