// Windowed-mean level-shift detector (see level_shift_detector.h).
#include "models/bridge/level_shift_detector.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/error.h"

namespace lifeline::bridge {

std::vector<LevelShift> DetectLevelShifts(std::span<const double> values, double sample_interval_s,
                                          const LevelShiftOptions& options) {
  const long window = options.window_samples;
  if (window < 1 || !(options.threshold > 0.0) || !(sample_interval_s > 0.0)) {
    throw Error(
        fmt::format("level-shift detector needs window_samples >= 1 ({}), threshold > 0 ({}) and a "
                    "positive sample interval ({})",
                    window, options.threshold, sample_interval_s));
  }
  const long count = static_cast<long>(values.size());
  std::vector<double> prefix(values.size() + 1, 0.0);
  for (long i = 0; i < count; ++i) prefix[i + 1] = prefix[i] + values[i];
  const auto mean = [&](long from, long to) {
    return (prefix[to] - prefix[from]) / static_cast<double>(to - from);
  };

  std::vector<LevelShift> shifts;
  bool in_run = false;
  LevelShift best;
  for (long i = window; i + window <= count; ++i) {
    const double before = mean(i - window, i);
    const double after = mean(i, i + window);
    const bool above = std::abs(after - before) > options.threshold;
    if (above && (!in_run || std::abs(after - before) > std::abs(best.size()))) {
      best = {i, static_cast<double>(i) * sample_interval_s, before, after};
    }
    if (in_run && !above) shifts.push_back(best);
    in_run = above;
  }
  if (in_run) shifts.push_back(best);
  return shifts;
}

}  // namespace lifeline::bridge
