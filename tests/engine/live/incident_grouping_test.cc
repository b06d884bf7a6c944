// Tests for engine/live/incident_grouping.cc: alarms grouped by plan radius, by distance along the
// network, and in time.
#include "engine/live/incident_grouping.h"

#include <gtest/gtest.h>

#include "live_test_support.h"

namespace lifeline::live {
namespace {

Alarm Raise(int sensor_index, double time_s, WarningLevel level,
            WarningLevel previous = WarningLevel::kNone) {
  Alarm alarm;
  alarm.sensor_index = sensor_index;
  alarm.time_s = time_s;
  alarm.level = level;
  alarm.previous_level = previous;
  return alarm;
}

TEST(IncidentGrouping, GroupsNearbyAlarmsWithinTheTimeWindow) {
  const SensorRegistry registry = testing::SmallRegistry();
  IncidentGrouper grouper(registry, {600.0, 100.0, 600.0});
  const int a = registry.IndexOf("GAS-A"), b = registry.IndexOf("GAS-B"), far = registry.IndexOf("GAS-FAR");
  EXPECT_DOUBLE_EQ(grouper.SensorDistance_m(a, b), 50.0);
  const auto first = grouper.Assign(Raise(a, 0, WarningLevel::kIV));
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->is_new);
  const auto near = grouper.Assign(Raise(b, 100, WarningLevel::kIII));
  ASSERT_TRUE(near);
  EXPECT_FALSE(near->is_new);
  EXPECT_EQ(near->incident_index, first->incident_index);
  EXPECT_TRUE(grouper.Assign(Raise(far, 120, WarningLevel::kIV))->is_new);                    // 2 km away
  EXPECT_TRUE(grouper.Assign(Raise(a, 800, WarningLevel::kII, WarningLevel::kIII))->is_new);  // too late
  // A clearing alarm is not grouped.
  EXPECT_FALSE(grouper.Assign(Raise(a, 900, WarningLevel::kNone, WarningLevel::kII)));

  ASSERT_EQ(grouper.incidents().size(), 3u);
  const Incident& incident = grouper.incidents()[0];
  EXPECT_EQ(incident.id, 1);
  EXPECT_EQ(incident.max_level, WarningLevel::kIII);
  EXPECT_EQ(incident.sensor_indexes, (std::vector<int>{a, b}));
  EXPECT_DOUBLE_EQ(incident.last_time_s, 100.0);
}

TEST(IncidentGrouping, MeasuresAlongTheNetworkWhenItKnowsBothElements) {
  // Two pressure sensors 450 m apart in plan but 1650 m apart along the pipes (the link between them
  // is missing): along the network they are not one incident.
  const SensorRegistry registry = SensorRegistry::LoadText(R"({"sensors": [
      {"id": "P-J1", "system": "water", "element": "J1", "quantity": "pressure_head_m", "unit": "m",
       "x_m": 0, "y_m": 0, "sampling_period_s": 60},
      {"id": "P-J2", "system": "water", "element": "J2", "quantity": "pressure_head_m", "unit": "m",
       "x_m": 0, "y_m": 450, "sampling_period_s": 60},
      {"id": "P-J3", "system": "water", "element": "PIPE-12", "quantity": "pressure_head_m", "unit": "m",
       "x_m": 400, "y_m": 0, "sampling_period_s": 60}]})",
                                                           "network-registry");
  NetworkGraphBuilder builder("water");
  builder.AddNode({"J1", "junction", {0, 0, 0}});
  builder.AddNode({"J2", "junction", {0, 450, 0}});
  builder.AddNode({"J3", "junction", {800, 0, 0}});
  builder.AddNode({"J4", "junction", {800, 450, 0}});
  builder.AddLink({"PIPE-12", "pipe", 800.0, false}, "J1", "J3");
  builder.AddLink({"PIPE-34", "pipe", 450.0, false}, "J3", "J4");
  builder.AddLink({"PIPE-42", "pipe", 800.0, false}, "J4", "J2");
  IncidentGrouper grouper(registry, {600.0, 500.0, 600.0});
  EXPECT_DOUBLE_EQ(grouper.SensorDistance_m(0, 1), 450.0);  // plan, before the network is known
  grouper.AddNetwork(builder.Build());
  EXPECT_DOUBLE_EQ(grouper.SensorDistance_m(0, 1), 2050.0);
  EXPECT_DOUBLE_EQ(grouper.SensorDistance_m(0, 2), 400.0);  // to the middle of PIPE-12
  EXPECT_TRUE(grouper.Assign(Raise(0, 0, WarningLevel::kIV))->is_new);
  EXPECT_TRUE(grouper.Assign(Raise(1, 10, WarningLevel::kIV))->is_new);
  EXPECT_FALSE(grouper.Assign(Raise(2, 20, WarningLevel::kIV))->is_new);
}

}  // namespace
}  // namespace lifeline::live
