// Tests for engine/live/replay.cc: CSV recordings (seconds and UTC timestamps), errors naming the line,
// replay from the archive, batching and pacing.
#include "engine/live/replay.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "engine/error.h"
#include "engine/live/sensor_archive.h"
#include "live_test_support.h"

namespace lifeline::live {
namespace {

class Replay : public ::testing::Test {
 protected:
  std::string WriteCsv(const std::string& name, const std::string& text) {
    const std::string path = testing::TempPath(name);
    std::ofstream(path) << text;
    return path;
  }
  SensorRegistry registry_ = testing::SmallRegistry();
};

TEST_F(Replay, ReadsAWideCsvWithSecondsAndEmptyCells) {
  const std::string path = WriteCsv("seconds.csv", "time_s,GAS-A [%LEL],LVL-T1\n0,1.5,4.0\n1,,4.1\n2,2.5,\n");
  const std::vector<Reading> readings = ReadCsvRecording(path, registry_);
  ASSERT_EQ(readings.size(), 4u);
  EXPECT_EQ(readings[0].sensor_index, registry_.IndexOf("GAS-A"));
  EXPECT_EQ(readings[2].sensor_index, registry_.IndexOf("LVL-T1"));
  EXPECT_DOUBLE_EQ(readings[2].time_s, 1.0);
  EXPECT_DOUBLE_EQ(readings[3].value, 2.5);
}

TEST_F(Replay, ReadsUtcTimestamps) {
  double time_s = 0.0;
  ASSERT_TRUE(ParseUtcTimestamp("1970-01-02 00:00:01.250", time_s));
  EXPECT_DOUBLE_EQ(time_s, 86401.25);
  ASSERT_TRUE(ParseUtcTimestamp("2022-11-04 08:36:24.897", time_s));
  EXPECT_NEAR(time_s, 1667550984.897, 1e-6);  // date -u -d '2022-11-04 08:36:24' +%s = 1667550984
  EXPECT_FALSE(ParseUtcTimestamp("2022-13-04 08:36:24", time_s));
  EXPECT_FALSE(ParseUtcTimestamp("yesterday", time_s));
}

TEST_F(Replay, MalformedCsvIsAnErrorNamingTheLine) {
  const auto message_of = [&](const std::string& text) {
    try {
      ReadCsvRecording(WriteCsv("bad.csv", text), registry_);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THAT(message_of("t,GAS-A\n0,1\n1,x\n"), ::testing::HasSubstr("bad.csv:3:"));
  EXPECT_THAT(message_of("t,GAS-A\n0,1,2\n"), ::testing::HasSubstr("bad.csv:2: 3 cells"));
  EXPECT_THAT(message_of("t,NOPE\n0,1\n"), ::testing::HasSubstr("bad.csv:1: sensor column 'NOPE'"));
  EXPECT_THAT(message_of("t,GAS-A [ppm]\n0,1\n"), ::testing::HasSubstr("registry says '%LEL'"));
  EXPECT_THAT(message_of("t,GAS-A\nnoon,1\n"), ::testing::HasSubstr("bad.csv:2: time 'noon'"));
}

TEST_F(Replay, ReplaysTheArchiveInTimeOrder) {
  const std::string path = testing::TempPath("replay.h5");
  {
    SensorArchiveWriter writer(path, registry_);
    writer.Append({registry_.IndexOf("LVL-T1"), 0.5, 4.0}, 0);
    writer.Append({registry_.IndexOf("LVL-T1"), 2.5, 4.2}, 0);
    writer.Append({registry_.IndexOf("GAS-A"), 1.5, 3.0}, 0);
  }
  const std::vector<Reading> readings = ReadArchiveRecording(path, registry_);
  ASSERT_EQ(readings.size(), 3u);
  EXPECT_DOUBLE_EQ(readings[0].time_s, 0.5);
  EXPECT_DOUBLE_EQ(readings[1].time_s, 1.5);
  EXPECT_EQ(readings[1].sensor_index, registry_.IndexOf("GAS-A"));
  EXPECT_DOUBLE_EQ(readings[2].value, 4.2);
}

TEST_F(Replay, HandsEveryReadingOnceInBatches) {
  std::vector<Reading> readings;
  for (int k = 0; k < 2500; ++k) readings.push_back({0, double(k), double(k)});
  std::vector<size_t> batch_sizes;
  double next_time_s = 0.0;
  const long count = live::Replay(readings, {0.0, 1000}, [&](std::span<const Reading> batch) {
    batch_sizes.push_back(batch.size());
    for (const Reading& reading : batch) {
      EXPECT_DOUBLE_EQ(reading.time_s, next_time_s);
      next_time_s += 1.0;
    }
  });
  EXPECT_EQ(count, 2500);
  EXPECT_THAT(batch_sizes, ::testing::ElementsAre(1000u, 1000u, 500u));
}

TEST_F(Replay, PacedReplayHandsReadingsAsTheyFallDue) {
  // Three readings 0.1 s apart at 2x real time: each is due 50 ms after the one before.
  const std::vector<Reading> readings = {{0, 0.0, 1.0}, {0, 0.1, 2.0}, {0, 0.2, 3.0}};
  int batches = 0;
  live::Replay(readings, {2.0, 1000}, [&](std::span<const Reading>) { ++batches; });
  EXPECT_EQ(batches, 3);
}

}  // namespace
}  // namespace lifeline::live
