// Per-sensor quality checks on a stream of readings, and the quality flag stored beside each value.
//
// Checks, each against the sensor's QualityLimits (sensor_registry.h):
//   range         value outside [valid_min, valid_max]
//   stuck         value unchanged (within stuck_tolerance) for stuck_duration_s or longer
//   spike         |value - previous value| > spike_delta
//   gap           time since the previous reading > gap_factor x sampling period
//   out of order  time earlier than the latest time seen
//   duplicate     a time already seen for this sensor (the last kRecentTimeCount times are remembered);
//                 a redelivered message is one. Duplicates are not archived and not evaluated.
// Out-of-order and duplicate readings leave the sensor's state (previous value and time) unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/live/reading_payload.h"
#include "engine/live/sensor_registry.h"

namespace lifeline::live {

// Bit flags; 0 is a good reading.
enum QualityFlag : std::uint8_t {
  kQualityGood = 0,
  kQualityOutOfRange = 1 << 0,
  kQualityStuck = 1 << 1,
  kQualitySpike = 1 << 2,
  kQualityGapBefore = 1 << 3,
  kQualityOutOfOrder = 1 << 4,
  kQualityDuplicate = 1 << 5,
};

// "good" or the set flags joined by '+', e.g. "spike+gap".
std::string QualityText(std::uint8_t flags);

class QualityChecker {
 public:
  static constexpr int kRecentTimeCount = 256;

  explicit QualityChecker(const SensorRegistry& registry);

  // The quality flags of a reading; updates the sensor's state.
  std::uint8_t Check(const Reading& reading);

 private:
  struct SensorState {
    bool has_previous = false;
    double previous_time_s = 0.0;
    double previous_value = 0.0;
    double unchanged_since_s = 0.0;      // time of the first reading of the current unchanged run
    std::vector<double> recent_times_s;  // ring of the last kRecentTimeCount times
    size_t recent_next = 0;              // next slot to overwrite in the ring
  };
  bool SeenBefore(const SensorState& state, double time_s) const;
  static void Remember(SensorState& state, double time_s);

  const SensorRegistry* registry_;
  std::vector<SensorState> states_;  // one per registry sensor
};

}  // namespace lifeline::live
