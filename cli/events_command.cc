// `lifeline events ...` (see events_command.h).
#include "cli/events_command.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <sstream>

#include "engine/error.h"
#include "engine/live/event_ledger.h"

namespace lifeline::cli {
namespace {

using live::EventState;

std::string UtcText(double time_s) {
  const auto seconds = static_cast<std::time_t>(std::floor(time_s));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", &utc);
  return text;
}

live::Area ParseArea(const std::string& text) {
  live::Area area;
  std::stringstream parts(text);
  char c1 = 0, c2 = 0, c3 = 0;
  parts >> area.x_min_m >> c1 >> area.y_min_m >> c2 >> area.x_max_m >> c3 >> area.y_max_m;
  if (!parts || c1 != ',' || c2 != ',' || c3 != ',') {
    throw Error(fmt::format("--area '{}': expected X0,Y0,X1,Y1 in metres", text));
  }
  return area;
}

struct Options {
  CLI::App* events = nullptr;
  CLI::App* list = nullptr;
  CLI::App* show = nullptr;
  CLI::App* verify = nullptr;
  CLI::App* dispatch = nullptr;
  CLI::App* feedback = nullptr;
  CLI::App* check = nullptr;
  CLI::App* close = nullptr;
  std::string ledger_path = "lifeline-events.sqlite";
  long event_id = 0;
  std::string actor;
  std::string note;
  std::string level;
  bool false_alarm = false;
  bool failed = false;
  double time_s = std::nan("");
  std::string filter_state, filter_level, filter_system, filter_area;
};

void Run(const Options& o) {
  live::EventLedger ledger(o.ledger_path);
  if (o.list->parsed()) {
    live::EventFilter filter;
    if (!o.filter_state.empty()) filter.state = live::ParseState(o.filter_state);
    if (!o.filter_level.empty()) filter.level = live::ParseLevel(o.filter_level);
    if (!o.filter_system.empty()) filter.system = o.filter_system;
    if (!o.filter_area.empty()) filter.area = ParseArea(o.filter_area);
    const std::vector<live::LedgerEvent> events = ledger.List(filter);
    fmt::print("{:>5}  {:<9}  {:<5}  {:<8}  {:<10}  {:<19}  {}\n", "id", "state", "level", "system", "sensor",
               "opened (UTC)", "title");
    for (const live::LedgerEvent& event : events) {
      fmt::print("{:>5}  {:<9}  {:<5}  {:<8}  {:<10}  {:<19}  {}\n", event.id, live::StateName(event.state),
                 live::LevelName(event.level), event.system, event.sensor_id, UtcText(event.opened_time_s),
                 event.title);
    }
    fmt::print("{} event(s)\n", events.size());
    return;
  }
  if (o.show->parsed()) {
    const live::LedgerEvent event = ledger.Get(o.event_id);
    fmt::print("event {}: {}\n", event.id, event.title);
    fmt::print("  state {}, level {}, system {}, element {}, sensor {}, at x {:.1f} m, y {:.1f} m\n",
               live::StateName(event.state), live::LevelName(event.level), event.system, event.element_id,
               event.sensor_id, event.x_m, event.y_m);
    fmt::print("transitions:\n");
    for (const live::LedgerTransition& step : ledger.Transitions(event.id)) {
      fmt::print("  {}  {:<9} -> {:<9}  {}: {}\n", UtcText(step.time_s),
                 step.from ? live::StateName(*step.from) : "", live::StateName(step.to), step.actor,
                 step.note);
    }
    fmt::print("alarms:\n");
    for (const live::LedgerAlarm& alarm : ledger.Alarms(event.id)) {
      fmt::print("  {}  {:<10} level {:<4} {:<18} {}\n", UtcText(alarm.time_s), alarm.sensor_id,
                 live::LevelName(alarm.level), alarm.cause, alarm.message);
    }
    return;
  }
  const double time_s =
      std::isnan(o.time_s)
          ? std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count()
          : o.time_s;
  std::vector<EventState> steps;
  std::optional<live::WarningLevel> level;
  if (o.verify->parsed()) {
    steps = {EventState::kVerified};
    if (o.false_alarm) steps.push_back(EventState::kClosed);
  } else if (o.dispatch->parsed()) {
    steps = {EventState::kWarning, EventState::kDisposing};
    level = live::ParseLevel(o.level);
  } else if (o.feedback->parsed()) {
    steps = {EventState::kFeedback};
  } else if (o.check->parsed()) {
    steps = {EventState::kChecked};
    if (o.failed) steps.push_back(EventState::kDisposing);
  } else if (o.close->parsed()) {
    steps = {EventState::kClosed};
  }
  const std::string note = o.verify->parsed() && o.false_alarm && o.note.empty() ? "false alarm" : o.note;
  ledger.Transition(o.event_id, steps, time_s, o.actor, note, level);
  const live::LedgerEvent event = ledger.Get(o.event_id);
  fmt::print("event {}: {} (level {})\n", event.id, live::StateName(event.state),
             live::LevelName(event.level));
}

}  // namespace

void AddEventsCommand(CLI::App& app) {
  auto options = std::make_shared<Options>();
  Options& o = *options;
  o.events =
      app.add_subcommand("events", "The event ledger: list, show, verify, dispatch, feedback, check, close");
  o.events->require_subcommand(1);
  o.events->add_option("--ledger", o.ledger_path, "Event ledger (SQLite)")->capture_default_str();
  o.list = o.events->add_subcommand("list", "List events, optionally filtered");
  o.list->add_option("--state", o.filter_state,
                     "DETECTED, ALARM, VERIFIED, WARNING, DISPOSING, FEEDBACK, CHECKED, CLOSED");
  o.list->add_option("--level", o.filter_level, "I, II, III or IV");
  o.list->add_option("--system", o.filter_system, "water, drainage, gas, heating, bridge, tunnel");
  o.list->add_option("--area", o.filter_area, "X0,Y0,X1,Y1: a rectangle in the city frame, m");
  o.show = o.events->add_subcommand("show", "Show one event with its transitions and alarms");
  o.show->add_option("id", o.event_id, "Event id")->required();
  const auto transition = [&](const char* name, const char* description) {
    CLI::App* command = o.events->add_subcommand(name, description);
    command->add_option("id", o.event_id, "Event id")->required();
    command->add_option("--actor", o.actor, "Who does it")->required();
    command->add_option("--note", o.note, "Why, what was seen or done");
    command->add_option("--time-s", o.time_s,
                        "Time of the transition, s since the Unix epoch (default: now)");
    return command;
  };
  o.verify = transition("verify", "ALARM -> VERIFIED (a false alarm is closed here)");
  o.verify->add_flag("--false-alarm", o.false_alarm, "Close it as a false alarm");
  o.dispatch = transition("dispatch", "VERIFIED -> WARNING (level) -> DISPOSING");
  o.dispatch->add_option("--level", o.level, "Warning level: I, II, III or IV")->required();
  o.feedback = transition("feedback", "DISPOSING -> FEEDBACK");
  o.check = transition("check", "FEEDBACK -> CHECKED (--failed: back to DISPOSING)");
  o.check->add_flag("--failed", o.failed, "The check found the disposal incomplete");
  o.close = transition("close", "CHECKED -> CLOSED");
  o.events->callback([options] { Run(*options); });
}

}  // namespace lifeline::cli
