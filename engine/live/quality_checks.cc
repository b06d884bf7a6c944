// Quality checks per sensor (see quality_checks.h).
#include "engine/live/quality_checks.h"

#include <algorithm>
#include <cmath>

namespace lifeline::live {

std::string QualityText(std::uint8_t flags) {
  if (flags == kQualityGood) return "good";
  static constexpr struct {
    std::uint8_t flag;
    const char* name;
  } kNames[] = {{kQualityOutOfRange, "range"},
                {kQualityStuck, "stuck"},
                {kQualitySpike, "spike"},
                {kQualityGapBefore, "gap"},
                {kQualityOutOfOrder, "out-of-order"},
                {kQualityDuplicate, "duplicate"}};
  std::string text;
  for (const auto& entry : kNames) {
    if ((flags & entry.flag) == 0) continue;
    if (!text.empty()) text += '+';
    text += entry.name;
  }
  return text;
}

QualityChecker::QualityChecker(const SensorRegistry& registry)
    : registry_(&registry), states_(registry.size()) {}

bool QualityChecker::SeenBefore(const SensorState& state, double time_s) const {
  return std::find(state.recent_times_s.begin(), state.recent_times_s.end(), time_s) !=
         state.recent_times_s.end();
}

void QualityChecker::Remember(SensorState& state, double time_s) {
  if (state.recent_times_s.size() < static_cast<size_t>(kRecentTimeCount)) {
    state.recent_times_s.push_back(time_s);
    return;
  }
  state.recent_times_s[state.recent_next] = time_s;
  state.recent_next = (state.recent_next + 1) % static_cast<size_t>(kRecentTimeCount);
}

std::uint8_t QualityChecker::Check(const Reading& reading) {
  const Sensor& sensor = registry_->sensors()[static_cast<size_t>(reading.sensor_index)];
  const QualityLimits& limits = sensor.quality;
  SensorState& state = states_[static_cast<size_t>(reading.sensor_index)];
  std::uint8_t flags = kQualityGood;

  if (reading.value < limits.valid_min || reading.value > limits.valid_max) flags |= kQualityOutOfRange;

  // Time order: a time at or before the latest one is a duplicate or out of order.
  if (state.has_previous && reading.time_s <= state.previous_time_s) {
    if (SeenBefore(state, reading.time_s)) return flags | kQualityDuplicate;
    Remember(state, reading.time_s);
    return flags | kQualityOutOfOrder;
  }
  Remember(state, reading.time_s);

  if (state.has_previous) {
    if (reading.time_s - state.previous_time_s > limits.gap_factor * sensor.sampling_period_s) {
      flags |= kQualityGapBefore;
    }
    const double change = std::abs(reading.value - state.previous_value);
    if (change > limits.spike_delta) flags |= kQualitySpike;
    if (change > limits.stuck_tolerance) {
      state.unchanged_since_s = reading.time_s;
    } else if (reading.time_s - state.unchanged_since_s >= limits.stuck_duration_s) {
      flags |= kQualityStuck;
    }
  } else {
    state.unchanged_since_s = reading.time_s;
  }
  state.has_previous = true;
  state.previous_time_s = reading.time_s;
  state.previous_value = reading.value;
  return flags;
}

}  // namespace lifeline::live
