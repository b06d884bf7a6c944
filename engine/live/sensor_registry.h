// The sensor registry: every sensor the twin listens to, where it sits and how its readings are judged.
//
// A sensor has an id, the system and network element it watches, the quantity and unit it reports,
// a position in the city frame, a sampling period, the limits of its quality checks and the
// thresholds of its warning rules. The registry is loaded from a JSON file (format in
// docs/live-data.md; the demo city's sensors.json has it). Warning settings are layered: the defaults
// of the quantity (from ../shared/DOMAIN.md, e.g. methane 5/20/25/50 %LEL), then the registry's
// settings for the sensor's asset class, then the sensor's own; every layer may override any field.
//
// Values stay in the sensor's declared unit (the quantity name carries it: methane_pct_lel,
// support_force_kN, level_m); a reading in any other unit is rejected at the door.
#pragma once

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/geometry.h"

namespace lifeline::live {

inline constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();

// Graded warning levels, lowest to highest: IV blue < III yellow < II orange < I red.
enum class WarningLevel : int { kNone = 0, kIV = 1, kIII = 2, kII = 3, kI = 4 };

// "none", "IV", "III", "II", "I".
std::string_view LevelName(WarningLevel level);
// Parses "IV".."I" (or "4".."1"); anything else is an Error.
WarningLevel ParseLevel(std::string_view text);

// Limits of the per-sensor quality checks (quality_checks.h). NaN switches a check off.
struct QualityLimits {
  double valid_min = kUnset;         // lowest physically possible value, sensor unit
  double valid_max = kUnset;         // highest physically possible value, sensor unit
  double spike_delta = kUnset;       // largest believable jump between consecutive readings, sensor unit
  double stuck_duration_s = kUnset;  // a value unchanged this long is flagged stuck, s
  double stuck_tolerance = 0.0;      // changes no larger than this count as unchanged, sensor unit
  double gap_factor = 3.0;           // a reading later than gap_factor x sampling period is a gap
};

// Warning rules of one sensor (warning_rules.h). NaN switches a rule off.
struct WarningConfig {
  // Threshold of each level, index 0 = IV blue ... 3 = I red, sensor unit; NaN = level not used.
  std::array<double, 4> threshold = {kUnset, kUnset, kUnset, kUnset};
  bool rising = true;              // true: higher values are worse; false: lower values are worse
  double hysteresis = 0.0;         // a level clears only this far back past its threshold, sensor unit
  double min_duration_s = 0.0;     // a level is raised only after its condition held this long, s
  double max_rate_per_s = kUnset;  // |rate of change| above this raises rate_level, sensor unit per s
  WarningLevel rate_level = WarningLevel::kIII;  // the level a fast change raises
  double trend_window_s = 60.0;                  // window for the rate of change and the forecast slope, s
  double max_residual = kUnset;  // |value - model prediction| above this raises residual_level
  WarningLevel residual_level = WarningLevel::kIII;  // the level a large residual raises
  double forecast_horizon_s = kUnset;  // a threshold crossed within this horizon (linear trend) warns, s
};

struct Sensor {
  std::string id;                  // unique sensor id, e.g. "GAS-MH-07"
  std::string system;              // "water", "drainage", "gas", "heating", "bridge", "tunnel"
  std::string element_id;          // external id of the watched network element (node or link)
  std::string asset_class;         // e.g. "gas_manhole", "tank", "bridge_support"; may be empty
  std::string quantity;            // what is measured, unit in the name: "level_m", "methane_pct_lel"
  std::string unit;                // the unit readings must carry: "m", "%LEL", "kN", "Pa", "1"
  Point3 position;                 // city frame, m
  double sampling_period_s = 1.0;  // nominal time between readings, s
  QualityLimits quality;           // quality-check limits
  WarningConfig warning;           // warning rules after layering defaults, asset class and sensor
};

// The default warning rules of a quantity, for an asset class where it differs (../shared/DOMAIN.md);
// rules with no default stay off.
WarningConfig DefaultWarningConfig(std::string_view quantity, std::string_view asset_class = "");

class SensorRegistry {
 public:
  SensorRegistry() = default;

  // Loads a registry file; malformed JSON, a missing field or a duplicate id is an Error naming the
  // file (and the sensor).
  static SensorRegistry LoadFile(const std::string& path);
  // The same from JSON text; source_name stands for the file in errors.
  static SensorRegistry LoadText(std::string_view json_text, const std::string& source_name);

  // Adds a sensor; a duplicate id or a non-positive sampling period is an Error naming it.
  void Add(Sensor sensor);

  // The sensor with this id, or nullptr.
  const Sensor* Find(std::string_view id) const;
  // Dense index of a sensor (registry order), or -1.
  int IndexOf(std::string_view id) const;
  const std::vector<Sensor>& sensors() const { return sensors_; }
  size_t size() const { return sensors_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::vector<Sensor> sensors_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> index_of_;
};

}  // namespace lifeline::live
