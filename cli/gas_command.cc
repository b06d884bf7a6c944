// `lifeline gas ...` (see gas_command.h).
#include "cli/gas_command.h"

#include <fmt/format.h>
#include <fmt/os.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/option_fields.h"
#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/results_store.h"
#include "engine/units.h"
#include "models/gas/city_gas_reader.h"
#include "models/gas/gas_leak.h"
#include "models/gas/gas_migration.h"
#include "models/gas/gas_steady.h"
#include "models/gas/gaslib_reader.h"

namespace lifeline::cli {
namespace {

// Opens DIR/name for writing; an unwritable place is an Error naming it.
fmt::ostream OpenCsv(const std::filesystem::path& dir, const char* name) {
  const std::filesystem::path path = dir / name;
  try {
    return fmt::output_file(path.string());
  } catch (const std::system_error&) {
    throw Error(fmt::format("{}: cannot write the file", path.string()));
  }
}

void WriteCsv(const gas::GasNetwork& network, const gas::GasSteadyResult& result, const std::string& csv_dir) {
  std::error_code error;
  std::filesystem::create_directories(csv_dir, error);
  if (error) throw Error(fmt::format("{}: cannot create the folder ({})", csv_dir, error.message()));
  fmt::ostream junctions = OpenCsv(csv_dir, "junctions.csv");
  junctions.print("id,pressure_bar\n");
  for (NodeIndex n = 0; n < network.graph.node_count(); ++n) {
    junctions.print("{},{:.6f}\n", network.graph.node(n).id, units::PascalToBar(result.gauge_pressure_Pa[n]));
  }
  fmt::ostream pipes = OpenCsv(csv_dir, "pipes.csv");
  pipes.print("id,velocity_m_per_s\n");
  for (LinkIndex l = 0; l < network.graph.link_count(); ++l) {
    if (network.links[l].kind != gas::LinkKind::kPipe) continue;
    pipes.print("{},{:.6f}\n", network.graph.link(l).id, result.velocity_m_per_s[l]);
  }
}

void WriteH5(const gas::GasNetwork& network, const gas::GasSteadyResult& result, const std::string& input_path,
             const std::string& h5_path) {
  ResultsWriter writer(h5_path, {fmt::format("gas steady state of {}", input_path), input_path});
  writer.WriteNetwork(network.graph);
  std::vector<std::string> node_ids, link_ids;
  for (NodeIndex n = 0; n < network.graph.node_count(); ++n) node_ids.push_back(network.graph.node(n).id);
  for (LinkIndex l = 0; l < network.graph.link_count(); ++l) link_ids.push_back(network.graph.link(l).id);
  writer.DeclareQuantity(gas::kSystem, "gauge_pressure_Pa", "Pa", node_ids);
  writer.DeclareQuantity(gas::kSystem, "mass_flow_kg_per_s", "kg/s", link_ids);
  writer.DeclareQuantity(gas::kSystem, "velocity_m_per_s", "m/s", link_ids);
  const QuantityRow rows[] = {{"gauge_pressure_Pa", result.gauge_pressure_Pa},
                              {"mass_flow_kg_per_s", result.mass_flow_kg_per_s},
                              {"velocity_m_per_s", result.velocity_m_per_s}};
  writer.AppendStep(gas::kSystem, 0.0, rows);
}


gas::LeakSpec ParseLeak(const std::string& text, double discharge_coefficient) {
  const std::vector<std::string> fields = Fields(text, 3, "--leak");
  gas::LeakSpec leak;
  leak.pipe_id = fields[0];
  leak.offset_from_start_m = Number(fields[1], "--leak");
  leak.orifice.hole_diameter_m = Number(fields[2], "--leak");
  leak.orifice.discharge_coefficient = discharge_coefficient;
  leak.junction_id = "leak@" + fields[0];
  return leak;
}

// %LEL in each space every 6 minutes with the leak held constant; DIR/migration.csv.
void WriteMigration(const std::vector<gas::UndergroundSpace>& spaces, const gas::MigrationAssumptions& assumptions,
                    double leak_m3_per_s, double hours, const std::string& csv_dir) {
  std::vector<double> outputs_s;
  for (double t = 0.0; t <= hours * 3600.0 + 1e-9; t += 360.0) outputs_s.push_back(t);
  const gas::MigrationHistory history = gas::SimulateMigration(spaces, assumptions, {0.0}, {leak_m3_per_s}, outputs_s);
  fmt::ostream csv = OpenCsv(csv_dir, "migration.csv");
  csv.print("time_h");
  for (const gas::UndergroundSpace& space : spaces) csv.print(",{}_percent_lel", space.id);
  csv.print("\n");
  for (size_t k = 0; k < outputs_s.size(); ++k) {
    csv.print("{:.2f}", units::SecondsToHours(outputs_s[k]));
    for (size_t s = 0; s < spaces.size(); ++s) csv.print(",{:.6f}", history.percent_lel[s][k]);
    csv.print("\n");
  }
  const std::vector<double> shares = gas::LeakShares(spaces, assumptions);
  for (size_t s = 0; s < spaces.size(); ++s) {
    const double t20_s = gas::TimeToReachFraction_s(spaces[s], shares[s] * leak_m3_per_s, 0.0,
                                                    0.2 * assumptions.lower_explosive_limit);
    fmt::print("space {}: {:.3f} %LEL after {} h; 20 %LEL {}\n", spaces[s].id, history.percent_lel[s].back(), hours,
               std::isfinite(t20_s) ? fmt::format("after {:.3f} h", units::SecondsToHours(t20_s)) : "never");
  }
}

struct Options {
  CLI::App* gas = nullptr;
  CLI::App* simulate = nullptr;
  std::string input_path;
  std::string csv_dir;
  std::string h5_path;
  std::string leak;                  // PIPE:OFFSET_M:HOLE_DIAMETER_M
  double discharge_coefficient = 0.62;
  std::vector<std::string> spaces;   // ID:VOLUME_M3:ACH:DISTANCE_M
  double hours = 24.0;
  double decay_length_m = gas::MigrationAssumptions{}.decay_length_m;
  std::string scenario_path;         // GasLib .scn (default: NET with .scn)
};

void Run(const Options& o) {
  if (!o.spaces.empty() && o.leak.empty()) throw Error("--space needs a --leak");
  gas::GasNetwork network;
  if (std::filesystem::path(o.input_path).extension() == ".net") {
    const std::string scenario = o.scenario_path.empty()
                                     ? std::filesystem::path(o.input_path).replace_extension(".scn").string()
                                     : o.scenario_path;
    network = gas::ReadGasLib(o.input_path, scenario).network;
  } else {
    network = gas::ReadGasNetworkFile(o.input_path);
  }
  std::optional<gas::LeakSpec> leak;
  if (!o.leak.empty()) {
    leak = ParseLeak(o.leak, o.discharge_coefficient);
    network = gas::AddLeak(network, *leak);
  }
  const gas::GasSteadyResult result = gas::SolveGasSteady(network);
  WriteCsv(network, result, o.csv_dir);
  if (!o.h5_path.empty()) WriteH5(network, result, o.input_path, o.h5_path);
  fmt::print("gas: {} junctions, {} links solved in {} Newton iterations (max residual {:.1e})\n",
             network.graph.node_count(), network.graph.link_count(), result.report.iterations,
             result.report.residual_norm);
  if (leak) {
    const NodeIndex hole = network.graph.NodeIndexOf(leak->junction_id);
    const gas::Junction& junction = network.junctions[hole];
    const double ambient_Pa = gas::AmbientPressure_Pa(junction.height_m);
    const bool choked = gas::OrificeMassFlow(*junction.leak, network.fluid, result.pressure_Pa[hole], ambient_Pa,
                                             junction.temperature_K).choked;
    const double leak_m3_per_s = gas::LeakVolumeFlow_m3_per_s(
        result.leak_kg_per_s[hole], network.fluid.GasConstant_J_per_kg_K(), junction.temperature_K, ambient_Pa);
    fmt::print("leak {}: {:.6f} kg/s ({:.3f} m3/h at ambient), {} at {:.4f} bar gauge\n", leak->junction_id,
               result.leak_kg_per_s[hole], leak_m3_per_s * 3600.0,
               choked ? "choked" : "unchoked", units::PascalToBar(result.gauge_pressure_Pa[hole]));
    if (!o.spaces.empty()) {
      std::vector<gas::UndergroundSpace> spaces;
      for (const std::string& text : o.spaces) {
        const std::vector<std::string> f = Fields(text, 4, "--space");
        spaces.push_back({f[0], Number(f[1], "--space"), Number(f[2], "--space"), Number(f[3], "--space")});
      }
      gas::MigrationAssumptions assumptions;
      assumptions.decay_length_m = o.decay_length_m;
      WriteMigration(spaces, assumptions, leak_m3_per_s, o.hours, o.csv_dir);
    }
  }
  fmt::print("results: {}/junctions.csv, {}/pipes.csv{}\n", o.csv_dir, o.csv_dir,
             o.h5_path.empty() ? std::string() : ", " + o.h5_path);
}

}  // namespace

void AddGasCommand(CLI::App& app) {
  auto options = std::make_shared<Options>();
  Options& o = *options;
  o.gas = app.add_subcommand("gas", "Gas networks: steady state (pandapipes JSON, demo city); leaks and migration in models/gas");
  o.gas->require_subcommand(1);
  o.simulate = o.gas->add_subcommand(
      "simulate", "Solve a gas network's steady state (docs/models/gas.md); results in CSV and HDF5");
  o.simulate->add_option("NET.json", o.input_path, "Gas network: pandapipes JSON (converted simple form), the demo city's gas.json, or a GasLib .net")
      ->required()
      ->check(CLI::ExistingFile);
  o.simulate->add_option("--csv", o.csv_dir, "Folder for junctions.csv and pipes.csv")->required();
  o.simulate->add_option("--h5", o.h5_path, "Results file (HDF5)");
  o.simulate->add_option("--scenario", o.scenario_path, "GasLib nomination (.scn) for a GasLib .net (default: beside it)");
  o.simulate->add_option("--leak", o.leak, "A hole PIPE:OFFSET_M:HOLE_DIAMETER_M (offset from the pipe's start)");
  o.simulate->add_option("--cd", o.discharge_coefficient, "Discharge coefficient of the hole")->capture_default_str();
  o.simulate->add_option("--space", o.spaces,
                         "An underground space near the leak, ID:VOLUME_M3:AIR_CHANGES_PER_H:DISTANCE_M (repeatable); "
                         "writes DIR/migration.csv");
  o.simulate->add_option("--hours", o.hours, "Migration period, h")->capture_default_str();
  o.simulate->add_option("--decay-length", o.decay_length_m, "Distance decay length of the leak's share, m")
      ->capture_default_str();
  o.simulate->callback([options] { Run(*options); });
}

}  // namespace lifeline::cli
