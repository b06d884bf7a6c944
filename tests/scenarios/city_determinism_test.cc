// Tests scenarios/city/city_generator.cc: the same seed gives the same bytes, another seed another city.
#include <gtest/gtest.h>

#include "engine/error.h"
#include "tests/scenarios/city_test_support.h"

namespace lifeline::city {
namespace {

TEST(CityDeterminism, SameSeedSameBytes) {
  const auto a = testing::FreshFolder("same-a"), b = testing::FreshFolder("same-b");
  testing::GenerateInto(a, 7, 8);
  testing::GenerateInto(b, 7, 8);
  const auto files_a = testing::ReadTree(a), files_b = testing::ReadTree(b);
  ASSERT_GE(files_a.size(), 10u);  // manifest, layout, 2 .inp, gas, heating, tunnel, sensors, map, bridges
  ASSERT_EQ(files_a.size(), files_b.size());
  for (const auto& [name, bytes] : files_a) {
    ASSERT_TRUE(files_b.count(name)) << name;
    EXPECT_TRUE(bytes == files_b.at(name)) << name << " differs between two runs with the same seed";
  }
}

TEST(CityDeterminism, DifferentSeedsDiffer) {
  const auto a = testing::FreshFolder("seed-a"), b = testing::FreshFolder("seed-b");
  testing::GenerateInto(a, 1, 8);
  testing::GenerateInto(b, 2, 8);
  for (const char* name : {"layout.json", "water.inp", "drainage.inp", "gas.json", "map.png"}) {
    EXPECT_NE(testing::ReadBytes(a / name), testing::ReadBytes(b / name)) << name;
  }
}

TEST(CityDeterminism, SizeOutOfRangeIsAnError) {
  const auto dir = testing::FreshFolder("too-small");
  EXPECT_THROW(testing::GenerateInto(dir, 1, 4), Error);
}

}  // namespace
}  // namespace lifeline::city
