// Tests data/demo-city/: the committed demo city is exactly what the generator produces for the seed,
// size and map size its manifest records, so it cannot go stale.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/scenarios/city_test_support.h"

namespace lifeline::city {
namespace {

TEST(CityDemo, CommittedDemoCityMatchesTheGenerator) {
  const std::filesystem::path committed = std::filesystem::path(LIFELINE_SOURCE_DIR) / "data" / "demo-city";
  ASSERT_TRUE(std::filesystem::exists(committed / "city.json")) << committed;
  const nlohmann::json manifest = nlohmann::json::parse(testing::ReadBytes(committed / "city.json"));
  const auto fresh = testing::FreshFolder("demo");
  testing::GenerateInto(fresh, manifest["seed"].get<std::uint64_t>(), manifest["size_blocks"].get<int>(),
                        manifest["files"]["map_side_px"].get<int>());
  const auto generated = testing::ReadTree(fresh);
  auto committed_files = testing::ReadTree(committed);
  committed_files.erase("README.md");
  ASSERT_EQ(generated.size(), committed_files.size());
  for (const auto& [name, bytes] : generated) {
    ASSERT_TRUE(committed_files.count(name)) << name << " is generated but not committed";
    EXPECT_TRUE(bytes == committed_files.at(name))
        << "data/demo-city/" << name << " is stale: regenerate it as data/demo-city/README.md says";
  }
}

}  // namespace
}  // namespace lifeline::city
