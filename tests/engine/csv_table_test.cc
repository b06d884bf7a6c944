// Tests for engine/csv_table.cc.
#include "engine/csv_table.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/error.h"

namespace lifeline {
namespace {

TEST(CsvTable, QuotesTextAndRoundTripsNumbers) {
  const std::string path = (std::filesystem::temp_directory_path() / ("csv-" + std::to_string(getpid()) + ".csv")).string();
  CsvTable table({"id", "value"});
  table.AddRow({std::string("P,1 \"main\""), 0.1});
  table.AddRow({std::string("J2"), 1.0 / 3.0});
  table.Write(path);
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(), "id,value\n\"P,1 \"\"main\"\"\",0.1\nJ2,0.3333333333333333\n");
  std::filesystem::remove(path);
}

TEST(CsvTable, BadRowsAndPathsAreErrors) {
  CsvTable table({"a", "b"});
  EXPECT_THROW(table.AddRow({1.0}), Error);
  EXPECT_THROW(table.Write("/nonexistent-folder/x.csv"), Error);
}

}  // namespace
}  // namespace lifeline
