// The main job: the run the README's first command starts — the demo city twin.
//
// It opens the committed demo city (data/demo-city, docs/city.md) and runs
// every model that has landed on it, into one HDF5 results file:
//   - water supply: the hydraulic snapshot of the city's EPANET network;
//   - district heating: 24 h with plug-flow temperatures, and at 08:00 a burst
//     of the supply pipe into the substation with the largest load;
//   - gas: a small hole in the low-pressure main passing closest to a sewer
//     manhole with a methane sensor, and %LEL over 12 h in the three nearest
//     monitored manholes (gas_migration.h);
//   - bridges: an overweight six-axle truck (130 % of the file's legal truck)
//     crossing the first continuous girder, with its indicators.
// Each model joins here as it lands.
#pragma once

#include <string>
#include <vector>

namespace lifeline::scenarios {

struct MainJobOptions {
  std::string results_path = "lifeline-demo.h5";
  std::string city_dir = LIFELINE_DEMO_CITY_DIR;  // the committed demo city
  std::string csv_dir = "lifeline-demo-csv";      // the bridge's time histories
  double heating_step_s = 60.0;                   // plug-flow time step
  bool show_progress = true;
};

struct MainJobReport {
  std::string results_path;
  std::vector<std::string> lines;  // a short human-readable summary, one item per line
};

MainJobReport RunMainJob(const MainJobOptions& options);

}  // namespace lifeline::scenarios
