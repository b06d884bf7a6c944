// build/bin/lifeline: the command-line front door of Lifeline Twin.
//
// Each command lives in cli/<command>_command.h and runs from its parse callback:
//   demo      the main job: the demo city twin          bridge    girder statics, modes, vehicles
//   city      the demo city generator                    events    the event ledger
//   gas       gas networks, leaks, migration             heating   district heating
//   twin      the live twin (replay, MQTT)               view      3D snapshots
//   water     water supply hydraulics
// Subcommands whose issue has not landed are listed and say which issue brings them.
// Every error is printed as one plain line on stderr with a non-zero exit.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <map>

#include "cli/bridge_command.h"
#include "cli/city_command.h"
#include "cli/demo_command.h"
#include "cli/events_command.h"
#include "cli/gas_command.h"
#include "cli/heating_command.h"
#include "cli/twin_command.h"
#include "cli/view_command.h"
#include "cli/water_command.h"
#include "engine/error.h"
#include "engine/version.h"

namespace {

// Subcommands whose commands arrive with later issues, and where.
struct Planned {
  const char* name;
  const char* description;
  int issue;
};
constexpr Planned kPlanned[] = {
    {"drainage", "Drainage and urban flooding (SWMM .inp)", 5},
    {"scenario", "Drills and what-if scenarios on the demo city", 3},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Lifeline Twin: a digital twin of a city's lifelines (water, drainage, gas, heating, bridges, "
               "utility tunnels)",
               "lifeline"};
  app.set_version_flag("--version", fmt::format("lifeline {}", lifeline::EngineVersion()));
  app.require_subcommand(1);

  std::string log_level = "info";
  bool no_progress = false;
  app.add_option("--log-level", log_level, "Log level: trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
  app.add_flag("--no-progress", no_progress, "Never draw a progress bar (it is drawn only on a terminal)");

  lifeline::cli::AddDemoCommand(app, no_progress);
  lifeline::cli::AddBridgeCommand(app);
  lifeline::cli::AddCityCommand(app);
  lifeline::cli::AddEventsCommand(app);
  lifeline::cli::AddGasCommand(app);
  lifeline::cli::AddHeatingCommand(app);
  lifeline::cli::AddTwinCommand(app);
  lifeline::cli::AddViewCommand(app);
  lifeline::cli::AddWaterCommand(app);

  std::map<std::string, int> planned_issue;
  for (const Planned& planned : kPlanned) {
    app.add_subcommand(planned.name, fmt::format("{} (commands arrive with issue #{})", planned.description,
                                                 planned.issue));
    planned_issue[planned.name] = planned.issue;
  }

  // commands registered with a callback run inside parse
  app.parse_complete_callback([&] { spdlog::set_level(spdlog::level::from_str(log_level)); });
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return app.exit(e);
    }
    for (const auto& [name, issue] : planned_issue) {
      if (app.got_subcommand(name)) {
        fmt::print(stderr, "lifeline {}: no commands yet; they arrive with issue #{}\n", name, issue);
        return 2;
      }
    }
  } catch (const lifeline::Error& e) {
    fmt::print(stderr, "lifeline: error: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "lifeline: internal error: {}\n", e.what());
    return 1;
  }
  return 0;
}
