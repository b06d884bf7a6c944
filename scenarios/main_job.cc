// The main job (see main_job.h).
#include "scenarios/main_job.h"

#include <fmt/format.h>

#include <chrono>

#include "engine/results_store.h"
#include "models/tank_network/tank_network_reader.h"
#include "models/tank_network/tank_network_simulation.h"

namespace lifeline::scenarios {

MainJobReport RunMainJob(const MainJobOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const tank_network::TankNetwork network =
      tank_network::ReadTankNetworkJson(tank_network::BuiltinTankNetworkJson(), "<built-in tank_network.json>");

  ResultsWriter results(options.results_path,
                        {network.title + fmt::format(", {:.0f} h", network.duration_s / 3600.0),
                         "embedded default: data/tank_network.json"});
  tank_network::SimulationOptions simulation;
  simulation.show_progress = options.show_progress;
  const tank_network::SimulationSummary summary = tank_network::Simulate(network, &results, simulation);
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  MainJobReport report;
  report.results_path = options.results_path;
  report.lines = {
      fmt::format("tank network: {} nodes, {} pipes, {:.0f} h simulated in {:.3f} s", network.graph.node_count(),
                  network.graph.link_count(), network.duration_s / 3600.0, elapsed_s),
      fmt::format("  {} report steps, {} IDA steps, {} pattern restarts", summary.report_steps, summary.stats.steps,
                  summary.pattern_restarts),
      fmt::format("  lowest junction pressure {:.2f} m at {}", summary.min_junction_pressure_m,
                  summary.min_pressure_junction),
      fmt::format("  water in tanks {:.1f} m3 -> {:.1f} m3", summary.initial_volume_m3, summary.final_volume_m3),
      fmt::format("results: {}", options.results_path),
  };
  return report;
}

}  // namespace lifeline::scenarios
