// The main job: the run the README's first command starts.
//
// Until the demo city (issue #3) and the system models land, it simulates the
// built-in tank network (data/tank_network.json, embedded in the binary) for
// its full duration and writes one HDF5 results file. Each model joins here
// as it lands.
#pragma once

#include <string>
#include <vector>

namespace lifeline::scenarios {

struct MainJobOptions {
  std::string results_path = "lifeline-demo.h5";
  bool show_progress = true;
};

struct MainJobReport {
  std::string results_path;
  std::vector<std::string> lines;  // a short human-readable summary, one item per line
};

MainJobReport RunMainJob(const MainJobOptions& options);

}  // namespace lifeline::scenarios
