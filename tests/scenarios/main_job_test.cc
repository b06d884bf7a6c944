// Tests for scenarios/main_job.cc: the main job runs end to end and its file reads back.
#include "scenarios/main_job.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "engine/results_store.h"

namespace lifeline::scenarios {
namespace {

TEST(MainJob, BuiltInNetworkRunsADayIntoHdf5) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("main-job-" + std::to_string(getpid()) + ".h5")).string();
  const MainJobReport report = RunMainJob({path, false});
  EXPECT_EQ(report.results_path, path);
  EXPECT_FALSE(report.lines.empty());

  const ResultsReader reader(path);
  EXPECT_THAT(reader.Systems(), ::testing::Contains("tank_network"));
  const std::vector<double> times = reader.Times_s("tank_network");
  ASSERT_EQ(times.size(), 97u);  // 24 h every 15 min, both ends
  EXPECT_DOUBLE_EQ(times.back(), 86400.0);
  long steps = 0, nodes = 0;
  const std::vector<double> heads = reader.Values("tank_network", "head_m", steps, nodes);
  EXPECT_EQ(nodes, 10);
  for (double head : heads) EXPECT_TRUE(std::isfinite(head));
  EXPECT_EQ(reader.Unit("tank_network", "level_m"), "m");
  EXPECT_EQ(reader.Events().size(), 23u);  // the hourly pattern steps inside the day
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace lifeline::scenarios
