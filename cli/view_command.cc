// `lifeline view` commands (see view_command.h).
#include "cli/view_command.h"

#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "cli/option_fields.h"
#include "engine/error.h"
#include "engine/results_store.h"
#include "viewer/scene_builder.h"
#include "viewer/snapshot.h"

namespace lifeline::cli {
namespace {

struct SnapshotArguments {
  std::string results_path;
  std::string out_path;
  double time_s = 0.0;
  std::string colour;               // SYSTEM/QUANTITY
  std::vector<std::string> alarms;  // SYSTEM/ELEMENT/LEVEL
  std::string camera = "oblique";
  std::string size = "1280x800";
  double exaggeration = 5.0;
};

void RunSnapshot(const SnapshotArguments& arguments) {
  const ResultsReader results(arguments.results_path);
  viewer::SceneOptions scene;
  scene.vertical_exaggeration = arguments.exaggeration;
  if (!arguments.colour.empty()) {
    const std::vector<std::string> parts = SplitFields(arguments.colour, '/');
    if (parts.size() != 2) throw Error(fmt::format("--colour '{}' is not SYSTEM/QUANTITY", arguments.colour));
    scene.colour_by = viewer::ColourBy{parts[0], parts[1], arguments.time_s};
  }
  for (const std::string& alarm : arguments.alarms) {
    const std::vector<std::string> parts = SplitFields(alarm, '/');
    if (parts.size() != 3 || parts[2].size() != 1 || parts[2][0] < '1' || parts[2][0] > '4') {
      throw Error(fmt::format("--alarm '{}' is not SYSTEM/ELEMENT/LEVEL with LEVEL 1 (I red) to 4 (IV blue)", alarm));
    }
    scene.alarms.push_back({parts[0], parts[1], parts[2][0] - '0'});
  }
  viewer::SnapshotOptions snapshot;
  snapshot.preset = viewer::ParseCameraPreset(arguments.camera);
  snapshot.vertical_exaggeration = arguments.exaggeration;
  const std::vector<std::string> size = SplitFields(arguments.size, 'x');
  try {
    if (size.size() != 2) throw std::invalid_argument("size");
    snapshot.width_px = std::stoi(size[0]);
    snapshot.height_px = std::stoi(size[1]);
  } catch (const std::exception&) {
    throw Error(fmt::format("--size '{}' is not WIDTHxHEIGHT", arguments.size));
  }
  if (snapshot.width_px < 16 || snapshot.height_px < 16 || snapshot.width_px > 16384 || snapshot.height_px > 16384) {
    throw Error(fmt::format("--size '{}' must lie between 16x16 and 16384x16384", arguments.size));
  }
  viewer::SceneSummary summary;
  const osg::ref_ptr<osg::Group> root = viewer::BuildScene(results, scene, summary);
  snapshot.hud.title = results.MetaAttribute("title");
  if (scene.colour_by) {
    snapshot.hud.subtitle = fmt::format("{}   t = {}", arguments.colour, viewer::ClockText(summary.colour_time_s));
    snapshot.hud.quantity_label = arguments.colour;
  }
  viewer::RenderSnapshot(root.get(), summary, snapshot, arguments.out_path);
  fmt::print("snapshot: {} ({} systems, {} links, {} nodes{})\n", arguments.out_path, summary.layers.size(),
             summary.link_count, summary.node_count,
             scene.colour_by ? fmt::format(", {} at t = {} s", arguments.colour, summary.colour_time_s) : "");
}

}  // namespace

void AddViewCommand(CLI::App& app) {
  CLI::App* view = app.add_subcommand("view", "The 3D twin viewer: snapshots of a results file");
  view->require_subcommand(1);
  auto arguments = std::make_shared<SnapshotArguments>();
  CLI::App* snapshot = view->add_subcommand(
      "snapshot", "Render a results file off-screen to PNG (needs an X display; use xvfb-run -a when headless)");
  snapshot->add_option("--results", arguments->results_path, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
  snapshot->add_option("--out", arguments->out_path, "PNG to write")->required();
  snapshot->add_option("--time", arguments->time_s, "Simulated time to show, s (the nearest report step)");
  snapshot->add_option("--colour", arguments->colour, "Colour one quantity: SYSTEM/QUANTITY, e.g. water/head_m");
  snapshot->add_option("--alarm", arguments->alarms, "Mark an alarm: SYSTEM/ELEMENT/LEVEL (1 = I red ... 4 = IV blue)");
  snapshot->add_option("--camera", arguments->camera, "plan, oblique or underground")->capture_default_str();
  snapshot->add_option("--size", arguments->size, "Picture size WIDTHxHEIGHT in pixels")->capture_default_str();
  snapshot->add_option("--exaggeration", arguments->exaggeration, "Vertical exaggeration of depths")
      ->capture_default_str();
  snapshot->callback([arguments] { RunSnapshot(*arguments); });
}

}  // namespace lifeline::cli
