// Tests for tests/support/shared_data.cc: the reference data is where CI expects it.
#include "tests/support/shared_data.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace lifeline::testing {
namespace {

TEST(SharedData, EverySystemFolderHasItsReadme) {
  for (const char* system : {"water", "drainage", "gas", "heating", "bridge"}) {
    EXPECT_NO_THROW(SharedDataFile(std::string(system) + "/README.md")) << system;
  }
}

TEST(SharedData, MissingFileFailsLoudlyWithItsPath) {
  try {
    SharedDataFile("water/no-such-network.inp");
    FAIL() << "a missing file must throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("water/no-such-network.inp"), std::string::npos);
  }
}

TEST(SharedData, EnvironmentVariableOverridesTheDefault) {
  const char* original = std::getenv("LIFELINE_SHARED_DATA");
  const std::string saved = original ? original : "";
  ::setenv("LIFELINE_SHARED_DATA", "/tmp/elsewhere", 1);
  EXPECT_EQ(SharedDataDir(), "/tmp/elsewhere");
  ::unsetenv("LIFELINE_SHARED_DATA");
  EXPECT_NE(SharedDataDir(), "/tmp/elsewhere");
  if (original) ::setenv("LIFELINE_SHARED_DATA", saved.c_str(), 1);
}

}  // namespace
}  // namespace lifeline::testing
