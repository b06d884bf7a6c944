// Tests for engine/time_series.cc.
#include "engine/time_series.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/error.h"

namespace lifeline {
namespace {

TEST(TimeSeries, StepHoldsUntilTheNextBreakpoint) {
  const TimeSeries s("rain", {0.0, 10.0, 20.0}, {1.0, 3.0, 5.0}, Interpolation::kStep);
  EXPECT_DOUBLE_EQ(s.ValueAt(-5.0), 1.0);
  EXPECT_DOUBLE_EQ(s.ValueAt(9.999), 1.0);
  EXPECT_DOUBLE_EQ(s.ValueAt(10.0), 3.0);
  EXPECT_DOUBLE_EQ(s.ValueAt(25.0), 5.0);
}

TEST(TimeSeries, LinearInterpolatesBetweenBreakpoints) {
  const TimeSeries s("level", {0.0, 10.0}, {2.0, 4.0}, Interpolation::kLinear);
  EXPECT_DOUBLE_EQ(s.ValueAt(2.5), 2.5);
  EXPECT_DOUBLE_EQ(s.ValueAt(10.0), 4.0);
  EXPECT_DOUBLE_EQ(s.ValueAt(100.0), 4.0);
}

TEST(TimeSeries, PatternRepeatsEveryPeriod) {
  const TimeSeries p = TimeSeries::Pattern("diurnal", 3600.0, {0.5, 1.0, 1.5});
  EXPECT_DOUBLE_EQ(p.period_s(), 10800.0);
  EXPECT_DOUBLE_EQ(p.ValueAt(0.0), 0.5);
  EXPECT_DOUBLE_EQ(p.ValueAt(7300.0), 1.5);
  EXPECT_DOUBLE_EQ(p.ValueAt(10800.0 + 3700.0), 1.0);
  EXPECT_DOUBLE_EQ(p.NextBreakpointAfter(0.0), 3600.0);
  EXPECT_DOUBLE_EQ(p.NextBreakpointAfter(7200.0), 10800.0);
  EXPECT_DOUBLE_EQ(p.NextBreakpointAfter(10800.0 + 100.0), 14400.0);
}

TEST(TimeSeries, NextBreakpointOfAFiniteSeries) {
  const TimeSeries s("x", {0.0, 10.0}, {1.0, 2.0}, Interpolation::kStep);
  EXPECT_DOUBLE_EQ(s.NextBreakpointAfter(-1.0), 0.0);
  EXPECT_DOUBLE_EQ(s.NextBreakpointAfter(0.0), 10.0);
  EXPECT_TRUE(std::isinf(s.NextBreakpointAfter(10.0)));
}

TEST(TimeSeries, AppendKeepsLiveDataInOrder) {
  TimeSeries s("sensor", {}, {}, Interpolation::kLinear);
  s.Append(0.0, 1.0);
  s.Append(60.0, 2.0);
  EXPECT_DOUBLE_EQ(s.ValueAt(30.0), 1.5);
  EXPECT_THROW(s.Append(60.0, 3.0), Error);  // duplicate time
  EXPECT_THROW(s.Append(30.0, 3.0), Error);  // out of order
  EXPECT_THROW(s.Append(90.0, std::numeric_limits<double>::quiet_NaN()), Error);
  EXPECT_EQ(s.size(), 2u);  // nothing stored was lost
}

TEST(TimeSeries, BadConstructionNamesTheSeries) {
  try {
    TimeSeries("demand", {0.0, 1.0}, {1.0}, Interpolation::kStep);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("demand"), std::string::npos);
  }
  EXPECT_THROW(TimeSeries::Pattern("p", 0.0, {1.0}), Error);
  EXPECT_THROW(TimeSeries::Pattern("p", 60.0, {}), Error);
  EXPECT_THROW(TimeSeries().ValueAt(0.0), Error);
}

}  // namespace
}  // namespace lifeline
