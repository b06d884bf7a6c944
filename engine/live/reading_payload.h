// Sensor reading payloads: the JSON a sensor (or a gateway) publishes, and the validation at the door.
//
// One reading:   {"sensor": "GAS-MH-01", "time_s": 1764374400.0, "value": 3.2, "unit": "%LEL"}
// A batch:       {"readings": [ {one reading}, ... ]}
// time_s is seconds since 1970-01-01T00:00:00Z (UTC). Topic layout and details: docs/live-data.md.
//
// A reading is rejected — logged with its reason and counted, never thrown — when the payload fails
// the schema, names an unknown sensor, carries a non-finite value (null, or one of the strings "NaN",
// "Infinity", "-Infinity", "nan", "inf", "-inf") or a unit other than the sensor's. A number beyond
// double range (1e999) makes the payload invalid JSON: a schema failure. In a batch each reading is judged on
// its own; a batch that is not valid JSON is one schema rejection.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "engine/live/sensor_registry.h"

namespace lifeline::live {

// One accepted reading.
struct Reading {
  int sensor_index = -1;  // dense index in the registry
  double time_s = 0.0;    // seconds since the Unix epoch (UTC), or since the start of a recording
  double value = 0.0;     // in the sensor's unit
};

enum class RejectReason : int { kSchema = 0, kUnknownSensor, kNonFinite, kWrongUnit };
inline constexpr int kRejectReasonCount = 4;
std::string_view RejectReasonName(RejectReason reason);

// Rejections counted by reason.
struct RejectionCounts {
  std::array<long, kRejectReasonCount> by_reason{};  // indexed by RejectReason
  long of(RejectReason reason) const { return by_reason[static_cast<size_t>(reason)]; }
  long total() const;
};

// Parses a payload (one reading or a batch) and appends the accepted readings to `accepted`;
// rejections are logged (spdlog, warn, with `origin`, e.g. the topic) and counted in `rejections`.
// Returns the number of readings accepted.
int ParseReadings(std::string_view payload, const SensorRegistry& registry, std::vector<Reading>& accepted,
                  RejectionCounts& rejections, std::string_view origin = "payload");

// The JSON of one reading (publishers, tests and tools).
std::string ReadingJson(const Sensor& sensor, double time_s, double value);

}  // namespace lifeline::live
