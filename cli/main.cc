// build/bin/lifeline: the command-line front door of Lifeline Twin.
//
//   lifeline demo [--out FILE]     the main job (built-in network -> HDF5 results)
//   lifeline <system> ...          per-system commands, added as each model lands
// Every error is printed as one plain line on stderr with a non-zero exit.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <map>

#include "engine/error.h"
#include "engine/version.h"
#include "scenarios/main_job.h"

namespace {

// Subcommands whose commands arrive with later issues, and where.
struct Planned {
  const char* name;
  const char* description;
  int issue;
};
constexpr Planned kPlanned[] = {
    {"water", "Water supply hydraulics (EPANET .inp): simulate, leaks, bursts, isolation", 4},
    {"drainage", "Drainage and urban flooding (SWMM .inp)", 5},
    {"gas", "Gas networks: steady, transient, leaks, migration", 6},
    {"heating", "District heating thermo-hydraulics", 7},
    {"bridge", "Bridge structures: static, modal, vehicles crossing", 8},
    {"city", "Generate and inspect the demo city", 3},
    {"twin", "Run the live twin on recorded or broker data", 9},
    {"events", "The event ledger: list, show, verify, dispatch, feedback, check, close", 9},
    {"scenario", "Drills and what-if scenarios on the demo city", 3},
    {"view", "The 3D viewer and snapshots", 10},
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

  lifeline::scenarios::MainJobOptions demo_options;
  CLI::App* demo = app.add_subcommand("demo", "Run the main job: the built-in network end to end, results in HDF5");
  demo->add_option("--out", demo_options.results_path, "Results file (HDF5)")->capture_default_str();

  std::map<std::string, int> planned_issue;
  for (const Planned& planned : kPlanned) {
    app.add_subcommand(planned.name, fmt::format("{} (commands arrive with issue #{})", planned.description,
                                                 planned.issue));
    planned_issue[planned.name] = planned.issue;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  spdlog::set_level(spdlog::level::from_str(log_level));
  try {
    if (demo->parsed()) {
      demo_options.show_progress = !no_progress;
      const lifeline::scenarios::MainJobReport report = lifeline::scenarios::RunMainJob(demo_options);
      for (const std::string& line : report.lines) fmt::print("{}\n", line);
      return 0;
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
