// TimeSeries: the one time-series type of the engine.
//
// A sequence of (time_s, value) breakpoints, read between breakpoints either as
// a step (the value holds until the next breakpoint, as EPANET patterns and
// SWMM rainfall intervals do) or linearly interpolated. Before the first
// breakpoint the first value holds and after the last the last value holds,
// unless the series is periodic, in which case time wraps with period_s
// (a diurnal demand pattern: 24 hourly multipliers with period 86400 s).
//
// Used for patterns, boundary conditions, measured sensor histories and
// results alike.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace lifeline {

enum class Interpolation { kStep, kLinear };

class TimeSeries {
 public:
  TimeSeries() = default;
  // times_s must be strictly increasing and finite and values finite; otherwise
  // an Error naming the series (name) and the offending index.
  TimeSeries(std::string name, std::vector<double> times_s, std::vector<double> values,
             Interpolation interpolation, double period_s = 0.0);

  // A repeating step pattern: multipliers[k] holds over
  // [start_s + k*step_s, start_s + (k+1)*step_s), repeating every size*step_s.
  static TimeSeries Pattern(std::string name, double step_s, std::vector<double> multipliers,
                            double start_s = 0.0);

  // A series that is the same value at every time.
  static TimeSeries Constant(std::string name, double value);

  // Appends a breakpoint after the last one (live data); same checks as the constructor.
  void Append(double time_s, double value);

  double ValueAt(double time_s) const;

  // The first time after time_s at which the value changes its law (a breakpoint),
  // or +infinity. Simulators use it to end a step on a pattern change.
  double NextBreakpointAfter(double time_s) const;

  const std::string& name() const { return name_; }
  const std::vector<double>& times_s() const { return times_s_; }
  const std::vector<double>& values() const { return values_; }
  Interpolation interpolation() const { return interpolation_; }
  double period_s() const { return period_s_; }
  bool empty() const { return times_s_.empty(); }
  size_t size() const { return times_s_.size(); }

 private:
  double Wrap(double time_s) const;

  std::string name_;
  std::vector<double> times_s_;
  std::vector<double> values_;
  Interpolation interpolation_ = Interpolation::kStep;
  double period_s_ = 0.0;  // 0: not periodic
};

}  // namespace lifeline
