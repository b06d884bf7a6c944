// Tests for engine/simulation_clock.cc.
#include "engine/simulation_clock.h"

#include <gtest/gtest.h>

#include "engine/error.h"

namespace lifeline {
namespace {

TEST(EventQueue, PopsDueEventsInTimeThenSchedulingOrder) {
  EventQueue queue;
  queue.Schedule(20.0, "b");
  queue.Schedule(10.0, "a");
  queue.Schedule(20.0, "c");
  EXPECT_DOUBLE_EQ(queue.next_time_s(), 10.0);
  EXPECT_TRUE(queue.PopDue(5.0).empty());
  const auto due = queue.PopDue(20.0);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[0].label, "a");
  EXPECT_EQ(due[1].label, "b");
  EXPECT_EQ(due[2].label, "c");
  EXPECT_TRUE(queue.empty());
  EXPECT_THROW(queue.Schedule(std::numeric_limits<double>::infinity(), "never"), Error);
}

TEST(SimulationClock, StepsStopAtEventsReportsAndTheEnd) {
  SimulationClock clock(0.0, 100.0, 30.0);
  clock.events().Schedule(12.5, "pump P1 off");
  EXPECT_DOUBLE_EQ(clock.NextStepEnd(), 12.5);
  EXPECT_DOUBLE_EQ(clock.NextStepEnd(5.0), 5.0);
  clock.AdvanceTo(12.5);
  EXPECT_EQ(clock.events().PopDue(clock.time_s()).size(), 1u);
  EXPECT_FALSE(clock.AtReportTime());
  EXPECT_DOUBLE_EQ(clock.NextStepEnd(), 30.0);
  clock.AdvanceTo(30.0);
  EXPECT_TRUE(clock.AtReportTime());
  clock.AdvanceTo(60.0);
  clock.AdvanceTo(90.0);
  EXPECT_DOUBLE_EQ(clock.NextStepEnd(), 100.0);
  clock.AdvanceTo(100.0);
  EXPECT_TRUE(clock.finished());
}

TEST(SimulationClock, RefusesToJumpOverAStop) {
  SimulationClock clock(0.0, 100.0, 30.0);
  EXPECT_THROW(clock.AdvanceTo(45.0), Error);
  EXPECT_THROW(clock.AdvanceTo(0.0), Error);
  EXPECT_THROW(SimulationClock(0.0, 0.0, 1.0), Error);
  EXPECT_THROW(SimulationClock(0.0, 10.0, 0.0), Error);
}

TEST(SimulationClock, ReportTimesSurviveRoundOff) {
  SimulationClock clock(0.0, 1.0, 0.1);
  int reports = 0;
  while (!clock.finished()) {
    clock.AdvanceTo(clock.NextStepEnd());
    if (clock.AtReportTime()) ++reports;
  }
  EXPECT_EQ(reports, 10);
}

}  // namespace
}  // namespace lifeline
