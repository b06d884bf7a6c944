// The main job on the demo city (see main_job.h).
#include "scenarios/main_job.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/results_store.h"
#include "engine/units.h"
#include "engine/geometry.h"
#include "models/bridge/bridge_run.h"
#include "models/gas/city_gas_reader.h"
#include "models/gas/gas_leak.h"
#include "models/gas/gas_migration.h"
#include "models/gas/gas_steady.h"
#include "models/heating/heating_city_reader.h"
#include "models/heating/heating_transient.h"
#include "models/water/water_run.h"

namespace lifeline::scenarios {
namespace {

constexpr double kBurstTime_s = 8.0 * 3600.0;
constexpr double kBurstHole_m = 0.1;
constexpr double kOverweightFactor = 1.3;
// the gas leak drill (assumptions, docs/models/gas.md): a 6.35 mm hole (API 581's small "1/4 inch") in
// a low-pressure main (at most 10 kPa gauge, GB 50028's low-pressure class), Cd 0.6;
// a sewer manhole holds about 3 m3 of air (DN1000, 4 m deep) and changes it 0.5 times an hour
constexpr double kGasHole_m = 0.00635;
constexpr double kGasDischargeCoefficient = 0.6;
constexpr double kManholeVolume_m3 = 3.0;
constexpr double kManholeAirChanges_per_h = 0.5;
constexpr int kWatchedManholes = 3;
constexpr double kLowPressureLimit_Pa = 10e3;

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

// A gas leak next to the monitored sewer manhole closest to a gas pipe; %LEL in the nearest manholes over 12 h.
std::vector<std::string> RunGasLeak(const std::string& gas_path, const std::string& sensors_path, ResultsWriter& results) {
  gas::GasNetwork network = gas::ReadGasNetworkFile(gas_path);
  struct Manhole {
    std::string id;
    Point3 position;
  };
  std::vector<Manhole> manholes;  // sewer manholes with a methane sensor
  const nlohmann::json registry = ReadJsonFile(sensors_path);
  for (const nlohmann::json& sensor : registry.at("sensors")) {
    if (sensor.value("quantity", "") != "methane_pct_lel" || sensor.value("asset_class", "") != "sewer_manhole") continue;
    manholes.push_back({sensor.at("element").get<std::string>(),
                        {sensor.at("x_m").get<double>(), sensor.at("y_m").get<double>(), sensor.at("z_m").get<double>()}});
  }
  if (manholes.empty()) throw Error(fmt::format("{}: no sewer manhole carries a methane sensor", sensors_path));

  // the low-pressure pipe that passes closest to a monitored manhole, and the point on it
  const NetworkGraph& graph = network.graph;
  const gas::GasSteadyResult intact = gas::SolveGasSteady(network);
  double closest_m = std::numeric_limits<double>::infinity(), fraction = 0.0;  // manhole to pipe, plan
  LinkIndex pipe = -1;
  Point3 hole;
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    if (graph.link(l).kind != "pipe" || !(graph.link(l).length_m > 0.0)) continue;
    if (std::max(intact.gauge_pressure_Pa[graph.link_from(l)], intact.gauge_pressure_Pa[graph.link_to(l)]) >
        kLowPressureLimit_Pa) {
      continue;
    }
    const Point3& a = graph.node(graph.link_from(l)).position;
    const Point3& b = graph.node(graph.link_to(l)).position;
    for (const Manhole& manhole : manholes) {
      const double distance = DistanceToSegment_m(manhole.position, a, b, DistanceMetric::kPlan);
      if (distance >= closest_m) continue;
      const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m, length2 = dx * dx + dy * dy;
      const double t = length2 > 0.0 ? ((manhole.position.x_m - a.x_m) * dx + (manhole.position.y_m - a.y_m) * dy) / length2 : 0.0;
      fraction = std::clamp(t, 0.05, 0.95);  // a hole inside the pipe, not on a joint
      closest_m = distance;
      pipe = l;
      hole = {a.x_m + fraction * dx, a.y_m + fraction * dy, a.z_m + fraction * (b.z_m - a.z_m)};
    }
  }
  if (pipe < 0) throw Error(fmt::format("{}: no low-pressure gas pipe to put a leak in", gas_path));
  gas::LeakSpec leak;
  leak.pipe_id = graph.link(pipe).id;
  leak.offset_from_start_m = fraction * graph.link(pipe).length_m;
  leak.orifice.hole_diameter_m = kGasHole_m;
  leak.orifice.discharge_coefficient = kGasDischargeCoefficient;
  leak.junction_id = "leak@" + leak.pipe_id;
  network = gas::AddLeak(network, leak);
  const gas::GasSteadyResult steady = gas::SolveGasSteady(network);
  const NodeIndex at = network.graph.NodeIndexOf(leak.junction_id);
  const gas::Junction& junction = network.junctions[at];
  const double ambient_Pa = gas::AmbientPressure_Pa(junction.height_m);
  const double leak_m3_per_s = gas::LeakVolumeFlow_m3_per_s(steady.leak_kg_per_s[at], network.fluid.GasConstant_J_per_kg_K(),
                                                            junction.temperature_K, ambient_Pa);

