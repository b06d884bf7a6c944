// The event ledger: every incident from detection to closure, in SQLite (WAL, one transaction per
// change), never deleted.
//
// Life cycle (../shared/DOMAIN.md):
//   DETECTED -> ALARM -> VERIFIED -> WARNING (level I-IV, dispatched) -> DISPOSING -> FEEDBACK
//            -> CHECKED -> CLOSED
// plus VERIFIED -> CLOSED (a false alarm is closed at verification) and CHECKED -> DISPOSING (the check
// found the disposal incomplete). Every transition is a row with time, actor and note; an illegal
// transition is refused with an Error naming the event and the allowed next states. Triggers in the
// database refuse deleting events or transitions and changing a transition.
//
// Tables (plain SQLite; `sqlite3 FILE` reads them):
//   events(id, system, element, sensor, x_m, y_m, state, level, opened_time_s, title)
//   transitions(id, event_id, from_state, to_state, time_s, actor, note)
//   alarms(id, event_id, sensor, time_s, value, level, cause, message)
// level is 0 none, 1 IV, 2 III, 3 II, 4 I: the highest alarm level until WARNING sets the dispatched one.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/live/sensor_registry.h"

namespace lifeline::live {

enum class EventState { kDetected, kAlarm, kVerified, kWarning, kDisposing, kFeedback, kChecked, kClosed };
std::string_view StateName(EventState state);  // "DETECTED", ...
EventState ParseState(std::string_view text);  // case-insensitive; unknown is an Error
bool IsLegalTransition(EventState from, EventState to);

struct LedgerEvent {
  long id = 0;                               // ledger id, 1, 2, ...
  std::string system;                        // system of the first alarm
  std::string element_id;                    // element watched by the first alarm's sensor
  std::string sensor_id;                     // the first alarm's sensor
  double x_m = 0.0;                          // position of that sensor, east, m
  double y_m = 0.0;                          // north, m
  EventState state = EventState::kDetected;  // current state
  WarningLevel level = WarningLevel::kNone;  // highest alarm level, or the dispatched level
  double opened_time_s = 0.0;                // time of detection, s since the Unix epoch
  std::string title;                         // one line
};

struct LedgerTransition {
  long event_id = 0;
  std::optional<EventState> from;  // none for the first (DETECTED)
  EventState to = EventState::kDetected;
  double time_s = 0.0;  // s since the Unix epoch
  std::string actor;    // operator name or "live pipeline"
  std::string note;
};

struct LedgerAlarm {
  long event_id = 0;
  std::string sensor_id;
  double time_s = 0.0;  // reading time, s
  double value = 0.0;   // reading value, sensor unit
  WarningLevel level = WarningLevel::kNone;
  std::string cause;  // "threshold", "rate of change", ...
  std::string message;
};

// A rectangle in the city frame (plan), m.
struct Area {
  double x_min_m = 0.0, y_min_m = 0.0, x_max_m = 0.0, y_max_m = 0.0;
};

// Filters of List(); an unset field does not filter.
struct EventFilter {
  std::optional<EventState> state = std::nullopt;    // events in this state
  std::optional<WarningLevel> level = std::nullopt;  // events of this level
  std::optional<std::string> system = std::nullopt;  // events of this system
  std::optional<Area> area = std::nullopt;           // events whose first sensor lies in this rectangle
};

class EventLedger {
 public:
  // Opens or creates the ledger file; an unusable file is an Error naming it.
  explicit EventLedger(const std::string& path);
  ~EventLedger();
  EventLedger(const EventLedger&) = delete;
  EventLedger& operator=(const EventLedger&) = delete;

  // A new event from its first alarm: DETECTED, then ALARM, by actor, in one transaction. Returns its id.
  long OpenEvent(const Sensor& sensor, const LedgerAlarm& first_alarm, const std::string& actor);
  // Records a further alarm of an event and raises its level when the alarm's is higher (only before
  // the level is dispatched).
  void AddAlarm(const LedgerAlarm& alarm);

  // Moves an event through one or more states in one transaction (each step must be legal). A step to
  // WARNING needs a level. Illegal steps are an Error and change nothing.
  void Transition(long event_id, const std::vector<EventState>& to_states, double time_s,
                  const std::string& actor, const std::string& note,
                  std::optional<WarningLevel> level = std::nullopt);

  std::vector<LedgerEvent> List(const EventFilter& filter) const;  // by id
  LedgerEvent Get(long event_id) const;                            // unknown id is an Error
  std::vector<LedgerTransition> Transitions(long event_id) const;  // in order
  std::vector<LedgerAlarm> Alarms(long event_id) const;            // in order

  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline::live
