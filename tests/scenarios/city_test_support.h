// Shared by the city tests: generate a small city into a fresh temporary
// folder, and read back the files of a generated city.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <unistd.h>

#include "scenarios/city/city_generator.h"

namespace lifeline::city::testing {

// A fresh, empty folder under the system temporary folder, named for the test
// and the process (CTest runs test cases in parallel processes).
inline std::filesystem::path FreshFolder(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("lifeline-city-test-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Generates a city with a small map into `dir`.
inline void GenerateInto(const std::filesystem::path& dir, std::uint64_t seed, int size_blocks, int map_px = 256) {
  GenerateOptions options;
  options.city.seed = seed;
  options.city.size_blocks = size_blocks;
  options.out_dir = dir.string();
  options.map_side_px = map_px;
  GenerateCity(options);
}

inline std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every regular file below dir, by its path relative to dir, with its bytes.
inline std::map<std::string, std::string> ReadTree(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[std::filesystem::relative(entry.path(), dir).string()] = ReadBytes(entry.path());
  }
  return files;
}

}  // namespace lifeline::city::testing
