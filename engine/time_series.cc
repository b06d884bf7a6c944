// TimeSeries evaluation (see time_series.h).
#include "engine/time_series.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/error.h"

namespace lifeline {

TimeSeries::TimeSeries(std::string name, std::vector<double> times_s, std::vector<double> values,
                       Interpolation interpolation, double period_s)
    : name_(std::move(name)), interpolation_(interpolation), period_s_(period_s) {
  if (times_s.size() != values.size()) {
    throw Error(fmt::format("time series '{}': {} times but {} values", name_, times_s.size(),
                            values.size()));
  }
  if (!(period_s >= 0.0) || !std::isfinite(period_s)) {
    throw Error(fmt::format("time series '{}': period {} s is not a finite non-negative number", name_,
                            period_s));
  }
  times_s_.reserve(times_s.size());
  values_.reserve(values.size());
  for (size_t k = 0; k < times_s.size(); ++k) Append(times_s[k], values[k]);
  if (period_s_ > 0.0 && !times_s_.empty() && times_s_.back() - times_s_.front() >= period_s_) {
    throw Error(fmt::format("time series '{}': breakpoints span {} s, not less than the period {} s",
                            name_, times_s_.back() - times_s_.front(), period_s_));
  }
}

TimeSeries TimeSeries::Pattern(std::string name, double step_s, std::vector<double> multipliers,
                               double start_s) {
  if (!(step_s > 0.0)) {
    throw Error(fmt::format("pattern '{}': step {} s must be positive", name, step_s));
  }
  if (multipliers.empty()) throw Error(fmt::format("pattern '{}' has no multipliers", name));
  std::vector<double> times(multipliers.size());
  for (size_t k = 0; k < times.size(); ++k) times[k] = start_s + static_cast<double>(k) * step_s;
  const double period = step_s * static_cast<double>(multipliers.size());
  return TimeSeries(std::move(name), std::move(times), std::move(multipliers), Interpolation::kStep,
                    period);
}

TimeSeries TimeSeries::Constant(std::string name, double value) {
  return TimeSeries(std::move(name), {0.0}, {value}, Interpolation::kStep);
}

void TimeSeries::Append(double time_s, double value) {
  const size_t index = times_s_.size();
  if (!std::isfinite(time_s) || !std::isfinite(value)) {
    throw Error(fmt::format("time series '{}': breakpoint {} (t = {} s, value {}) is not finite",
                            name_, index, time_s, value));
  }
  if (!times_s_.empty() && !(time_s > times_s_.back())) {
    throw Error(fmt::format(
        "time series '{}': breakpoint {} at t = {} s does not come after the previous one at {} s",
        name_, index, time_s, times_s_.back()));
  }
  times_s_.push_back(time_s);
  values_.push_back(value);
}

double TimeSeries::Wrap(double time_s) const {
  if (period_s_ <= 0.0 || times_s_.empty()) return time_s;
  const double start = times_s_.front();
  return start + std::fmod(std::fmod(time_s - start, period_s_) + period_s_, period_s_);
}

double TimeSeries::ValueAt(double time_s) const {
  if (times_s_.empty()) throw Error(fmt::format("time series '{}' is empty", name_));
  const double t = Wrap(time_s);
  if (t <= times_s_.front()) return values_.front();
  if (t >= times_s_.back()) return values_.back();
  // first breakpoint strictly after t; k-1 is the interval's start
  const auto it = std::upper_bound(times_s_.begin(), times_s_.end(), t);
  const size_t k = static_cast<size_t>(it - times_s_.begin());
  if (interpolation_ == Interpolation::kStep) return values_[k - 1];
  const double w = (t - times_s_[k - 1]) / (times_s_[k] - times_s_[k - 1]);
  return values_[k - 1] + w * (values_[k] - values_[k - 1]);
}

double TimeSeries::NextBreakpointAfter(double time_s) const {
  constexpr double kNever = std::numeric_limits<double>::infinity();
  if (times_s_.empty()) return kNever;
  if (period_s_ <= 0.0) {
    const auto it = std::upper_bound(times_s_.begin(), times_s_.end(), time_s);
    return it == times_s_.end() ? kNever : *it;
  }
  const double t = Wrap(time_s);
  const double cycle_start = time_s - (t - times_s_.front());
  const auto it = std::upper_bound(times_s_.begin(), times_s_.end(), t);
  return it == times_s_.end() ? cycle_start + period_s_ : cycle_start + (*it - times_s_.front());
}

}  // namespace lifeline
