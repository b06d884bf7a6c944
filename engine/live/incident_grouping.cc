// Incident grouping (see incident_grouping.h).
#include "engine/live/incident_grouping.h"

#include <algorithm>
#include <cmath>

namespace lifeline::live {

IncidentGrouper::IncidentGrouper(const SensorRegistry& registry, GroupingConfig config)
    : registry_(&registry), config_(config) {}

void IncidentGrouper::AddNetwork(const NetworkGraph& network) { networks_.push_back(network); }

std::optional<NetworkPoint> IncidentGrouper::PointOf(const Sensor& sensor,
                                                     const NetworkGraph& network) const {
  if (const auto node = network.FindNode(sensor.element_id)) return NetworkPoint::AtNode(*node);
  if (const auto link = network.FindLink(sensor.element_id)) {
    return NetworkPoint::AlongLink(*link, 0.5 * network.link(*link).length_m);
  }
  return std::nullopt;
}

IncidentGrouper::Measured IncidentGrouper::Measure(int sensor_a, int sensor_b) const {
  const Sensor& a = registry_->sensors()[static_cast<size_t>(sensor_a)];
  const Sensor& b = registry_->sensors()[static_cast<size_t>(sensor_b)];
  if (a.system == b.system) {
    for (const NetworkGraph& network : networks_) {
      if (network.system() != a.system) continue;
      const auto point_a = PointOf(a, network);
      const auto point_b = PointOf(b, network);
      if (point_a && point_b) return {network.NetworkDistance_m(*point_a, *point_b), true};
    }
  }
  return {Distance_m(a.position, b.position, DistanceMetric::kPlan), false};
}

double IncidentGrouper::SensorDistance_m(int sensor_a, int sensor_b) const {
  return Measure(sensor_a, sensor_b).distance_m;
}

bool IncidentGrouper::Near(int sensor_a, int sensor_b) const {
  if (sensor_a == sensor_b) return true;
  const Measured measured = Measure(sensor_a, sensor_b);
  return measured.distance_m <= (measured.along_network ? config_.network_distance_m : config_.radius_m);
}

std::optional<IncidentGrouper::Assignment> IncidentGrouper::Assign(const Alarm& alarm) {
  if (alarm.level <= alarm.previous_level) return std::nullopt;
  const Sensor& sensor = registry_->sensors()[static_cast<size_t>(alarm.sensor_index)];
  // The most recent open incident of the system near this sensor.
  for (size_t k = incidents_.size(); k-- > 0;) {
    Incident& incident = incidents_[k];
    if (incident.system != sensor.system || alarm.time_s - incident.last_time_s > config_.time_window_s)
      continue;
    const bool near = std::any_of(incident.sensor_indexes.begin(), incident.sensor_indexes.end(),
                                  [&](int member) { return Near(member, alarm.sensor_index); });
    if (!near) continue;
    incident.last_time_s = std::max(incident.last_time_s, alarm.time_s);
    incident.max_level = std::max(incident.max_level, alarm.level);
    if (std::find(incident.sensor_indexes.begin(), incident.sensor_indexes.end(), alarm.sensor_index) ==
        incident.sensor_indexes.end()) {
      incident.sensor_indexes.push_back(alarm.sensor_index);
    }
    incident.alarms.push_back(alarm);
    return Assignment{k, false};
  }
  Incident incident;
  incident.id = static_cast<long>(incidents_.size()) + 1;
  incident.system = sensor.system;
  incident.first_time_s = alarm.time_s;
  incident.last_time_s = alarm.time_s;
  incident.max_level = alarm.level;
  incident.sensor_indexes.push_back(alarm.sensor_index);
  incident.alarms.push_back(alarm);
  incidents_.push_back(std::move(incident));
  return Assignment{incidents_.size() - 1, true};
}

}  // namespace lifeline::live
