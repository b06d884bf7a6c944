// Sensor registry: JSON loading and the layered warning defaults (see sensor_registry.h).
#include "engine/live/sensor_registry.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/error.h"
#include "engine/input_file.h"

namespace lifeline::live {
namespace {

using nlohmann::json;

// Overrides the fields of `config` that `object` names; unknown fields are an Error.
void ApplyWarning(const json& object, WarningConfig& config, const std::string& where) {
  if (!object.is_object()) throw Error(fmt::format("{}: 'warning' must be an object", where));
  for (const auto& [key, value] : object.items()) {
    if (key == "levels") {
      if (!value.is_array() || value.size() != 4) {
        throw Error(
            fmt::format("{}: 'levels' must list 4 thresholds [IV, III, II, I] (null = unused)", where));
      }
      for (size_t k = 0; k < 4; ++k)
        config.threshold[k] = value[k].is_null() ? kUnset : value[k].get<double>();
    } else if (key == "direction") {
      const std::string direction = value.get<std::string>();
      if (direction != "rising" && direction != "falling") {
        throw Error(
            fmt::format("{}: 'direction' must be \"rising\" or \"falling\", not \"{}\"", where, direction));
      }
      config.rising = direction == "rising";
    } else if (key == "hysteresis") {
      config.hysteresis = value.get<double>();
    } else if (key == "min_duration_s") {
      config.min_duration_s = value.get<double>();
    } else if (key == "max_rate_per_s") {
      config.max_rate_per_s = value.get<double>();
    } else if (key == "rate_level") {
      config.rate_level = ParseLevel(value.get<std::string>());
    } else if (key == "trend_window_s") {
      config.trend_window_s = value.get<double>();
    } else if (key == "max_residual") {
      config.max_residual = value.get<double>();
    } else if (key == "residual_level") {
      config.residual_level = ParseLevel(value.get<std::string>());
    } else if (key == "forecast_horizon_s") {
      config.forecast_horizon_s = value.get<double>();
    } else {
      throw Error(fmt::format("{}: unknown warning field '{}'", where, key));
    }
  }
}

void ApplyQuality(const json& object, QualityLimits& limits, const std::string& where) {
  if (!object.is_object()) throw Error(fmt::format("{}: 'quality' must be an object", where));
  for (const auto& [key, value] : object.items()) {
    if (key == "valid_range") {
      if (!value.is_array() || value.size() != 2)
        throw Error(fmt::format("{}: 'valid_range' must be [min, max]", where));
      limits.valid_min = value[0].is_null() ? kUnset : value[0].get<double>();
      limits.valid_max = value[1].is_null() ? kUnset : value[1].get<double>();
    } else if (key == "spike_delta") {
      limits.spike_delta = value.get<double>();
    } else if (key == "stuck_duration_s") {
      limits.stuck_duration_s = value.get<double>();
    } else if (key == "stuck_tolerance") {
      limits.stuck_tolerance = value.get<double>();
    } else if (key == "gap_factor") {
      limits.gap_factor = value.get<double>();
    } else {
      throw Error(fmt::format("{}: unknown quality field '{}'", where, key));
    }
  }
}

std::string RequiredString(const json& object, const char* key, const std::string& where) {
  if (!object.contains(key) || !object[key].is_string()) {
    throw Error(fmt::format("{}: missing string field '{}'", where, key));
  }
  return object[key].get<std::string>();
}

double RequiredNumber(const json& object, const char* key, const std::string& where) {
  if (!object.contains(key) || !object[key].is_number()) {
    throw Error(fmt::format("{}: missing number field '{}'", where, key));
  }
  return object[key].get<double>();
}

}  // namespace

std::string_view LevelName(WarningLevel level) {
  switch (level) {
    case WarningLevel::kNone:
      return "none";
    case WarningLevel::kIV:
      return "IV";
    case WarningLevel::kIII:
      return "III";
    case WarningLevel::kII:
      return "II";
    case WarningLevel::kI:
      return "I";
  }
  return "none";
}

WarningLevel ParseLevel(std::string_view text) {
  if (text == "IV" || text == "4" || text == "blue") return WarningLevel::kIV;
  if (text == "III" || text == "3" || text == "yellow") return WarningLevel::kIII;
  if (text == "II" || text == "2" || text == "orange") return WarningLevel::kII;
  if (text == "I" || text == "1" || text == "red") return WarningLevel::kI;
  throw Error(fmt::format("unknown warning level '{}' (expected IV, III, II or I)", text));
}

WarningConfig DefaultWarningConfig(std::string_view quantity, std::string_view asset_class) {
  WarningConfig config;
  if (quantity == "methane_pct_lel" && asset_class == "tunnel_gas_compartment") {
    // Utility tunnel gas compartment (GB 50838): accident ventilation at 20 %LEL, emergency shut-off
    // at 35 %LEL.
    config.threshold = {5.0, 20.0, 35.0, 50.0};
    config.hysteresis = 1.0;
  } else if (quantity == "methane_pct_lel") {
    // Gas in adjacent underground spaces: attention 5, alarm 20-25, high alarm 50 %LEL.
    config.threshold = {5.0, 20.0, 25.0, 50.0};
    config.hysteresis = 1.0;
  } else if (quantity == "depth_ratio") {
    // Drainage manhole depth/height: attention above 0.8, surcharge at 1.0.
    config.threshold = {0.8, 1.0, kUnset, kUnset};
    config.hysteresis = 0.02;
  } else if (quantity == "freeboard_m") {
    // Drainage manhole water level below the cover: alarm within 0.3 m, red at the cover.
    config.threshold = {kUnset, kUnset, 0.3, 0.0};
    config.rising = false;
    config.hysteresis = 0.05;
  } else if (quantity == "oxygen_pct_vol") {
    // Utility tunnel environment: oxygen below 19.5 %.
    config.threshold = {kUnset, 19.5, kUnset, kUnset};
    config.rising = false;
    config.hysteresis = 0.2;
  } else if (quantity == "h2s_mg_per_m3") {
    config.threshold = {kUnset, 10.0, kUnset, kUnset};
    config.hysteresis = 0.5;
  } else if (quantity == "air_temperature_C") {
    config.threshold = {kUnset, 40.0, kUnset, kUnset};
    config.hysteresis = 1.0;
  }
  return config;
}

SensorRegistry SensorRegistry::LoadFile(const std::string& path) {
  return LoadText(ReadTextFile(path), path);
}

SensorRegistry SensorRegistry::LoadText(std::string_view json_text, const std::string& source_name) {
  const json document = ParseJson(std::string(json_text), source_name);
  if (!document.is_object() || !document.contains("sensors") || !document["sensors"].is_array()) {
    throw Error(fmt::format("{}: a sensor registry is an object with a 'sensors' array", source_name));
  }
  std::map<std::string, json> asset_classes;
  if (document.contains("asset_classes")) {
    for (const auto& [name, value] : document["asset_classes"].items()) asset_classes[name] = value;
  }
  SensorRegistry registry;
  for (size_t k = 0; k < document["sensors"].size(); ++k) {
    const json& entry = document["sensors"][k];
    std::string where = fmt::format("{}: sensors[{}]", source_name, k);
    try {
      Sensor sensor;
      sensor.id = RequiredString(entry, "id", where);
      where = fmt::format("{}: sensor '{}'", source_name, sensor.id);
      sensor.system = RequiredString(entry, "system", where);
      sensor.element_id = RequiredString(entry, "element", where);
      sensor.quantity = RequiredString(entry, "quantity", where);
      sensor.unit = RequiredString(entry, "unit", where);
      sensor.asset_class = entry.value("asset_class", "");
      sensor.position = {RequiredNumber(entry, "x_m", where), RequiredNumber(entry, "y_m", where),
                         entry.value("z_m", 0.0)};
      sensor.sampling_period_s = RequiredNumber(entry, "sampling_period_s", where);
      sensor.warning = DefaultWarningConfig(sensor.quantity, sensor.asset_class);
      if (!sensor.asset_class.empty()) {
        const auto found = asset_classes.find(sensor.asset_class);
        if (found == asset_classes.end()) {
          throw Error(fmt::format("{}: unknown asset class '{}'", where, sensor.asset_class));
        }
        if (found->second.contains("warning")) ApplyWarning(found->second["warning"], sensor.warning, where);
        if (found->second.contains("quality")) ApplyQuality(found->second["quality"], sensor.quality, where);
      }
      if (entry.contains("warning")) ApplyWarning(entry["warning"], sensor.warning, where);
      if (entry.contains("quality")) ApplyQuality(entry["quality"], sensor.quality, where);
      registry.Add(std::move(sensor));
    } catch (const json::exception& e) {
      throw Error(fmt::format("{}: {}", where, e.what()));
    }
  }
  return registry;
}

void SensorRegistry::Add(Sensor sensor) {
  if (sensor.id.empty()) throw Error("sensor registry: a sensor has an empty id");
  if (!(sensor.sampling_period_s > 0.0) || !std::isfinite(sensor.sampling_period_s)) {
    throw Error::AtElement(sensor.system, sensor.id, "sampling period must be positive and finite");
  }
  const WarningConfig& warning = sensor.warning;
  for (size_t k = 1; k < 4; ++k) {
    for (size_t j = 0; j < k; ++j) {
      if (std::isnan(warning.threshold[j]) || std::isnan(warning.threshold[k])) continue;
      const bool ordered = warning.rising ? warning.threshold[k] >= warning.threshold[j]
                                          : warning.threshold[k] <= warning.threshold[j];
      if (!ordered) {
        throw Error::AtElement(sensor.system, sensor.id,
                               "warning thresholds must grow in severity from level IV to level I");
      }
    }
  }
  if (index_of_.contains(sensor.id)) {
    throw Error::AtElement(sensor.system, sensor.id, "duplicate sensor id in the registry");
  }
  index_of_.emplace(sensor.id, static_cast<int>(sensors_.size()));
  sensors_.push_back(std::move(sensor));
}

const Sensor* SensorRegistry::Find(std::string_view id) const {
  const int index = IndexOf(id);
  return index < 0 ? nullptr : &sensors_[static_cast<size_t>(index)];
}

int SensorRegistry::IndexOf(std::string_view id) const {
  const auto found = index_of_.find(id);
  return found == index_of_.end() ? -1 : found->second;
}

}  // namespace lifeline::live
