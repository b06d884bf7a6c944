// Warning rules: the graded level (IV blue ... I red) of each sensor, raised from its readings.
//
// Four rules per sensor (WarningConfig in sensor_registry.h), the sensor's level being the highest:
//   threshold  level k when the value is at or past threshold[k] (in the worse direction) and has been
//              so for at least min_duration_s; a raised level clears only when the value comes back
//              past threshold[k] by more than the hysteresis (clearing is immediate).
//   rate       rate_level when |dv/dt| over the trend window (newest vs oldest reading in the window,
//              once the window is at least half filled) exceeds max_rate_per_s.
//   residual   residual_level when |value - model prediction| > max_residual; the prediction comes
//              from a function the twin supplies (the model's value at the sensor's place).
//   forecast   the next level above the threshold rule's, when the linear trend over the window
//              reaches its threshold within forecast_horizon_s (a predicted crossing warns before the
//              value gets there, one level at a time).
// Evaluate() returns an Alarm whenever a sensor's level changes (up or down).
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/live/reading_payload.h"
#include "engine/live/sensor_registry.h"

namespace lifeline::live {

enum class AlarmCause { kThreshold, kRateOfChange, kResidual, kForecast };
std::string_view AlarmCauseName(AlarmCause cause);

// A change of a sensor's warning level.
struct Alarm {
  int sensor_index = -1;                              // registry index
  double time_s = 0.0;                                // time of the reading that changed it, s
  double value = 0.0;                                 // that reading's value, sensor unit
  WarningLevel level = WarningLevel::kNone;           // the new level
  WarningLevel previous_level = WarningLevel::kNone;  // the level before
  AlarmCause cause = AlarmCause::kThreshold;          // the rule that gives the new level
  std::string message;                                // one line for operators
};

// The model's prediction of a sensor's value at a time, or nullopt where the model has none.
using PredictionFunction = std::function<std::optional<double>(int sensor_index, double time_s)>;

class WarningRules {
 public:
  explicit WarningRules(const SensorRegistry& registry);

  // Sets the model prediction used by the residual rule.
  void SetPrediction(PredictionFunction prediction);

  // Evaluates one reading (in time order for its sensor); an Alarm when the sensor's level changes.
  std::optional<Alarm> Evaluate(const Reading& reading);

  WarningLevel level(int sensor_index) const;

 private:
  struct SensorState {
    WarningLevel level = WarningLevel::kNone;            // the sensor's level now
    WarningLevel threshold_level = WarningLevel::kNone;  // the threshold rule's level now
    std::array<double, 4> beyond_since_s = {kUnset, kUnset, kUnset, kUnset};  // past threshold[k] since
    std::deque<std::pair<double, double>> trend;  // (time_s, value) within the trend window
  };
  WarningLevel ThresholdLevel(const Sensor& sensor, SensorState& state, const Reading& reading) const;
  WarningLevel ForecastLevel(const Sensor& sensor, const SensorState& state, double slope_per_s,
                             const Reading& reading) const;

  const SensorRegistry* registry_;
  PredictionFunction prediction_;
  std::vector<SensorState> states_;  // one per registry sensor
};

}  // namespace lifeline::live
