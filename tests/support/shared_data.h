// Where tests find the reference data (public networks and reference results).
//
// The folder is $LIFELINE_SHARED_DATA when set, else the CMake option
// LIFELINE_SHARED_DATA (default ../shared/data beside the project root). A
// test that needs a file calls SharedDataFile(): a missing folder or file
// fails the test loudly with the path it looked for; it never skips.
#pragma once

#include <string>

namespace lifeline::testing {

std::string SharedDataDir();

// Absolute path of a file below the reference data folder, e.g. "water/README.md".
// Throws std::runtime_error (failing the test) when it does not exist.
std::string SharedDataFile(const std::string& relative_path);

}  // namespace lifeline::testing
