// Reading payloads: parsing and validation (see reading_payload.h).
#include "engine/live/reading_payload.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace lifeline::live {
namespace {

using nlohmann::json;

void Reject(RejectReason reason, std::string_view origin, std::string_view detail,
            RejectionCounts& rejections) {
  ++rejections.by_reason[static_cast<size_t>(reason)];
  spdlog::warn("live: rejected reading from {}: {}: {}", origin, RejectReasonName(reason), detail);
}

void ParseOne(const json& entry, const SensorRegistry& registry, std::vector<Reading>& accepted,
              RejectionCounts& rejections, std::string_view origin) {
  if (!entry.is_object())
    return Reject(RejectReason::kSchema, origin, "a reading must be an object", rejections);
  const auto sensor_field = entry.find("sensor");
  const auto time_field = entry.find("time_s");
  const auto value_field = entry.find("value");
  const auto unit_field = entry.find("unit");
  if (sensor_field == entry.end() || !sensor_field->is_string()) {
    return Reject(RejectReason::kSchema, origin, "missing string field 'sensor'", rejections);
  }
  const std::string& sensor_id = sensor_field->get_ref<const std::string&>();
  if (time_field == entry.end() || !time_field->is_number()) {
    return Reject(RejectReason::kSchema, origin,
                  fmt::format("sensor '{}': missing number field 'time_s'", sensor_id), rejections);
  }
  // A non-finite value reaches JSON as null (how encoders write NaN) or as a string naming it.
  const bool names_non_finite =
      value_field != entry.end() && value_field->is_string() &&
      (*value_field == "NaN" || *value_field == "Infinity" || *value_field == "-Infinity" ||
       *value_field == "inf" || *value_field == "-inf" || *value_field == "nan");
  if (value_field == entry.end() ||
      !(value_field->is_number() || value_field->is_null() || names_non_finite)) {
    return Reject(RejectReason::kSchema, origin,
                  fmt::format("sensor '{}': missing number field 'value'", sensor_id), rejections);
  }
  if (unit_field == entry.end() || !unit_field->is_string()) {
    return Reject(RejectReason::kSchema, origin,
                  fmt::format("sensor '{}': missing string field 'unit'", sensor_id), rejections);
  }
  const int index = registry.IndexOf(sensor_id);
  if (index < 0) {
    return Reject(RejectReason::kUnknownSensor, origin,
                  fmt::format("sensor '{}' is not in the registry", sensor_id), rejections);
  }
  const double time_s = time_field->get<double>();
  const double value = value_field->is_number() ? value_field->get<double>() : std::nan("");
  if (!std::isfinite(time_s) || !std::isfinite(value)) {
    return Reject(RejectReason::kNonFinite, origin,
                  fmt::format("sensor '{}': non-finite time_s or value", sensor_id), rejections);
  }
  const Sensor& sensor = registry.sensors()[static_cast<size_t>(index)];
  const std::string& unit = unit_field->get_ref<const std::string&>();
  if (unit != sensor.unit) {
    return Reject(RejectReason::kWrongUnit, origin,
                  fmt::format("sensor '{}': unit '{}', expected '{}'", sensor_id, unit, sensor.unit),
                  rejections);
  }
  accepted.push_back({index, time_s, value});
}

}  // namespace

std::string_view RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kSchema:
      return "schema";
    case RejectReason::kUnknownSensor:
      return "unknown sensor";
    case RejectReason::kNonFinite:
      return "non-finite value";
    case RejectReason::kWrongUnit:
      return "wrong unit";
  }
  return "schema";
}

long RejectionCounts::total() const {
  long sum = 0;
  for (long count : by_reason) sum += count;
  return sum;
}

int ParseReadings(std::string_view payload, const SensorRegistry& registry, std::vector<Reading>& accepted,
                  RejectionCounts& rejections, std::string_view origin) {
  const size_t before = accepted.size();
  const json document = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    Reject(RejectReason::kSchema, origin, "not valid JSON", rejections);
    return 0;
  }
  if (document.is_object() && document.contains("readings")) {
    const json& batch = document["readings"];
    if (!batch.is_array()) {
      Reject(RejectReason::kSchema, origin, "'readings' must be an array", rejections);
      return 0;
    }
    for (const json& entry : batch) ParseOne(entry, registry, accepted, rejections, origin);
  } else {
    ParseOne(document, registry, accepted, rejections, origin);
  }
  return static_cast<int>(accepted.size() - before);
}

std::string ReadingJson(const Sensor& sensor, double time_s, double value) {
  json entry = {{"sensor", sensor.id}, {"time_s", time_s}, {"value", value}, {"unit", sensor.unit}};
  return entry.dump();
}

}  // namespace lifeline::live
