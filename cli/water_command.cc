// `lifeline water` (see water_command.h).
#include "cli/water_command.h"

#include <fmt/format.h>

#include <memory>

#include "models/water/water_run.h"

namespace lifeline::cli {

void AddWaterCommand(CLI::App& app) {
  auto options = std::make_shared<water::WaterRunOptions>();
  CLI::App* water_app = app.add_subcommand(
      "water", "Water supply hydraulics (EPANET .inp): simulate; leaks, bursts and isolation arrive with issue #4");
  water_app->require_subcommand(1);
  CLI::App* simulate = water_app->add_subcommand(
      "simulate", "Solve an EPANET network's hydraulics at t = 0 (docs/models/water.md); results in CSV and HDF5");
  simulate->add_option("NET.inp", options->input_path, "EPANET input file")->required()->check(CLI::ExistingFile);
  simulate->add_option("--csv", options->csv_dir, "Folder for the CSV results")->required();
  simulate->add_option("--h5", options->h5_path, "Results file (HDF5)");
  simulate->callback([options] {
    for (const std::string& line : water::RunWaterSnapshot(*options)) fmt::print("{}\n", line);
  });
}

}  // namespace lifeline::cli
