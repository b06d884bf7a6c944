// The SQLite event ledger (see event_ledger.h).
#include "engine/live/event_ledger.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "engine/error.h"

namespace lifeline::live {
namespace {

constexpr std::array<std::string_view, 8> kStateNames = {"DETECTED",  "ALARM",    "VERIFIED", "WARNING",
                                                         "DISPOSING", "FEEDBACK", "CHECKED",  "CLOSED"};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  system TEXT NOT NULL, element TEXT NOT NULL, sensor TEXT NOT NULL,
  x_m REAL NOT NULL, y_m REAL NOT NULL,
  state TEXT NOT NULL, level INTEGER NOT NULL, level_dispatched INTEGER NOT NULL DEFAULT 0,
  opened_time_s REAL NOT NULL, title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS transitions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events(id),
  from_state TEXT, to_state TEXT NOT NULL, time_s REAL NOT NULL, actor TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alarms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events(id),
  sensor TEXT NOT NULL, time_s REAL NOT NULL, value REAL NOT NULL, level INTEGER NOT NULL,
  cause TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS transitions_by_event ON transitions(event_id);
CREATE INDEX IF NOT EXISTS alarms_by_event ON alarms(event_id);
CREATE TRIGGER IF NOT EXISTS events_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'ledger events are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS transitions_never_deleted BEFORE DELETE ON transitions
  BEGIN SELECT RAISE(ABORT, 'ledger transitions are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS transitions_never_changed BEFORE UPDATE ON transitions
  BEGIN SELECT RAISE(ABORT, 'ledger transitions are never changed'); END;
CREATE TRIGGER IF NOT EXISTS alarms_never_deleted BEFORE DELETE ON alarms
  BEGIN SELECT RAISE(ABORT, 'ledger alarms are never deleted'); END;
)sql";

// One prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* database, const std::string& sql, const std::string& path)
      : database_(database), path_(path) {
    if (sqlite3_prepare_v2(database, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
      throw Error(fmt::format("{}: SQLite cannot prepare '{}': {}", path, sql, sqlite3_errmsg(database)));
    }
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, double value) {
    Check(sqlite3_bind_double(statement_, index, value));
    return *this;
  }
  Statement& Bind(int index, long value) {
    Check(sqlite3_bind_int64(statement_, index, value));
    return *this;
  }
  Statement& Bind(int index, const std::string& value) {
    Check(sqlite3_bind_text(statement_, index, value.c_str(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
    return *this;
  }
  Statement& BindNull(int index) {
    Check(sqlite3_bind_null(statement_, index));
    return *this;
  }
  // True while a row is available.
  bool Step() {
    const int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    throw Error(fmt::format("{}: SQLite: {}", path_, sqlite3_errmsg(database_)));
  }
  double Double(int column) const { return sqlite3_column_double(statement_, column); }
  long Long(int column) const { return static_cast<long>(sqlite3_column_int64(statement_, column)); }
  bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::string Text(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    return text ? reinterpret_cast<const char*>(text) : "";
  }

 private:
  void Check(int status) const {
    if (status != SQLITE_OK)
      throw Error(fmt::format("{}: SQLite bind: {}", path_, sqlite3_errmsg(database_)));
  }
  sqlite3* database_;
  sqlite3_stmt* statement_ = nullptr;
  const std::string& path_;
};

WarningLevel LevelOfColumn(long value) { return static_cast<WarningLevel>(std::clamp(value, 0L, 4L)); }

}  // namespace

std::string_view StateName(EventState state) { return kStateNames[static_cast<size_t>(state)]; }

EventState ParseState(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  for (size_t k = 0; k < kStateNames.size(); ++k) {
    if (kStateNames[k] == upper) return static_cast<EventState>(k);
  }
  throw Error(
      fmt::format("unknown event state '{}' (DETECTED, ALARM, VERIFIED, WARNING, DISPOSING, FEEDBACK, "
                  "CHECKED, CLOSED)",
                  text));
}

bool IsLegalTransition(EventState from, EventState to) {
  using S = EventState;
  switch (from) {
    case S::kDetected:
      return to == S::kAlarm;
    case S::kAlarm:
      return to == S::kVerified;
    case S::kVerified:
      return to == S::kWarning || to == S::kClosed;
    case S::kWarning:
      return to == S::kDisposing;
    case S::kDisposing:
      return to == S::kFeedback;
    case S::kFeedback:
      return to == S::kChecked;
    case S::kChecked:
      return to == S::kClosed || to == S::kDisposing;
    case S::kClosed:
      return false;
  }
  return false;
}

struct EventLedger::Impl {
  std::string path;
  sqlite3* database = nullptr;

  void Execute(const char* sql) const {
    char* message = nullptr;
    if (sqlite3_exec(database, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : sqlite3_errmsg(database);
      sqlite3_free(message);
      throw Error(fmt::format("{}: SQLite: {}", path, text));
    }
  }

  // Runs body inside BEGIN IMMEDIATE ... COMMIT; rolls back when it throws.
  template <typename Body>
  void InTransaction(Body&& body) {
    Execute("BEGIN IMMEDIATE");
    try {
      body();
      Execute("COMMIT");
    } catch (...) {
      sqlite3_exec(database, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  void InsertTransition(long event_id, std::optional<EventState> from, EventState to, double time_s,
                        const std::string& actor, const std::string& note) {
    Statement insert(database,
                     "INSERT INTO transitions(event_id, from_state, to_state, time_s, actor, note) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                     path);
    insert.Bind(1, event_id);
    if (from) {
      insert.Bind(2, std::string(StateName(*from)));
    } else {
      insert.BindNull(2);
    }
    insert.Bind(3, std::string(StateName(to))).Bind(4, time_s).Bind(5, actor).Bind(6, note);
    insert.Step();
  }

  void InsertAlarm(const LedgerAlarm& alarm) {
    Statement insert(database,
                     "INSERT INTO alarms(event_id, sensor, time_s, value, level, cause, message) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     path);
    insert.Bind(1, alarm.event_id).Bind(2, alarm.sensor_id).Bind(3, alarm.time_s).Bind(4, alarm.value);
    insert.Bind(5, static_cast<long>(alarm.level)).Bind(6, alarm.cause).Bind(7, alarm.message);
    insert.Step();
  }
};

EventLedger::EventLedger(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  if (sqlite3_open_v2(path.c_str(), &impl_->database,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = impl_->database ? sqlite3_errmsg(impl_->database) : "out of memory";
    sqlite3_close(impl_->database);
    throw Error(fmt::format("{}: cannot open the event ledger: {}", path, message));
  }
  try {
    sqlite3_busy_timeout(impl_->database, 5000);
    impl_->Execute("PRAGMA journal_mode=WAL");
    impl_->Execute("PRAGMA synchronous=FULL");
    impl_->Execute("PRAGMA foreign_keys=ON");
    impl_->Execute(kSchema);
  } catch (...) {
    sqlite3_close(impl_->database);
    throw;
  }
}

EventLedger::~EventLedger() { sqlite3_close(impl_->database); }

const std::string& EventLedger::path() const { return impl_->path; }

long EventLedger::OpenEvent(const Sensor& sensor, const LedgerAlarm& first_alarm, const std::string& actor) {
  long event_id = 0;
  impl_->InTransaction([&] {
    Statement insert(
        impl_->database,
        "INSERT INTO events(system, element, sensor, x_m, y_m, state, level, opened_time_s, title) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        impl_->path);
    insert.Bind(1, sensor.system).Bind(2, sensor.element_id).Bind(3, sensor.id);
    insert.Bind(4, sensor.position.x_m).Bind(5, sensor.position.y_m);
    insert.Bind(6, std::string(StateName(EventState::kAlarm))).Bind(7, static_cast<long>(first_alarm.level));
    insert.Bind(8, first_alarm.time_s).Bind(9, first_alarm.message);
    insert.Step();
    event_id = static_cast<long>(sqlite3_last_insert_rowid(impl_->database));
    impl_->InsertTransition(event_id, std::nullopt, EventState::kDetected, first_alarm.time_s, actor,
                            first_alarm.message);
    impl_->InsertTransition(
        event_id, EventState::kDetected, EventState::kAlarm, first_alarm.time_s, actor,
        fmt::format("raw alarm, level {} ({})", LevelName(first_alarm.level), first_alarm.cause));
    LedgerAlarm alarm = first_alarm;
    alarm.event_id = event_id;
    impl_->InsertAlarm(alarm);
  });
  return event_id;
}

void EventLedger::AddAlarm(const LedgerAlarm& alarm) {
  impl_->InTransaction([&] {
    Get(alarm.event_id);  // an unknown event is an Error
    impl_->InsertAlarm(alarm);
    Statement raise(impl_->database,
                    "UPDATE events SET level = MAX(level, ?2) WHERE id = ?1 AND level_dispatched = 0",
                    impl_->path);
    raise.Bind(1, alarm.event_id).Bind(2, static_cast<long>(alarm.level));
    raise.Step();
  });
}

void EventLedger::Transition(long event_id, const std::vector<EventState>& to_states, double time_s,
                             const std::string& actor, const std::string& note,
                             std::optional<WarningLevel> level) {
  if (actor.empty()) throw Error(fmt::format("event {}: a transition needs an actor", event_id));
  impl_->InTransaction([&] {
    EventState state = Get(event_id).state;
    for (const EventState to : to_states) {
      if (!IsLegalTransition(state, to)) {
        std::string allowed;
        for (size_t k = 0; k < kStateNames.size(); ++k) {
          if (!IsLegalTransition(state, static_cast<EventState>(k))) continue;
          allowed += allowed.empty() ? "" : ", ";
          allowed += kStateNames[k];
        }
        throw Error(fmt::format("event {}: cannot go from {} to {} (allowed: {})", event_id, StateName(state),
                                StateName(to), allowed.empty() ? "none, it is closed" : allowed));
      }
      if (to == EventState::kWarning) {
        if (!level || *level == WarningLevel::kNone) {
          throw Error(fmt::format("event {}: a WARNING needs a level (I, II, III or IV)", event_id));
        }
        Statement set_level(impl_->database,
                            "UPDATE events SET level = ?2, level_dispatched = 1 WHERE id = ?1", impl_->path);
        set_level.Bind(1, event_id).Bind(2, static_cast<long>(*level));
        set_level.Step();
      }
      const std::string step_note =
          to == EventState::kWarning ? fmt::format("level {}: {}", LevelName(*level), note) : note;
      impl_->InsertTransition(event_id, state, to, time_s, actor, step_note);
      state = to;
    }
    Statement update(impl_->database, "UPDATE events SET state = ?2 WHERE id = ?1", impl_->path);
    update.Bind(1, event_id).Bind(2, std::string(StateName(state)));
    update.Step();
  });
}

namespace {

LedgerEvent EventOfRow(const Statement& row) {
  LedgerEvent event;
  event.id = row.Long(0);
  event.system = row.Text(1);
  event.element_id = row.Text(2);
  event.sensor_id = row.Text(3);
  event.x_m = row.Double(4);
  event.y_m = row.Double(5);
  event.state = ParseState(row.Text(6));
  event.level = LevelOfColumn(row.Long(7));
  event.opened_time_s = row.Double(8);
  event.title = row.Text(9);
  return event;
}

constexpr const char* kEventColumns =
    "id, system, element, sensor, x_m, y_m, state, level, opened_time_s, title";

}  // namespace

std::vector<LedgerEvent> EventLedger::List(const EventFilter& filter) const {
  std::string sql = fmt::format("SELECT {} FROM events WHERE 1", kEventColumns);
  if (filter.state) sql += " AND state = ?1";
  if (filter.level) sql += " AND level = ?2";
  if (filter.system) sql += " AND system = ?3";
  if (filter.area) sql += " AND x_m >= ?4 AND x_m <= ?5 AND y_m >= ?6 AND y_m <= ?7";
  sql += " ORDER BY id";
  Statement query(impl_->database, sql, impl_->path);
  if (filter.state) query.Bind(1, std::string(StateName(*filter.state)));
  if (filter.level) query.Bind(2, static_cast<long>(*filter.level));
  if (filter.system) query.Bind(3, *filter.system);
  if (filter.area) {
    query.Bind(4, filter.area->x_min_m).Bind(5, filter.area->x_max_m);
    query.Bind(6, filter.area->y_min_m).Bind(7, filter.area->y_max_m);
  }
  std::vector<LedgerEvent> events;
  while (query.Step()) events.push_back(EventOfRow(query));
  return events;
}

LedgerEvent EventLedger::Get(long event_id) const {
  Statement query(impl_->database, fmt::format("SELECT {} FROM events WHERE id = ?1", kEventColumns),
                  impl_->path);
  query.Bind(1, event_id);
  if (!query.Step()) throw Error(fmt::format("{}: no event {} in the ledger", impl_->path, event_id));
  return EventOfRow(query);
}

std::vector<LedgerTransition> EventLedger::Transitions(long event_id) const {
  Statement query(
      impl_->database,
      "SELECT from_state, to_state, time_s, actor, note FROM transitions WHERE event_id = ?1 ORDER BY id",
      impl_->path);
  query.Bind(1, event_id);
  std::vector<LedgerTransition> transitions;
  while (query.Step()) {
    LedgerTransition transition;
    transition.event_id = event_id;
    if (!query.IsNull(0)) transition.from = ParseState(query.Text(0));
    transition.to = ParseState(query.Text(1));
    transition.time_s = query.Double(2);
    transition.actor = query.Text(3);
    transition.note = query.Text(4);
    transitions.push_back(std::move(transition));
  }
  return transitions;
}

std::vector<LedgerAlarm> EventLedger::Alarms(long event_id) const {
  Statement query(
      impl_->database,
      "SELECT sensor, time_s, value, level, cause, message FROM alarms WHERE event_id = ?1 ORDER BY id",
      impl_->path);
  query.Bind(1, event_id);
  std::vector<LedgerAlarm> alarms;
  while (query.Step()) {
    LedgerAlarm alarm;
    alarm.event_id = event_id;
    alarm.sensor_id = query.Text(0);
    alarm.time_s = query.Double(1);
    alarm.value = query.Double(2);
    alarm.level = LevelOfColumn(query.Long(3));
    alarm.cause = query.Text(4);
    alarm.message = query.Text(5);
    alarms.push_back(std::move(alarm));
  }
  return alarms;
}

}  // namespace lifeline::live
