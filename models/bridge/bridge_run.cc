// One bridge run: analyse and write CSV / HDF5 (see bridge_run.h).
#include "models/bridge/bridge_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "engine/csv_table.h"
#include "engine/error.h"
#include "engine/results_store.h"
#include "models/bridge/girder_matrices.h"
#include "models/bridge/modal_analysis.h"

namespace lifeline::bridge {
namespace {

// The results file to write into (the run's shared one, or one of its own in owner), or null.
ResultsWriter* OpenResults(const BridgeRunOptions& options, const Girder& girder, const std::string& what,
                           std::unique_ptr<ResultsWriter>& owner) {
  ResultsWriter* results = options.results;
  if (!results) {
    if (options.h5_path.empty()) return nullptr;
    owner = std::make_unique<ResultsWriter>(options.h5_path, RunMetadata{girder.title + ", " + what, options.input_path});
    results = owner.get();
  }
  results->WriteNetwork(girder.graph);
  return results;
}

std::vector<std::string> NodeIds(const Girder& girder) {
  std::vector<std::string> ids;
  for (int node = 0; node < girder.node_count(); ++node) ids.push_back(girder.graph.node(node).id);
  return ids;
}

// The span holding x (the left one at an inner support).
int SpanAt(const Girder& girder, double x_m) {
  double end_m = 0.0;
  for (size_t span = 0; span < girder.span_length_m.size(); ++span) {
    end_m += girder.span_length_m[span];
    if (x_m <= end_m) return static_cast<int>(span);
  }
  return static_cast<int>(girder.span_length_m.size()) - 1;
}

std::string DeflectionLine(const std::string& where, double deflection_m, double span_m, double ratio) {
  const DeflectionCheck check = CheckLiveLoadDeflection(deflection_m, span_m, ratio);
  return fmt::format("  {}: {:.2f} mm vs L/{:.0f} = {:.2f} mm ({:.0f} %){}", where, 1e3 * deflection_m, ratio,
                     1e3 * check.limit_m, 100.0 * check.utilisation, check.exceeds ? "  EXCEEDS" : "");
}

std::vector<std::string> RunStatic(const BridgeInput& input, const BridgeRunOptions& options) {
  const Girder& girder = input.girder;
  const StaticResult result = SolveStatic(girder, input.static_loads);
  std::vector<double> deflection_m, rotation_rad;
  for (int node = 0; node < girder.node_count(); ++node) {
    deflection_m.push_back(result.displacement(DeflectionDof(node)));
    rotation_rad.push_back(result.displacement(RotationDof(node)));
  }

  std::ofstream nodes = OpenCsvFile(options.csv_dir, "static_nodes.csv");
  nodes << "node_id,x_m,deflection_m,rotation_rad\n";
  for (int node = 0; node < girder.node_count(); ++node) {
    nodes << girder.graph.node(node).id << ',' << girder.node_x_m[node] << ',' << deflection_m[node] << ','
          << rotation_rad[node] << '\n';
  }
  std::ofstream sensors = OpenCsvFile(options.csv_dir, "static_sensors.csv");
  sensors << "sensor_id,x_m,deflection_m,rotation_rad,strain\n";
  for (size_t s = 0; s < result.sensors.size(); ++s) {
    const SensorReading& reading = result.sensors[s];
    sensors << reading.sensor_id << ',' << girder.sensors[s].x_m << ',' << reading.deflection_m << ','
            << reading.rotation_rad << ',' << reading.strain << '\n';
  }
  std::ofstream reactions = OpenCsvFile(options.csv_dir, "static_reactions.csv");
  reactions << "support_id,vertical_force_N,horizontal_force_N,moment_Nm\n";
  std::vector<double> vertical_N;
  std::vector<std::string> support_ids;
  for (const SupportReaction& reaction : result.reactions) {
    reactions << reaction.support_id << ',' << reaction.vertical_force_N << ',' << reaction.horizontal_force_N
              << ',' << reaction.moment_Nm << '\n';
    vertical_N.push_back(reaction.vertical_force_N);
    support_ids.push_back(reaction.support_id);
  }

  std::unique_ptr<ResultsWriter> own_results;
  if (ResultsWriter* results = OpenResults(options, girder, "static", own_results)) {
    std::vector<std::string> element_ids;
    for (int element = 0; element < girder.element_count(); ++element)
      element_ids.push_back(girder.graph.link(element).id);
    results->DeclareQuantity(kSystem, "deflection_m", "m", NodeIds(girder));
    results->DeclareQuantity(kSystem, "rotation_rad", "rad", NodeIds(girder));
    results->DeclareQuantity(kSystem, "support_reaction_N", "N", support_ids);
    results->DeclareQuantity(kSystem, "axial_force_N", "N", element_ids);
    const QuantityRow rows[] = {{"deflection_m", deflection_m},
                                {"rotation_rad", rotation_rad},
                                {"support_reaction_N", vertical_N},
                                {"axial_force_N", result.element_axial_force_N}};
    results->AppendStep(kSystem, 0.0, rows);
  }

  std::vector<std::string> lines{
      fmt::format("bridge '{}': static, {} elements", girder.title, girder.element_count())};
  double start_m = 0.0;
  for (size_t span = 0; span < girder.span_length_m.size(); ++span) {
    const double end_m = start_m + girder.span_length_m[span];
    double largest_m = 0.0;
    for (int node = 0; node < girder.node_count(); ++node) {
      if (girder.node_x_m[node] >= start_m && girder.node_x_m[node] <= end_m)
        largest_m = std::max(largest_m, std::abs(deflection_m[node]));
    }
    lines.push_back(DeflectionLine(fmt::format("span {}", span + 1), largest_m, girder.span_length_m[span],
                                   input.deflection_limit_span_ratio));
    start_m = end_m;
  }
  for (const SupportReaction& reaction : result.reactions) {
    lines.push_back(
        fmt::format("  reaction {}: {:.1f} kN", reaction.support_id, 1e-3 * reaction.vertical_force_N));
  }
  lines.push_back(fmt::format("csv: {}", options.csv_dir));
  return lines;
}

const char* KindName(ModeKind kind) { return kind == ModeKind::kAxial ? "axial" : "bending"; }

std::vector<std::string> RunModal(const BridgeInput& input, const BridgeRunOptions& options) {
  const Girder& girder = input.girder;
  const std::vector<Mode> modes = SolveModes(girder, input.mode_count);
  std::ofstream table = OpenCsvFile(options.csv_dir, "modes.csv");
  table << "mode,frequency_Hz,kind\n";
  std::vector<std::string> mode_ids;
  std::vector<double> frequency_Hz;
  for (size_t k = 0; k < modes.size(); ++k) {
    table << k + 1 << ',' << modes[k].frequency_Hz << ',' << KindName(modes[k].kind) << '\n';
    mode_ids.push_back(fmt::format("mode{}", k + 1));
    frequency_Hz.push_back(modes[k].frequency_Hz);
  }
  std::ofstream shapes = OpenCsvFile(options.csv_dir, "mode_shapes.csv");
  shapes << "node_id,x_m";
  for (const std::string& id : mode_ids) shapes << ',' << id << "_deflection," << id << "_axial";
  shapes << '\n';
  for (int node = 0; node < girder.node_count(); ++node) {
    shapes << girder.graph.node(node).id << ',' << girder.node_x_m[node];
    for (const Mode& mode : modes)
      shapes << ',' << mode.shape(DeflectionDof(node)) << ',' << mode.shape(AxialDof(node));
    shapes << '\n';
  }

  std::unique_ptr<ResultsWriter> own_results;
  if (ResultsWriter* results = OpenResults(options, girder, "modal", own_results)) {
    results->DeclareQuantity(kSystem, "frequency_Hz", "Hz", mode_ids);
    std::vector<std::vector<double>> shape_rows;
    for (size_t k = 0; k < modes.size(); ++k) {
      results->DeclareQuantity(kSystem, mode_ids[k] + "_deflection", "1/sqrt(kg)", NodeIds(girder));
      std::vector<double> row;
      for (int node = 0; node < girder.node_count(); ++node)
        row.push_back(modes[k].shape(DeflectionDof(node)));
      shape_rows.push_back(std::move(row));
    }
    std::vector<std::string> names;
    for (const std::string& id : mode_ids) names.push_back(id + "_deflection");
    std::vector<QuantityRow> rows{{"frequency_Hz", frequency_Hz}};
    for (size_t k = 0; k < modes.size(); ++k) rows.push_back({names[k], shape_rows[k]});
    results->AppendStep(kSystem, 0.0, rows);
  }

  std::vector<std::string> lines{fmt::format("bridge '{}': modal, {} modes", girder.title, modes.size())};
  for (size_t k = 0; k < modes.size(); ++k) {
    lines.push_back(
        fmt::format("  mode {}: {:.4f} Hz ({})", k + 1, modes[k].frequency_Hz, KindName(modes[k].kind)));
  }
  lines.push_back(fmt::format("csv: {}", options.csv_dir));
  return lines;
}

std::vector<std::string> RunVehicle(const BridgeInput& input, const BridgeRunOptions& options) {
  const Girder& girder = input.girder;
  if (!input.vehicle)
    throw Error::AtElement(kSystem, girder.title, fmt::format("{}: no 'vehicle' to run", options.input_path));
  if (girder.sensors.empty())
    throw Error::AtElement(kSystem, girder.title,
                           fmt::format("{}: no 'sensors' to record", options.input_path));
  CrossingOptions crossing = input.crossing;
  if (input.damping_ratio > 0.0) {
    const std::vector<Mode> bending = BendingModes(SolveModes(girder, 12));
    if (bending.size() < 2)
      throw Error::AtElement(kSystem, girder.title, "Rayleigh damping needs two bending modes");
    crossing.damping = RayleighDamping::FromDampingRatio(input.damping_ratio, bending[0].frequency_Hz,
                                                         bending[1].frequency_Hz);
  }
  const CrossingResult result = SimulateCrossing(girder, *input.vehicle, crossing);

  std::ofstream csv = OpenCsvFile(options.csv_dir, "vehicle_sensors.csv");
  csv << "time_s";
  for (const SensorHistory& history : result.sensors) {
    csv << ',' << history.sensor_id << "_deflection_m," << history.sensor_id << "_acceleration_m_per_s2,"
        << history.sensor_id << "_strain";
  }
  csv << '\n';
  for (size_t k = 0; k < result.time_s.size(); ++k) {
    csv << result.time_s[k];
    for (const SensorHistory& history : result.sensors) {
      csv << ',' << history.deflection_m[k] << ',' << history.acceleration_m_per_s2[k] << ','
          << history.strain[k];
    }
    csv << '\n';
  }

  const WeightCheck weight = CheckGrossWeight(input.axle_masses_kg, input.legal_gross_mass_kg);
  std::unique_ptr<ResultsWriter> own_results;
  if (ResultsWriter* results = OpenResults(options, girder, "vehicle " + input.vehicle->id, own_results)) {
    std::vector<std::string> sensor_ids;
    for (const Sensor& sensor : girder.sensors) sensor_ids.push_back(sensor.id);
    results->DeclareQuantity(kSystem, "sensor_deflection_m", "m", sensor_ids);
    results->DeclareQuantity(kSystem, "sensor_acceleration_m_per_s2", "m/s2", sensor_ids);
    results->DeclareQuantity(kSystem, "sensor_strain", "1", sensor_ids);
    std::vector<double> deflection_m(sensor_ids.size()), acceleration(sensor_ids.size()),
        strain(sensor_ids.size());
    for (size_t k = 0; k < result.time_s.size(); ++k) {
      for (size_t s = 0; s < sensor_ids.size(); ++s) {
        deflection_m[s] = result.sensors[s].deflection_m[k];
        acceleration[s] = result.sensors[s].acceleration_m_per_s2[k];
        strain[s] = result.sensors[s].strain[k];
      }
      const QuantityRow rows[] = {{"sensor_deflection_m", deflection_m},
                                  {"sensor_acceleration_m_per_s2", acceleration},
                                  {"sensor_strain", strain}};
      results->AppendStep(kSystem, result.time_s[k], rows);
    }
    if (weight.overweight) {
      results->AppendEvent({0.0, kSystem, input.vehicle->id, "alarm",
                            fmt::format("gross mass {:.1f} t over the legal {:.1f} t",
                                        1e-3 * weight.gross_mass_kg, 1e-3 * weight.legal_gross_mass_kg)});
    }
  }

  std::vector<std::string> lines{
      fmt::format("bridge '{}': vehicle '{}' at {:.1f} km/h, {} steps of {} s", girder.title,
                  input.vehicle->id, 3.6 * input.vehicle->speed_m_per_s, result.steps, crossing.time_step_s)};
  lines.push_back(fmt::format("  gross mass {:.1f} t vs legal {:.1f} t{}", 1e-3 * weight.gross_mass_kg,
                              1e-3 * weight.legal_gross_mass_kg, weight.overweight ? "  OVERWEIGHT" : ""));
  for (size_t s = 0; s < result.sensors.size(); ++s) {
    const SensorHistory& history = result.sensors[s];
    const auto [least, most] = std::minmax_element(history.strain.begin(), history.strain.end());
    const std::string strain_range =
        fmt::format("strain {:.1f} .. {:.1f} microstrain", 1e6 * *least, 1e6 * *most);
    if (!(history.max_static_deflection_m > 0.0)) {
      lines.push_back(fmt::format("  {}: no deflection from the axles (over a support); {}",
                                  history.sensor_id, strain_range));
      continue;
    }
    lines.push_back(fmt::format("  {}: max {:.3f} mm dynamic, {:.3f} mm static, DAF {:.3f}; {}",
                                history.sensor_id, 1e3 * history.max_deflection_m,
                                1e3 * history.max_static_deflection_m, history.DynamicAmplification(),
                                strain_range));
    const int span = SpanAt(girder, girder.sensors[s].x_m);
    lines.push_back(DeflectionLine(fmt::format("{} (span {})", history.sensor_id, span + 1),
                                   history.max_deflection_m, girder.span_length_m[span],
                                   input.deflection_limit_span_ratio));
  }
  lines.push_back(fmt::format("csv: {}", options.csv_dir));
  return lines;
}

}  // namespace

std::vector<std::string> RunBridge(const BridgeInput& input, const BridgeRunOptions& options) {
  std::vector<std::string> lines;
  switch (options.mode) {
    case BridgeMode::kStatic:
      lines = RunStatic(input, options);
      break;
    case BridgeMode::kModal:
      lines = RunModal(input, options);
      break;
    case BridgeMode::kVehicle:
      lines = RunVehicle(input, options);
      break;
  }
  if (!options.h5_path.empty()) lines.push_back(fmt::format("results: {}", options.h5_path));
  return lines;
}

}  // namespace lifeline::bridge
