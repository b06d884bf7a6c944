// SimulationClock and EventQueue (see simulation_clock.h).
#include "engine/simulation_clock.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/error.h"

namespace lifeline {
namespace {

// std heap helpers build a max-heap; "later" events compare greater-than.
bool Later(const TimedEvent& a, const TimedEvent& b) {
  return a.time_s != b.time_s ? a.time_s > b.time_s : a.sequence > b.sequence;
}

// Times closer than this are the same instant (round-off of summed steps).
double SameInstantTolerance(double time_s) { return 1e-9 * std::max(1.0, std::abs(time_s)); }

}  // namespace

void EventQueue::Schedule(double time_s, std::string label, std::function<void(double)> action) {
  if (!std::isfinite(time_s)) {
    throw Error(fmt::format("event '{}': time {} s is not finite", label, time_s));
  }
  events_.push_back(TimedEvent{time_s, std::move(label), std::move(action), next_sequence_++});
  std::push_heap(events_.begin(), events_.end(), Later);
}

double EventQueue::next_time_s() const {
  return events_.empty() ? std::numeric_limits<double>::infinity() : events_.front().time_s;
}

std::vector<TimedEvent> EventQueue::PopDue(double time_s) {
  std::vector<TimedEvent> due;
  while (!events_.empty() && events_.front().time_s <= time_s + SameInstantTolerance(time_s)) {
    std::pop_heap(events_.begin(), events_.end(), Later);
    due.push_back(std::move(events_.back()));
    events_.pop_back();
  }
  return due;
}

SimulationClock::SimulationClock(double start_s, double end_s, double report_step_s)
    : start_s_(start_s), end_s_(end_s), report_step_s_(report_step_s), time_s_(start_s) {
  if (!std::isfinite(start_s) || !std::isfinite(end_s) || !(end_s > start_s)) {
    throw Error(fmt::format("simulation clock: end {} s must come after start {} s", end_s, start_s));
  }
  if (!(report_step_s > 0.0) || !std::isfinite(report_step_s)) {
    throw Error(fmt::format("simulation clock: report step {} s must be positive", report_step_s));
  }
}

double SimulationClock::NextReportTime() const {
  const double steps = std::floor((time_s_ - start_s_) / report_step_s_ + 1e-9);
  double next = start_s_ + (steps + 1.0) * report_step_s_;
  if (next <= time_s_ + SameInstantTolerance(time_s_)) next += report_step_s_;
  return std::min(next, end_s_);
}

double SimulationClock::NextStepEnd(double max_step_s) const {
  double end = std::min({time_s_ + max_step_s, NextReportTime(), end_s_});
  const double event = events_.next_time_s();
  if (event > time_s_ + SameInstantTolerance(time_s_)) end = std::min(end, event);
  return end;
}

void SimulationClock::AdvanceTo(double time_s) {
  const double limit = NextStepEnd();
  if (!(time_s > time_s_) || time_s > limit + SameInstantTolerance(limit)) {
    throw Error(fmt::format("simulation clock: cannot advance from {} s to {} s (next stop {} s)",
                            time_s_, time_s, limit));
  }
  time_s_ = std::abs(time_s - limit) <= SameInstantTolerance(limit) ? limit : time_s;
}

bool SimulationClock::AtReportTime() const {
  if (time_s_ <= start_s_ || time_s_ >= end_s_) return true;
  const double steps = (time_s_ - start_s_) / report_step_s_;
  return std::abs(steps - std::round(steps)) * report_step_s_ <= SameInstantTolerance(time_s_);
}

}  // namespace lifeline
