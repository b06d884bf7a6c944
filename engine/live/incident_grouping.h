// Incident grouping: alarms of one incident, near each other along the network and in time, become one
// event.
//
// A raising alarm (its level above the previous one) joins the open incident of the same system whose
// latest alarm is at most time_window_s earlier and that has a sensor near the alarm's sensor; otherwise
// it opens a new incident. "Near" is measured along the network (NetworkGraph::NetworkDistance_m between
// the sensors' elements, at most network_distance_m) when a network of the system was given and knows
// both elements, else as the plan distance between the sensors' positions (at most radius_m).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/live/sensor_registry.h"
#include "engine/live/warning_rules.h"
#include "engine/network_graph.h"

namespace lifeline::live {

struct GroupingConfig {
  double time_window_s = 900.0;       // an incident stays open this long after its latest alarm, s
  double radius_m = 250.0;            // plan distance between sensors of one incident, at most, m
  double network_distance_m = 600.0;  // distance along the network between their elements, at most, m
};

struct Incident {
  long id = 0;                                   // 1, 2, ... in order of opening
  std::string system;                            // the system of its alarms
  double first_time_s = 0.0;                     // its first alarm, s
  double last_time_s = 0.0;                      // its latest alarm, s
  WarningLevel max_level = WarningLevel::kNone;  // the highest level of its alarms
  std::vector<int> sensor_indexes;               // sensors that alarmed, in order of their first alarm
  std::vector<Alarm> alarms;                     // its alarms in arrival order
};

class IncidentGrouper {
 public:
  IncidentGrouper(const SensorRegistry& registry, GroupingConfig config);

  // Distances along this network are used for its system's sensors (the graph is copied; cheap).
  void AddNetwork(const NetworkGraph& network);

  struct Assignment {
    size_t incident_index = 0;  // into incidents()
    bool is_new = false;        // the alarm opened the incident
  };
  // Groups a raising alarm; a clearing alarm (level not above the previous one) is not grouped.
  std::optional<Assignment> Assign(const Alarm& alarm);

  const std::vector<Incident>& incidents() const { return incidents_; }

  // Distance between two sensors as the grouping measures it (network or plan), m.
  double SensorDistance_m(int sensor_a, int sensor_b) const;

 private:
  struct Measured {
    double distance_m = 0.0;     // m
    bool along_network = false;  // measured along a network, else in plan
  };
  Measured Measure(int sensor_a, int sensor_b) const;
  std::optional<NetworkPoint> PointOf(const Sensor& sensor, const NetworkGraph& network) const;
  bool Near(int sensor_a, int sensor_b) const;

  const SensorRegistry* registry_;
  GroupingConfig config_;
  std::vector<NetworkGraph> networks_;
  std::vector<Incident> incidents_;
};

}  // namespace lifeline::live
