// Warning rules (see warning_rules.h).
#include "engine/live/warning_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace lifeline::live {
namespace {

WarningLevel LevelOfIndex(size_t k) { return static_cast<WarningLevel>(static_cast<int>(k) + 1); }

// Severity: grows in the worse direction, so that every rule compares "greater is worse".
double Severity(const WarningConfig& config, double value) { return config.rising ? value : -value; }

}  // namespace

std::string_view AlarmCauseName(AlarmCause cause) {
  switch (cause) {
    case AlarmCause::kThreshold:
      return "threshold";
    case AlarmCause::kRateOfChange:
      return "rate of change";
    case AlarmCause::kResidual:
      return "model residual";
    case AlarmCause::kForecast:
      return "predicted crossing";
  }
  return "threshold";
}

WarningRules::WarningRules(const SensorRegistry& registry) : registry_(&registry), states_(registry.size()) {}

void WarningRules::SetPrediction(PredictionFunction prediction) { prediction_ = std::move(prediction); }

WarningLevel WarningRules::level(int sensor_index) const {
  return states_.at(static_cast<size_t>(sensor_index)).level;
}

WarningLevel WarningRules::ThresholdLevel(const Sensor& sensor, SensorState& state,
                                          const Reading& reading) const {
  const WarningConfig& config = sensor.warning;
  const double severity = Severity(config, reading.value);
  WarningLevel raised = WarningLevel::kNone;  // highest level held long enough
  WarningLevel kept = WarningLevel::kNone;    // highest level not yet cleared by the hysteresis
  for (size_t k = 0; k < 4; ++k) {
    if (std::isnan(config.threshold[k])) continue;
    const double threshold = Severity(config, config.threshold[k]);
    if (severity >= threshold) {
      if (std::isnan(state.beyond_since_s[k])) state.beyond_since_s[k] = reading.time_s;
      if (reading.time_s - state.beyond_since_s[k] >= config.min_duration_s) raised = LevelOfIndex(k);
    } else {
      state.beyond_since_s[k] = kUnset;
    }
    if (severity > threshold - config.hysteresis) kept = LevelOfIndex(k);
  }
  state.threshold_level = std::max(raised, std::min(state.threshold_level, kept));
  return state.threshold_level;
}

WarningLevel WarningRules::ForecastLevel(const Sensor& sensor, const SensorState& state, double slope_per_s,
                                         const Reading& reading) const {
  const WarningConfig& config = sensor.warning;
  const double severity_slope = config.rising ? slope_per_s : -slope_per_s;
  if (!(severity_slope > 0.0) || !(config.forecast_horizon_s > 0.0)) return WarningLevel::kNone;
  // Only the next level above the threshold rule's is forecast: an early warning of what comes next.
  for (size_t k = 0; k < 4; ++k) {
    if (std::isnan(config.threshold[k]) || LevelOfIndex(k) <= state.threshold_level) continue;
    const double time_to_cross_s =
        (Severity(config, config.threshold[k]) - Severity(config, reading.value)) / severity_slope;
    return time_to_cross_s <= config.forecast_horizon_s ? LevelOfIndex(k) : WarningLevel::kNone;
  }
  return WarningLevel::kNone;
}

std::optional<Alarm> WarningRules::Evaluate(const Reading& reading) {
  const Sensor& sensor = registry_->sensors()[static_cast<size_t>(reading.sensor_index)];
  const WarningConfig& config = sensor.warning;
  SensorState& state = states_[static_cast<size_t>(reading.sensor_index)];

  WarningLevel level = ThresholdLevel(sensor, state, reading);
  AlarmCause cause = AlarmCause::kThreshold;
  const auto consider = [&](WarningLevel candidate, AlarmCause candidate_cause) {
    if (candidate > level) {
      level = candidate;
      cause = candidate_cause;
    }
  };

  // Trend over the window: rate of change and forecast.
  const bool needs_trend = !std::isnan(config.max_rate_per_s) || config.forecast_horizon_s > 0.0;
  if (needs_trend) {
    state.trend.emplace_back(reading.time_s, reading.value);
    while (state.trend.size() > 2 && reading.time_s - state.trend.front().first > config.trend_window_s) {
      state.trend.pop_front();
    }
    const double span_s = reading.time_s - state.trend.front().first;
    if (span_s > 0.0 && span_s >= 0.5 * config.trend_window_s) {
      const double slope_per_s = (reading.value - state.trend.front().second) / span_s;
      if (std::abs(slope_per_s) > config.max_rate_per_s)
        consider(config.rate_level, AlarmCause::kRateOfChange);
      consider(ForecastLevel(sensor, state, slope_per_s, reading), AlarmCause::kForecast);
    }
  }
  if (!std::isnan(config.max_residual) && prediction_) {
    const std::optional<double> predicted = prediction_(reading.sensor_index, reading.time_s);
    if (predicted && std::abs(reading.value - *predicted) > config.max_residual) {
      consider(config.residual_level, AlarmCause::kResidual);
    }
  }

  if (level == state.level) return std::nullopt;
  Alarm alarm;
  alarm.sensor_index = reading.sensor_index;
  alarm.time_s = reading.time_s;
  alarm.value = reading.value;
  alarm.level = level;
  alarm.previous_level = state.level;
  alarm.cause = cause;
  alarm.message = level > state.level
                      ? fmt::format("{} {} {} {}: level {} ({})", sensor.id, sensor.quantity, reading.value,
                                    sensor.unit, LevelName(level), AlarmCauseName(cause))
                      : fmt::format("{} {} {} {}: level {} -> {}", sensor.id, sensor.quantity, reading.value,
                                    sensor.unit, LevelName(state.level), LevelName(level));
  state.level = level;
  return alarm;
}

}  // namespace lifeline::live
