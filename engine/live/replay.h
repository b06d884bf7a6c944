// Replay of recorded sensor data through the live pipeline: the embedded default, so that a demo or a
// test needs no broker.
//
// Two recordings are read:
//   - a wide CSV: the first column is the time, either seconds (a number) or a UTC timestamp
//     "YYYY-MM-DD HH:MM:SS[.fff]"; every other column is one sensor, headed "<sensor id> [<unit>]"
//     (the unit in brackets is optional and, when given, must be the registry's). An empty cell is no
//     reading. The bridge load-cell record in ../shared/data/bridge/ has this shape.
//   - a sensor archive (sensor_archive.h), every registry sensor found in it.
// Replay hands the readings in time order to a sink in batches, paced at `speed` times real time
// (speed <= 0 or infinite: as fast as possible).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "engine/live/reading_payload.h"
#include "engine/live/sensor_registry.h"

namespace lifeline::live {

// Readings of a wide CSV, in file order (row by row, column by column). A malformed line, an unknown
// sensor column or a unit other than the registry's is an Error naming the file and line.
std::vector<Reading> ReadCsvRecording(const std::string& path, const SensorRegistry& registry);

// Readings of a sensor archive for every registry sensor it holds, sorted by time (stable).
std::vector<Reading> ReadArchiveRecording(const std::string& path, const SensorRegistry& registry);

// Seconds since the Unix epoch of "YYYY-MM-DD HH:MM:SS[.fff]" read as UTC; false when malformed.
bool ParseUtcTimestamp(std::string_view text, double& time_s);

struct ReplayOptions {
  double speed = 0.0;            // times real time; <= 0 or infinite: as fast as possible
  size_t max_batch_size = 1024;  // readings handed to the sink at once, at most
};

// Hands `readings` (in time order) to sink in batches, paced by their times. Returns the count.
long Replay(std::span<const Reading> readings, const ReplayOptions& options,
            const std::function<void(std::span<const Reading>)>& sink);

}  // namespace lifeline::live
