// One bridge run as the CLI makes it: read input, analyse, write results.
//
//   static  - SolveStatic under the file's static loads: node deflections and
//             rotations, sensor readings, support reactions, element axial
//             forces; each span's largest deflection against span / ratio.
//   modal   - SolveModes: frequencies, kinds and mode shapes.
//   vehicle - SimulateCrossing of the file's vehicle (Rayleigh damping at the
//             first two bending modes when a damping ratio is given): sensor
//             deflection and acceleration histories, DAF per sensor, the gross
//             weight check and the live-load deflection check.
// CSV files go to csv_dir (created if missing); with an HDF5 path the same
// results go to a results file (engine/results_store.h, system "bridge").
#pragma once

#include <string>
#include <vector>

#include "engine/results_store.h"
#include "models/bridge/bridge_reader.h"

namespace lifeline::bridge {

enum class BridgeMode { kStatic, kModal, kVehicle };

struct BridgeRunOptions {
  BridgeMode mode = BridgeMode::kStatic;
  std::string input_path;  // for messages and the results' metadata
  std::string csv_dir;
  std::string h5_path;  // "" = no HDF5 file of its own
  ResultsWriter* results = nullptr;  // an open results file to write into instead (a run of several systems)
};

// Runs one mode and returns the report lines for the terminal.
std::vector<std::string> RunBridge(const BridgeInput& input, const BridgeRunOptions& options);

}  // namespace lifeline::bridge