  // the network's state with the leak, as one row
  results.WriteNetwork(network.graph);
  std::vector<std::string> junction_ids, link_ids;
  for (NodeIndex n = 0; n < network.graph.node_count(); ++n) junction_ids.push_back(network.graph.node(n).id);
  for (LinkIndex l = 0; l < network.graph.link_count(); ++l) link_ids.push_back(network.graph.link(l).id);
  results.DeclareQuantity(gas::kSystem, "gauge_pressure_Pa", "Pa", junction_ids);
  results.DeclareQuantity(gas::kSystem, "velocity_m_per_s", "m/s", link_ids);
  const QuantityRow gas_rows[] = {{"gauge_pressure_Pa", steady.gauge_pressure_Pa}, {"velocity_m_per_s", steady.velocity_m_per_s}};
  results.AppendStep(gas::kSystem, 0.0, gas_rows);

  // the nearest monitored manholes fill with gas
  std::sort(manholes.begin(), manholes.end(), [&](const Manhole& a, const Manhole& b) {
    return Distance_m(a.position, hole, DistanceMetric::kPlan) < Distance_m(b.position, hole, DistanceMetric::kPlan);
  });
  manholes.resize(std::min<size_t>(manholes.size(), kWatchedManholes));
  std::vector<gas::UndergroundSpace> spaces;
  std::vector<std::string> space_ids;
  for (const Manhole& manhole : manholes) {
    spaces.push_back({manhole.id, kManholeVolume_m3, kManholeAirChanges_per_h, Distance_m(manhole.position, hole, DistanceMetric::kPlan)});
    space_ids.push_back(manhole.id);
  }
  const gas::MigrationAssumptions assumptions;
  std::vector<double> outputs_s;
  for (double t = 0.0; t <= 12.0 * 3600.0; t += 900.0) outputs_s.push_back(t);
  const gas::MigrationHistory history = gas::SimulateMigration(spaces, assumptions, {0.0}, {leak_m3_per_s}, outputs_s);
  const std::string system = "gas_migration";
  results.DeclareQuantity(system, "methane_pct_lel", "%LEL", space_ids);
  for (size_t k = 0; k < history.time_s.size(); ++k) {
    std::vector<double> row;
    for (const std::vector<double>& space : history.percent_lel) row.push_back(space[k]);
    const QuantityRow rows[] = {{"methane_pct_lel", row}};
    results.AppendStep(system, history.time_s[k], rows);
  }
  std::vector<std::string> lines{
      fmt::format("gas: {} junctions, {} links; a {:.1f} mm hole in the low-pressure main {} at {:.2f} kPa: {:.5f} kg/s "
                  "({:.2f} m3/h at ambient)",
                  network.graph.node_count(), network.graph.link_count(), kGasHole_m * 1e3, leak.pipe_id,
                  steady.gauge_pressure_Pa[at] / 1e3, steady.leak_kg_per_s[at], leak_m3_per_s * 3600.0)};
  const std::vector<double> shares = gas::LeakShares(spaces, assumptions);
  for (size_t s = 0; s < spaces.size(); ++s) {
    const double t20_s = gas::TimeToReachFraction_s(spaces[s], shares[s] * leak_m3_per_s, 0.0,
                                                    0.20 * assumptions.lower_explosive_limit);
    const double peak = *std::max_element(history.percent_lel[s].begin(), history.percent_lel[s].end());
    if (std::isfinite(t20_s)) {
      results.AppendEvent({t20_s, system, spaces[s].id, "alarm", fmt::format("manhole {} reaches 20 %LEL", spaces[s].id)});
    }
    lines.push_back(fmt::format("  manhole {} ({:.1f} m away): {:.1f} %LEL ({:.2f} % by volume) after 12 h{}",
                                spaces[s].id, spaces[s].distance_to_leak_m, peak,
                                peak * assumptions.lower_explosive_limit,
                                std::isfinite(t20_s) ? fmt::format(", 20 %LEL after {:.0f} min", t20_s / 60.0)
                                                     : ", stays below 20 %LEL"));
  }
  return lines;
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
                        {fmt::format("demo city twin (seed {}): water, heating burst, gas leak, overweight truck",
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
  for (const std::string& line : RunGasLeak(city_file("gas"), city_file("sensors"), results)) report.lines.push_back(line);
  for (const std::string& line : RunBridge(options.city_dir + "/" + bridges.front(), options.csv_dir, results)) {
    report.lines.push_back(line);
  }
  report.lines.push_back(fmt::format("demo city twin done in {:.1f} s; results: {}", SecondsSince(start), options.results_path));
  return report;
}

}  // namespace lifeline::scenarios
