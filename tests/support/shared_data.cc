// Reference data lookup for tests (see shared_data.h).
#include "tests/support/shared_data.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace lifeline::testing {

std::string SharedDataDir() {
  const char* from_environment = std::getenv("LIFELINE_SHARED_DATA");
  return from_environment && *from_environment ? from_environment : LIFELINE_SHARED_DATA_DEFAULT;
}

std::string SharedDataFile(const std::string& relative_path) {
  const std::filesystem::path path = std::filesystem::path(SharedDataDir()) / relative_path;
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("reference data missing: " + path.string() +
                             " (set LIFELINE_SHARED_DATA or the CMake option LIFELINE_SHARED_DATA)");
  }
  return path.string();
}

}  // namespace lifeline::testing
