// Tests the live pipeline on a real record: the UniBw bridge support load cells (FRC-01, FRC-02, 100 Hz,
// ../shared/data/bridge) replayed through quality checks, warning rules and the archive.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/live/live_pipeline.h"
#include "engine/live/replay.h"
#include "engine/live/sensor_archive.h"
#include "engine/time_series.h"
#include "live_test_support.h"
#include "tests/support/shared_data.h"

namespace lifeline::live {
namespace {

constexpr const char* kRecord = "bridge/unibw_ref_support_load_01_force_100hz_public.csv";

class BridgeReplay : public ::testing::Test {
 protected:
  void SetUp() override {
    readings_ = ReadCsvRecording(lifeline::testing::SharedDataFile(kRecord), registry_);
  }
  // The residual rule compares each load cell with the other cell at the same time (the "model" of a
  // cell is its twin on the other support).
  void PredictFromTheOtherCell(LivePipeline& pipeline) {
    std::vector<double> times_s[2], values[2];
    for (const Reading& reading : readings_) {
      const int cell = reading.sensor_index == frc1_ ? 0 : 1;
      times_s[cell].push_back(reading.time_s);
      values[cell].push_back(reading.value);
    }
    cells_[0] = TimeSeries("FRC-01", times_s[0], values[0], Interpolation::kStep);
    cells_[1] = TimeSeries("FRC-02", times_s[1], values[1], Interpolation::kStep);
    pipeline.SetPrediction([this](int sensor_index, double time_s) -> std::optional<double> {
      return cells_[sensor_index == frc1_ ? 1 : 0].ValueAt(time_s);
    });
  }
  void Feed(LivePipeline& pipeline) {
    Replay(readings_, {}, [&](std::span<const Reading> batch) { pipeline.IngestReadings(batch); });
  }
  SensorRegistry registry_ = SensorRegistry::LoadFile(testing::DemoRegistryPath());
  int frc1_ = registry_.IndexOf("FRC-01");
  int frc2_ = registry_.IndexOf("FRC-02");
  std::vector<Reading> readings_;
  TimeSeries cells_[2];
};

TEST_F(BridgeReplay, TheRecordPassesAsAHealthyConsistentStream) {
  // 48 000 rows of two load cells at 100 Hz.
  ASSERT_EQ(readings_.size(), 96000u);
  const std::string archive_path = testing::TempPath("bridge.h5");
  {
    LivePipeline pipeline(registry_, {archive_path, "", {}, "live pipeline"});
    PredictFromTheOtherCell(pipeline);
    Feed(pipeline);
    const PipelineCounts counts = pipeline.counts();
    EXPECT_EQ(counts.archived, 96000);
    EXPECT_EQ(counts.duplicates, 0);
    EXPECT_EQ(counts.flagged, 0);  // no gap, spike, stuck value or out-of-range force in the record
    EXPECT_EQ(counts.alarms, 0);   // below the thresholds, and FRC-01 stays within 4 kN of FRC-02
  }
  const SensorArchiveReader archive(archive_path);
  const ArchivedSeries frc1 = archive.Read("FRC-01");
  const ArchivedSeries frc2 = archive.Read("FRC-02");
  ASSERT_EQ(frc1.value.size(), 48000u);
  ASSERT_EQ(frc2.value.size(), 48000u);
  EXPECT_NEAR(frc1.time_s.back() - frc1.time_s.front(), 479.99, 1e-6);  // 8 min at dt = 0.01 s
  const auto mean = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  // The README's ranges, printed to 0.1 kN: FRC-01 233.8-245.6 kN (mean 240.2), FRC-02 233.7-245.5 kN
  // (mean 239.6).
  EXPECT_NEAR(*std::min_element(frc1.value.begin(), frc1.value.end()), 233.8, 0.1);
  EXPECT_NEAR(*std::max_element(frc1.value.begin(), frc1.value.end()), 245.6, 0.1);
  EXPECT_NEAR(mean(frc1.value), 240.2, 0.05);
  EXPECT_NEAR(*std::min_element(frc2.value.begin(), frc2.value.end()), 233.7, 0.1);
  EXPECT_NEAR(*std::max_element(frc2.value.begin(), frc2.value.end()), 245.5, 0.1);
  EXPECT_NEAR(mean(frc2.value), 239.6, 0.05);
  double largest_difference_kN = 0.0;
  for (size_t k = 0; k < frc1.value.size(); ++k) {
    largest_difference_kN = std::max(largest_difference_kN, std::abs(frc1.value[k] - frc2.value[k]));
  }
  EXPECT_LT(largest_difference_kN, 4.0);
  EXPECT_TRUE(std::all_of(frc1.quality.begin(), frc1.quality.end(), [](std::uint8_t q) { return q == 0; }));
}

TEST_F(BridgeReplay, ADriftingLoadCellIsCaughtByTheResidualRule) {
  // The same record with FRC-02 drifting by 2 kN per minute from minute 4: once the cells disagree by
  // more than 4 kN the residual rule raises level IV.
  const double start_s = readings_.front().time_s;
  for (Reading& reading : readings_) {
    const double minutes = (reading.time_s - start_s) / 60.0;
    if (reading.sensor_index == frc2_ && minutes > 4.0) reading.value += 2.0 * (minutes - 4.0);
  }
  LivePipeline pipeline(registry_, {"", "", {}, "live pipeline"});
  std::vector<Alarm> alarms;
  pipeline.SetAlarmHandler([&](const Alarm& alarm) { alarms.push_back(alarm); });
  PredictFromTheOtherCell(pipeline);
  Feed(pipeline);
  ASSERT_FALSE(alarms.empty());
  EXPECT_EQ(alarms.front().cause, AlarmCause::kResidual);
  EXPECT_EQ(alarms.front().level, WarningLevel::kIV);
  const double minutes = (alarms.front().time_s - start_s) / 60.0;
  EXPECT_GT(minutes, 4.5);  // at least 1 kN of drift added to the cells' own difference
  EXPECT_LT(minutes, 7.5);
}

}  // namespace
}  // namespace lifeline::live
