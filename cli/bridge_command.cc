// `lifeline bridge` (see bridge_command.h).
#include "cli/bridge_command.h"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "models/bridge/bridge_run.h"

namespace lifeline::cli {

namespace {

struct BridgeArguments {
  bridge::BridgeRunOptions run;
  std::string mode = "static";
};

}  // namespace

void AddBridgeCommand(CLI::App& app) {
  auto arguments = std::make_shared<BridgeArguments>();
  bridge::BridgeRunOptions* options = &arguments->run;
  CLI::App* bridge_app = app.add_subcommand("bridge", "Bridge structures: static, modal, vehicles crossing");
  bridge_app->require_subcommand(1);
  CLI::App* simulate = bridge_app->add_subcommand(
      "simulate", "Analyse a bridge girder (JSON, docs/models/bridge.md); results in CSV and HDF5");
  simulate->add_option("BRIDGE.json", options->input_path, "Bridge file")->required()->check(CLI::ExistingFile);
  simulate->add_option("--mode", arguments->mode, "static, modal or vehicle (the file's vehicle crossing)")
      ->check(CLI::IsMember({"static", "modal", "vehicle"}))
      ->capture_default_str();
  simulate->add_option("--csv", options->csv_dir, "Folder for the CSV results")->required();
  simulate->add_option("--h5", options->h5_path, "Results file (HDF5)");
  simulate->callback([arguments] {
    static const std::map<std::string, bridge::BridgeMode> kModes{
        {"static", bridge::BridgeMode::kStatic}, {"modal", bridge::BridgeMode::kModal}, {"vehicle", bridge::BridgeMode::kVehicle}};
    arguments->run.mode = kModes.at(arguments->mode);
    const bridge::BridgeInput input = bridge::ReadBridgeFile(arguments->run.input_path);
    for (const std::string& line : bridge::RunBridge(input, arguments->run)) fmt::print("{}\n", line);
  });
}

}  // namespace lifeline::cli
