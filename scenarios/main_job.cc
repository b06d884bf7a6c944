// The main job on the demo city (see main_job.h).
#include "scenarios/main_job.h"

#include <fmt/format.h>

#include <chrono>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/results_store.h"
#include "engine/units.h"
#include "models/bridge/bridge_run.h"
#include "models/heating/heating_city_reader.h"
#include "models/heating/heating_transient.h"
#include "models/water/water_run.h"

namespace lifeline::scenarios {
namespace {

constexpr double kBurstTime_s = 8.0 * 3600.0;
constexpr double kBurstHole_m = 0.1;
constexpr double kOverweightFactor = 1.3;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// 24 h of district heating with the plant's main supply pipe bursting at 08:00.
std::vector<std::string> RunHeating(const std::string& path, double step_s, bool show_progress, ResultsWriter& results) {
  const auto start = std::chrono::steady_clock::now();
  heating::HeatingNetwork city = heating::ReadCityHeatingFile(path);
  // the burst: the supply pipe into the substation with the largest load, half way along
  const NetworkGraph& city_graph = city.graph;
  LinkIndex station = -1;
  for (LinkIndex l = 0; l < city_graph.link_count(); ++l) {
    if (city.links[l].kind != heating::LinkKind::kSubstation) continue;
    if (station < 0 || city.links[l].heat_extracted_W > city.links[station].heat_extracted_W) station = l;
  }
  LinkIndex feeder = -1;
  for (LinkIndex l = 0; station >= 0 && l < city_graph.link_count(); ++l) {
    if (city_graph.link(l).kind == "supply_pipe" && city_graph.link_to(l) == city_graph.link_from(station)) feeder = l;
  }
  if (feeder < 0) throw Error(fmt::format("{}: no supply pipe feeds a substation", path));
  const std::string pipe = city_graph.link(feeder).id;
  const std::string station_id = city_graph.link(station).id;
  heating::HeatingNetwork network = heating::WithBurst(city, pipe, 0.5, kBurstHole_m);
  const double hole_area = network.leaks.back().hole_area_m2;
  network.leaks.back().hole_area_m2 = 0.0;

  heating::TransientOptions options;
  options.duration_s = 86400.0;
  options.time_step_s = step_s;
  options.report_step_s = 900.0;
  options.show_progress = show_progress;
  heating::HeatingTransient transient(network, options);
  transient.Schedule(kBurstTime_s, fmt::format("burst of supply pipe {} ({:.0f} cm hole)", pipe, kBurstHole_m * 100),
                     [hole_area](heating::HeatingNetwork& n) { n.leaks.back().hole_area_m2 = hole_area; });
  const std::vector<heating::TransientReport> reports = transient.Run(&results);

  // what the substation behind the burst saw
  const NetworkGraph& graph = network.graph;
  const LinkIndex seen = graph.LinkIndexOf(station_id);
  const heating::SteadyState& before = reports[static_cast<size_t>(kBurstTime_s / options.report_step_s) - 1].state;
  const heating::SteadyState& after = reports.back().state;
  return {
      fmt::format("heating: {} junctions, {} links, 24 h at {:.0f} s steps in {:.1f} s", graph.node_count(),
                  graph.link_count(), step_s, SecondsSince(start)),
      fmt::format("  08:00 burst of {} ({:.0f} cm hole): {:.1f} kg/s lost to the ground at the end of the day", pipe,
                  kBurstHole_m * 100, after.leak_mass_flow_kg_per_s.back()),
      fmt::format("  substation {} ({:.1f} MW): inlet {:.2f} -> {:.2f} bar, differential {:.2f} -> {:.2f} bar{}",
                  station_id, network.links[seen].heat_extracted_W / 1e6,
                  units::PascalToBar(before.pressure_Pa[graph.link_from(seen)]),
                  units::PascalToBar(after.pressure_Pa[graph.link_from(seen)]),
                  units::PascalToBar(-before.pressure_rise_Pa[seen]), units::PascalToBar(-after.pressure_rise_Pa[seen]),
                  after.pressure_rise_Pa[seen] > 0.0 ? " (it would need a booster)" : ""),
  };
}

// An overweight truck crossing the first bridge.
std::vector<std::string> RunBridge(const std::string& path, const std::string& csv_dir, ResultsWriter& results) {
  bridge::BridgeInput input = bridge::ReadBridgeFile(path);
  if (!input.vehicle) throw Error(fmt::format("{}: the bridge file has no vehicle", path));
  for (bridge::Axle& axle : input.vehicle->axles) axle.force_N *= kOverweightFactor;
  for (double& mass : input.axle_masses_kg) mass *= kOverweightFactor;
  input.vehicle->id += fmt::format(" at {:.0f} %", kOverweightFactor * 100);
  bridge::BridgeRunOptions options;
  options.mode = bridge::BridgeMode::kVehicle;
  options.input_path = path;
  options.csv_dir = csv_dir;
  options.results = &results;
  std::vector<std::string> lines = bridge::RunBridge(input, options);
  for (std::string& line : lines) line = "  " + line;
  lines.insert(lines.begin(), fmt::format("bridge: {}", input.girder.title));
  return lines;
}

}  // namespace

MainJobReport RunMainJob(const MainJobOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::string manifest_path = options.city_dir + "/city.json";
  const nlohmann::json manifest = ReadJsonFile(manifest_path);
  auto city_file = [&](const char* key) {
    if (!manifest.contains("files") || !manifest["files"].contains(key)) {
      throw Error(fmt::format("{}: no files.{} in the city manifest", manifest_path, key));
    }
    return options.city_dir + "/" + manifest["files"][key].get<std::string>();
  };
  const std::vector<std::string> bridges = manifest.at("files").at("bridges").get<std::vector<std::string>>();
  if (bridges.empty()) throw Error(fmt::format("{}: the city has no bridge", manifest_path));

  ResultsWriter results(options.results_path,
                        {fmt::format("demo city twin (seed {}): water snapshot, heating 24 h with a burst, overweight truck",
                                     manifest.value("seed", 0)),
                         manifest_path});
  MainJobReport report;
  report.results_path = options.results_path;

  water::WaterRunOptions water_options;
  water_options.input_path = city_file("water");
  water_options.results = &results;
  for (const std::string& line : water::RunWaterSnapshot(water_options)) report.lines.push_back(line);

  for (const std::string& line : RunHeating(city_file("heating"), options.heating_step_s, options.show_progress, results)) {
    report.lines.push_back(line);
  }
  for (const std::string& line : RunBridge(options.city_dir + "/" + bridges.front(), options.csv_dir, results)) {
    report.lines.push_back(line);
  }
  report.lines.push_back(fmt::format("demo city twin done in {:.1f} s; results: {}", SecondsSince(start), options.results_path));
  return report;
}

}  // namespace lifeline::scenarios
