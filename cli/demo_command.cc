// `lifeline demo` (see demo_command.h).
#include "cli/demo_command.h"

#include <fmt/format.h>

#include <memory>

#include "scenarios/main_job.h"

namespace lifeline::cli {

void AddDemoCommand(CLI::App& app, const bool& no_progress) {
  auto options = std::make_shared<scenarios::MainJobOptions>();
  CLI::App* demo = app.add_subcommand("demo", "Run the main job: the demo city twin, every model on it, results in HDF5");
  demo->add_option("--city", options->city_dir, "The demo city's folder (city.json)")->capture_default_str();
  demo->add_option("--out", options->results_path, "Results file (HDF5)")->capture_default_str();
  demo->add_option("--csv", options->csv_dir, "Folder for CSV time histories")->capture_default_str();
  demo->add_option("--heating-step", options->heating_step_s, "Heating time step, s")->capture_default_str();
  demo->callback([options, &no_progress] {
    options->show_progress = !no_progress;
    for (const std::string& line : scenarios::RunMainJob(*options).lines) fmt::print("{}\n", line);
  });
}

}  // namespace lifeline::cli
