// One water run as the CLI makes it: read an EPANET .inp file, solve the
// hydraulic snapshot at t = 0, write the results.
//
// CSV (SI, to csv_dir, created if missing):
//   nodes.csv  node_id, kind, head_m, pressure_m (head - elevation), demand_m3_per_s
//   links.csv  link_id, kind, flow_m3_per_s, head_loss_m (H_from - H_to), status
// With an HDF5 path the same quantities go to a results file
// (engine/results_store.h, system "water", one time row at t = 0).
#pragma once

#include <string>
#include <vector>

#include "engine/results_store.h"

namespace lifeline::water {

struct WaterRunOptions {
  std::string input_path;  // the .inp file
  std::string csv_dir;     // "" = no CSV files
  std::string h5_path;     // "" = no HDF5 file of its own
  ResultsWriter* results = nullptr;  // an open results file to write into instead (a run of several systems)
};

// Runs the snapshot and returns the report lines for the terminal.
std::vector<std::string> RunWaterSnapshot(const WaterRunOptions& options);

}  // namespace lifeline::water
