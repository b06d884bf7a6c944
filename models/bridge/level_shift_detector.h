// Level shifts (steps) in a sensor series: a windowed-mean step detector.
//
// At each sample i the means of the W samples after and before it differ by
//   d(i) = mean(x[i .. i+W)) - mean(x[i-W .. i)).
// A step of size h at i0 makes |d| rise linearly to |h| at i0 and fall back
// over W samples on each side, while noise of standard deviation sigma moves
// d by about sigma sqrt(2 / W). Each run of samples with |d(i)| > threshold is
// one level shift, placed at the run's largest |d|. Prefix sums make it O(n).
// A support-force series that shifts and stays shifted points to a changed
// load path (settlement, bearing or a parked load); a matched shift on a
// second load cell of the same support confirms it is not a sensor fault.
#pragma once

#include <span>
#include <vector>

namespace lifeline::bridge {

struct LevelShiftOptions {
  long window_samples = 500;  // W
  double threshold = 1.0;     // in the series' unit
};

struct LevelShift {
  long index = 0;            // first sample of the new level
  double time_s = 0.0;       // index * sample interval
  double mean_before = 0.0;  // over the W samples before
  double mean_after = 0.0;   // over the W samples after
  double size() const { return mean_after - mean_before; }
};

std::vector<LevelShift> DetectLevelShifts(std::span<const double> values, double sample_interval_s,
                                          const LevelShiftOptions& options);

}  // namespace lifeline::bridge
