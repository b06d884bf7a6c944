// Tests for scenarios/main_job.cc: the demo city twin runs end to end and its
// results file holds every system with the burst recorded.
#include "scenarios/main_job.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "engine/results_store.h"

namespace lifeline::scenarios {
namespace {

TEST(MainJob, DemoCityTwinRunsEveryModelIntoOneFile) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("main-job-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  MainJobOptions options;
  options.results_path = (dir / "demo.h5").string();
  options.csv_dir = (dir / "csv").string();
  options.heating_step_s = 300.0;
  options.show_progress = false;
  const MainJobReport report = RunMainJob(options);
  EXPECT_THAT(report.lines.back(), ::testing::HasSubstr("demo city twin done"));

  const ResultsReader reader(options.results_path);
  EXPECT_THAT(reader.Systems(), ::testing::IsSupersetOf({"water", "heating", "gas", "gas_migration", "bridge"}));
  // the manhole nearest the gas leak fills; %LEL rises with time and never falls while the leak holds
  long gas_times = 0, manholes = 0;
  const std::vector<double> lel = reader.Values("gas_migration", "methane_pct_lel", gas_times, manholes);
  ASSERT_EQ(manholes, 3);
  EXPECT_EQ(gas_times, 49);  // 12 h every 15 min
  EXPECT_DOUBLE_EQ(lel[0], 0.0);
  EXPECT_GT(lel[static_cast<size_t>((gas_times - 1) * manholes)], 20.0);
  for (long k = 1; k < gas_times; ++k) EXPECT_GE(lel[k * manholes], lel[(k - 1) * manholes]);
  EXPECT_EQ(reader.Times_s("heating").size(), 97u);  // 24 h every 15 min, both ends
  long steps = 0, junctions = 0;
  const std::vector<double> temperatures = reader.Values("heating", "temperature_K", steps, junctions);
  for (double t : temperatures) EXPECT_TRUE(std::isfinite(t) && t > 273.15 && t < 400.0);
  // the burst is in the event log, and water leaves through the hole only after it
  bool burst_logged = false;
  for (const ResultsEvent& event : reader.Events()) burst_logged |= event.message.find("burst") != std::string::npos;
  EXPECT_TRUE(burst_logged);
  long times = 0, leaks = 0;
  const std::vector<double> leak = reader.Values("heating", "leak_mass_flow_kg_per_s", times, leaks);
  ASSERT_EQ(leaks, 1);
  EXPECT_DOUBLE_EQ(leak[4 * 7], 0.0);   // 07:00
  EXPECT_GT(leak[4 * 12], 1.0);         // 12:00
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lifeline::scenarios
