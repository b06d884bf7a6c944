// Tests for engine/live/sensor_archive.cc: a round trip, reading while the file is being written (from
// another process), appending to an existing archive, and an unwritable path.
#include "engine/live/sensor_archive.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/error.h"
#include "engine/live/quality_checks.h"
#include "live_test_support.h"

namespace lifeline::live {
namespace {

class SensorArchive : public ::testing::Test {
 protected:
  SensorRegistry registry_ = testing::SmallRegistry();
  int gas_ = registry_.IndexOf("GAS-A");
  int level_ = registry_.IndexOf("LVL-T1");
  std::string path_ = testing::TempPath("archive.h5");
};

TEST_F(SensorArchive, RoundTripsValuesTimesAndFlags) {
  {
    SensorArchiveWriter writer(path_, registry_);
    for (int k = 0; k < 5000; ++k)
      writer.Append({gas_, 0.5 * k, 0.001 * k}, k % 100 == 0 ? kQualitySpike : 0);
    writer.Append({level_, 60.0, 4.25}, kQualityGood);
    writer.Flush();
    EXPECT_EQ(writer.archived_count(gas_), 5000);
    EXPECT_EQ(writer.archived_count(level_), 1);
  }
  const SensorArchiveReader reader(path_);
  EXPECT_THAT(reader.SensorIds(), ::testing::ElementsAre("GAS-A", "GAS-B", "GAS-FAR", "LVL-T1", "PRS-J3"));
  const ArchivedSeries gas = reader.Read("GAS-A");
  EXPECT_EQ(gas.unit, "%LEL");
  ASSERT_EQ(gas.time_s.size(), 5000u);
  EXPECT_DOUBLE_EQ(gas.time_s[4999], 2499.5);
  EXPECT_DOUBLE_EQ(gas.value[1234], 1.234);
  EXPECT_EQ(gas.quality[300], kQualitySpike);
  EXPECT_EQ(gas.quality[301], kQualityGood);
  EXPECT_TRUE(reader.Read("GAS-B").time_s.empty());
  EXPECT_THROW(reader.Read("NOPE"), Error);
}

TEST_F(SensorArchive, AnotherProcessReadsItWhileItIsWritten) {
  SensorArchiveWriter writer(path_, registry_);
  for (int k = 0; k < 100; ++k) writer.Append({gas_, double(k), 1.0}, 0);
  writer.Flush();
  for (int k = 100; k < 150; ++k) writer.Append({gas_, double(k), 1.0}, 0);  // buffered, not flushed
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The reader sees exactly the flushed rows.
    int status = 3;
    try {
      const SensorArchiveReader reader(path_);
      const ArchivedSeries series = reader.Read("GAS-A");
      status = series.time_s.size() == 100 && series.time_s.back() == 99.0 ? 0 : 1;
    } catch (const std::exception&) {
      status = 2;
    }
    _exit(status);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: wrong row count, 2: could not read while written";
  writer.Flush();
  EXPECT_EQ(writer.archived_count(gas_), 150);
}

TEST_F(SensorArchive, AppendsToAnExistingArchive) {
  {
    SensorArchiveWriter writer(path_, registry_);
    writer.Append({gas_, 1.0, 2.0}, 0);
  }  // closing flushes
  {
    SensorArchiveWriter writer(path_, registry_);
    EXPECT_EQ(writer.archived_count(gas_), 1);
    writer.Append({gas_, 2.0, 3.0}, kQualityStuck);
    writer.Flush();
  }
  const ArchivedSeries series = SensorArchiveReader(path_).Read("GAS-A");
  ASSERT_EQ(series.time_s.size(), 2u);
  EXPECT_DOUBLE_EQ(series.value[1], 3.0);
  EXPECT_EQ(series.quality[1], kQualityStuck);
}

TEST_F(SensorArchive, AnUnwritablePathIsAnErrorNamingIt) {
  try {
    SensorArchiveWriter writer("/nonexistent-dir/archive.h5", registry_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("/nonexistent-dir/archive.h5"));
  }
}

}  // namespace
}  // namespace lifeline::live
