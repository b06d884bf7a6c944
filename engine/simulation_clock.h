// SimulationClock and EventQueue: what limits a simulator's next step.
//
// A run goes from start_s to end_s and reports every report_step_s. Timed
// events (a control switching a pump, a burst starting, a sensor reading
// arriving) sit in the EventQueue. NextStepEnd(max_step_s) is the earliest of
//   now + max_step_s, the next event, the next report time and the end,
// so that no step ever jumps over something that changes the equations.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace lifeline {

struct TimedEvent {
  double time_s = 0.0;                      // when it happens
  std::string label;                        // what it is, for logs and the results file
  std::function<void(double)> action;       // optional; called with time_s when due
  long sequence = 0;                        // scheduling order, breaks ties deterministically
};

class EventQueue {
 public:
  // A non-finite time is an Error naming the label.
  void Schedule(double time_s, std::string label, std::function<void(double)> action = {});
  bool empty() const { return events_.empty(); }
  size_t size() const { return events_.size(); }
  // +infinity when empty.
  double next_time_s() const;
  // Removes and returns, in time then scheduling order, every event due at or
  // before time_s.
  std::vector<TimedEvent> PopDue(double time_s);

 private:
  std::vector<TimedEvent> events_;  // a binary heap ordered by (time_s, sequence)
  long next_sequence_ = 0;
};

class SimulationClock {
 public:
  // end_s > start_s and report_step_s > 0, or an Error.
  SimulationClock(double start_s, double end_s, double report_step_s);

  double time_s() const { return time_s_; }
  double start_s() const { return start_s_; }
  double end_s() const { return end_s_; }
  double report_step_s() const { return report_step_s_; }
  bool finished() const { return time_s_ >= end_s_; }
  EventQueue& events() { return events_; }
  const EventQueue& events() const { return events_; }

  // The next report time strictly after now (or end_s).
  double NextReportTime() const;
  // The earliest of now + max_step_s, the next event, the next report time, end.
  double NextStepEnd(double max_step_s = std::numeric_limits<double>::infinity()) const;
  // Moves the clock to time_s, which must lie in (now, NextStepEnd()].
  void AdvanceTo(double time_s);
  // True when the clock stands on a report time (or at the start or the end).
  bool AtReportTime() const;

 private:
  double start_s_, end_s_, report_step_s_;
  double time_s_;
  EventQueue events_;
};

}  // namespace lifeline
