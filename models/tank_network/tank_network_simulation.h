// Extended-period simulation of a tank network: steady start, then IDA in time
// with a restart at each demand-pattern step, writing every report step to the
// results store.
#pragma once

#include "engine/dae_solver.h"
#include "engine/results_store.h"
#include "models/tank_network/tank_network.h"

namespace lifeline::tank_network {

struct SimulationOptions {
  bool show_progress = true;   // progress bar on a terminal
  DaeOptions dae;              // tolerances of the transient solve
};

struct SimulationSummary {
  int report_steps = 0;
  int pattern_restarts = 0;
  double min_junction_pressure_m = 0.0;  // lowest H - elevation over junctions and reports
  std::string min_pressure_junction;
  double final_volume_m3 = 0.0;          // water in tanks at the end
  double initial_volume_m3 = 0.0;
  DaeStats stats;
};

// Writes /network/tank_network and /results/tank_network/{head_m, flow_m3_per_s,
// level_m, demand_m3_per_s} when results is given. A tank leaving [0, max level]
// is an Error naming the tank and the time.
SimulationSummary Simulate(const TankNetwork& network, ResultsWriter* results,
                           const SimulationOptions& options = {});

}  // namespace lifeline::tank_network
