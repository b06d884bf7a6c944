// Shared fixtures of the live pipeline tests: a small inline sensor registry, the demo registry file and
// temporary paths.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "engine/live/sensor_registry.h"

namespace lifeline::live::testing {

// Two gas manholes 50 m apart, one 2 km away, a tank level and a falling pressure.
inline constexpr const char* kSmallRegistryJson = R"json({
  "asset_classes": {
    "gas_manhole": {"quality": {"valid_range": [0, 100], "spike_delta": 30, "stuck_duration_s": 30},
                    "warning": {"min_duration_s": 2}}
  },
  "sensors": [
    {"id": "GAS-A", "system": "gas", "element": "MH-A", "asset_class": "gas_manhole", "quantity": "methane_pct_lel",
     "unit": "%LEL", "x_m": 0, "y_m": 0, "sampling_period_s": 1},
    {"id": "GAS-B", "system": "gas", "element": "MH-B", "asset_class": "gas_manhole", "quantity": "methane_pct_lel",
     "unit": "%LEL", "x_m": 30, "y_m": 40, "sampling_period_s": 1},
    {"id": "GAS-FAR", "system": "gas", "element": "MH-C", "asset_class": "gas_manhole", "quantity": "methane_pct_lel",
     "unit": "%LEL", "x_m": 2000, "y_m": 0, "sampling_period_s": 1},
    {"id": "LVL-T1", "system": "water", "element": "T1", "quantity": "level_m", "unit": "m",
     "x_m": 1200, "y_m": 900, "sampling_period_s": 60,
     "warning": {"levels": [7.0, 7.4, 7.7, 7.9], "hysteresis": 0.1}},
    {"id": "PRS-J3", "system": "water", "element": "J3", "quantity": "pressure_head_m", "unit": "m",
     "x_m": 1200, "y_m": 0, "sampling_period_s": 60,
     "warning": {"levels": [25, 20, 15, 10], "direction": "falling", "hysteresis": 1}}
  ]
})json";

inline SensorRegistry SmallRegistry() {
  return SensorRegistry::LoadText(kSmallRegistryJson, "small-registry");
}

// data/sensors/demo_sensors.json of this checkout.
inline std::string DemoRegistryPath() {
  return (std::filesystem::path(__FILE__).parent_path() / "../../../data/sensors/demo_sensors.json")
      .lexically_normal();
}

// A fresh path in the temporary folder, unique to this process; any old file there is removed.
inline std::string TempPath(const std::string& name) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("lifeline-live-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(path);
  return path.string();
}

}  // namespace lifeline::live::testing
