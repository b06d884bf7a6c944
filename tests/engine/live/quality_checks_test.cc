// Tests for engine/live/quality_checks.cc: range, stuck, spike, gap, out-of-order and duplicate flags on
// crafted sequences.
#include "engine/live/quality_checks.h"

#include <gtest/gtest.h>

#include "live_test_support.h"

namespace lifeline::live {
namespace {

class QualityChecks : public ::testing::Test {
 protected:
  std::uint8_t Check(double time_s, double value) { return checker_.Check({gas_, time_s, value}); }
  SensorRegistry registry_ = testing::SmallRegistry();
  int gas_ = registry_.IndexOf("GAS-A");  // valid 0..100, spike 30, stuck 30 s, period 1 s, gap factor 3
  QualityChecker checker_{registry_};
};

TEST_F(QualityChecks, ASteadyVaryingStreamIsGood) {
  for (int k = 0; k < 100; ++k) EXPECT_EQ(Check(k, 1.0 + 0.1 * (k % 7)), kQualityGood) << k;
}

TEST_F(QualityChecks, FlagsValuesOutOfRange) {
  EXPECT_EQ(Check(0, 50.0), kQualityGood);
  EXPECT_EQ(Check(1, 101.0) & kQualityOutOfRange, kQualityOutOfRange);
  EXPECT_EQ(Check(2, -0.5) & kQualityOutOfRange, kQualityOutOfRange);
  EXPECT_EQ(Check(3, 100.0) & kQualityOutOfRange, 0);
}

TEST_F(QualityChecks, FlagsASpikeButNotASteepRamp) {
  EXPECT_EQ(Check(0, 1.0), kQualityGood);
  EXPECT_EQ(Check(1, 45.0), kQualitySpike);
  EXPECT_EQ(Check(2, 46.0), kQualityGood);
  for (int k = 3; k < 10; ++k) EXPECT_EQ(Check(k, 46.0 + 20.0 * (k - 2)) & kQualitySpike, 0) << k;
}

TEST_F(QualityChecks, FlagsAValueStuckForTheStuckDuration) {
  std::uint8_t last = kQualityGood;
  for (int k = 0; k <= 29; ++k) {
    last = Check(k, 7.0);
    EXPECT_EQ(last, kQualityGood) << k;
  }
  EXPECT_EQ(Check(30, 7.0), kQualityStuck);
  EXPECT_EQ(Check(31, 7.0), kQualityStuck);
  EXPECT_EQ(Check(32, 7.5), kQualityGood);
}

TEST_F(QualityChecks, FlagsAGapBeforeALateReading) {
  EXPECT_EQ(Check(0, 1.0), kQualityGood);
  EXPECT_EQ(Check(3, 1.1), kQualityGood);  // exactly gap_factor x period
  EXPECT_EQ(Check(6.5, 1.2), kQualityGapBefore);
  EXPECT_EQ(QualityText(kQualityGapBefore | kQualitySpike), "spike+gap");
}

TEST_F(QualityChecks, FlagsOutOfOrderAndDuplicateTimes) {
  EXPECT_EQ(Check(10, 1.0), kQualityGood);
  EXPECT_EQ(Check(11, 1.1), kQualityGood);
  EXPECT_EQ(Check(11, 1.1), kQualityDuplicate);
  EXPECT_EQ(Check(10, 1.0), kQualityDuplicate);
  EXPECT_EQ(Check(9, 1.0), kQualityOutOfOrder);
  EXPECT_EQ(Check(9, 1.0), kQualityDuplicate);  // the late one is remembered too
  // The state is unchanged: the next reading follows 11, with no gap and no spike.
  EXPECT_EQ(Check(12, 1.2), kQualityGood);
}

TEST_F(QualityChecks, SensorsAreCheckedIndependently) {
  const int other = registry_.IndexOf("GAS-B");
  EXPECT_EQ(Check(5, 1.0), kQualityGood);
  EXPECT_EQ(checker_.Check({other, 5, 1.0}), kQualityGood);
  EXPECT_EQ(checker_.Check({other, 4, 1.0}), kQualityOutOfOrder);
}

}  // namespace
}  // namespace lifeline::live
