// `lifeline heating` commands (see heating_command.h).
#include "cli/heating_command.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>

#include "cli/option_fields.h"
#include "engine/csv_table.h"
#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/results_store.h"
#include "engine/units.h"
#include "models/heating/heating_reader.h"
#include "models/heating/heating_steady.h"
#include "models/heating/heating_transient.h"

namespace lifeline::cli {
namespace {

struct SimulateArguments {
  std::string network_path;
  std::string csv_dir;
  std::string h5_path;
  heating::HeatLossLaw law = heating::HeatLossLaw::kExactExponential;
  heating::WaterModel water = heating::WaterModel::kTemperatureDependent;
  double transient_h = 0.0;      // 0: steady state only
  double time_step_s = 60.0;
  double report_step_s = 900.0;
  std::string burst;             // PIPE:FRACTION:HOLE_DIAMETER_M:TIME_S
  std::string pump_trip;         // PUMP:MASS_FLOW_KG_PER_S:TIME_S
};

void RunTransient(heating::HeatingNetwork network, const SimulateArguments& arguments) {
  heating::TransientOptions options;
  options.duration_s = units::HoursToSeconds(arguments.transient_h);
  options.time_step_s = arguments.time_step_s;
  options.report_step_s = arguments.report_step_s;
  options.steady.water = arguments.water;
  double burst_time_s = 0.0, burst_area_m2 = 0.0;
  if (!arguments.burst.empty()) {
    const std::vector<std::string> f = Fields(arguments.burst, 4, "--burst");
    network = heating::WithBurst(network, f[0], Number(f[1], "--burst"), Number(f[2], "--burst"));
    burst_time_s = Number(f[3], "--burst");
    burst_area_m2 = network.leaks.back().hole_area_m2;
    network.leaks.back().hole_area_m2 = 0.0;  // intact until the burst
  }
  heating::HeatingTransient transient(network, options);
  if (!arguments.burst.empty()) {
    const size_t leak = network.leaks.size() - 1;
    transient.Schedule(burst_time_s, fmt::format("burst of {}", Fields(arguments.burst, 4, "--burst")[0]),
                       [leak, burst_area_m2](heating::HeatingNetwork& n) { n.leaks[leak].hole_area_m2 = burst_area_m2; });
  }
  if (!arguments.pump_trip.empty()) {
    const std::vector<std::string> f = Fields(arguments.pump_trip, 3, "--pump-trip");
    const LinkIndex pump = network.graph.LinkIndexOf(f[0]);
    if (network.links[pump].kind != heating::LinkKind::kCirculationPump) {
      throw Error::AtElement(heating::kSystem, f[0], "--pump-trip names a link that is not a circulation pump");
    }
    const double mass_flow = Number(f[1], "--pump-trip");
    transient.Schedule(Number(f[2], "--pump-trip"), fmt::format("pump {} trips to {} kg/s", f[0], mass_flow),
                       [pump, mass_flow](heating::HeatingNetwork& n) { n.links[pump].fixed_mass_flow_kg_per_s = mass_flow; });
  }
  std::unique_ptr<ResultsWriter> results;
  if (!arguments.h5_path.empty()) {
    results = std::make_unique<ResultsWriter>(arguments.h5_path, RunMetadata{"heating transient", arguments.network_path});
  }
  const std::vector<heating::TransientReport> reports = transient.Run(results.get());

  const NetworkGraph& graph = transient.network().graph;
  std::filesystem::create_directories(arguments.csv_dir);
  CsvTable junctions({"time_s", "id", "pressure_bar", "temperature_K"});
  CsvTable pipes({"time_s", "id", "mass_flow_kg_per_s", "velocity_m_per_s"});
  for (const heating::TransientReport& report : reports) {
    for (NodeIndex j = 0; j < graph.node_count(); ++j) {
      junctions.AddRow({report.time_s, graph.node(j).id, units::PascalToBar(report.state.pressure_Pa[j]),
                        report.state.temperature_K[j]});
    }
    for (LinkIndex l = 0; l < graph.link_count(); ++l) {
      pipes.AddRow({report.time_s, graph.link(l).id, report.state.mass_flow_kg_per_s[l], report.state.velocity_m_per_s[l]});
    }
  }
  junctions.Write(arguments.csv_dir + "/junctions.csv");
  pipes.Write(arguments.csv_dir + "/pipes.csv");
  fmt::print("heating transient: {} junctions, {} links, {} h in {} reports\n", graph.node_count(), graph.link_count(),
             arguments.transient_h, reports.size());
  fmt::print("results: {}/junctions.csv, {}/pipes.csv{}\n", arguments.csv_dir, arguments.csv_dir,
             arguments.h5_path.empty() ? "" : ", " + arguments.h5_path);
}

void WriteResults(const heating::HeatingNetwork& network, const heating::SteadyState& state,
                  const SimulateArguments& arguments) {
  const NetworkGraph& graph = network.graph;
  std::vector<std::string> junction_ids, link_ids;
  for (NodeIndex j = 0; j < graph.node_count(); ++j) junction_ids.push_back(graph.node(j).id);
  for (LinkIndex l = 0; l < graph.link_count(); ++l) link_ids.push_back(graph.link(l).id);

  std::filesystem::create_directories(arguments.csv_dir);
  CsvTable junctions({"id", "pressure_bar", "temperature_K"});
  for (NodeIndex j = 0; j < graph.node_count(); ++j) {
    junctions.AddRow({junction_ids[j], units::PascalToBar(state.pressure_Pa[j]), state.temperature_K[j]});
  }
  junctions.Write(arguments.csv_dir + "/junctions.csv");
  CsvTable pipes({"id", "mass_flow_kg_per_s", "velocity_m_per_s"});
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    pipes.AddRow({link_ids[l], state.mass_flow_kg_per_s[l], state.velocity_m_per_s[l]});
  }
  pipes.Write(arguments.csv_dir + "/pipes.csv");

  if (arguments.h5_path.empty()) return;
  ResultsWriter results(arguments.h5_path, {"heating steady state", arguments.network_path});
  results.WriteNetwork(graph);
  results.DeclareQuantity(heating::kSystem, "pressure_Pa", "Pa", junction_ids);
  results.DeclareQuantity(heating::kSystem, "temperature_K", "K", junction_ids);
  results.DeclareQuantity(heating::kSystem, "mass_flow_kg_per_s", "kg/s", link_ids);
  results.DeclareQuantity(heating::kSystem, "velocity_m_per_s", "m/s", link_ids);
  const QuantityRow rows[] = {{"pressure_Pa", state.pressure_Pa},
                              {"temperature_K", state.temperature_K},
                              {"mass_flow_kg_per_s", state.mass_flow_kg_per_s},
                              {"velocity_m_per_s", state.velocity_m_per_s}};
  results.AppendStep(heating::kSystem, 0.0, rows);
}

void RunSimulate(const SimulateArguments& arguments) {
  const heating::HeatingNetwork network = heating::ReadPandapipesHeatingFile(arguments.network_path);
  if (arguments.transient_h > 0.0) {
    RunTransient(network, arguments);
    return;
  }
  heating::SteadyOptions options;
  options.heat_loss = arguments.law;
  options.water = arguments.water;
  const heating::SteadyState state = heating::SolveSteadyState(network, options);
  WriteResults(network, state, arguments);
  fmt::print("heating: {} junctions, {} links solved in {} Newton iterations ({} coupling passes)\n",
             network.graph.node_count(), network.graph.link_count(), state.newton_iterations, state.coupling_iterations);
  fmt::print("  plant {:.1f} kW + friction heat {:.3f} kW = consumers {:.1f} kW + pipe losses {:.1f} kW "
             "(balance error {:.1e})\n",
             state.plant_heat_W / 1e3, state.dissipation_W / 1e3, state.consumer_heat_W / 1e3, state.pipe_loss_W / 1e3,
             heating::EnergyBalanceError(state));
  fmt::print("results: {}/junctions.csv, {}/pipes.csv{}\n", arguments.csv_dir, arguments.csv_dir,
             arguments.h5_path.empty() ? "" : ", " + arguments.h5_path);
}

}  // namespace

void AddHeatingCommand(CLI::App& app) {
  CLI::App* heating_app = app.add_subcommand("heating", "District heating thermo-hydraulics");
  heating_app->require_subcommand(1);
  auto arguments = std::make_shared<SimulateArguments>();
  CLI::App* simulate = heating_app->add_subcommand(
      "simulate", "Steady pressures, flows and temperatures of a pandapipes heating network");
  simulate->add_option("NET.json", arguments->network_path, "pandapipes JSON (simple form)")
      ->required()
      ->check(CLI::ExistingFile);
  simulate->add_option("--csv", arguments->csv_dir, "Folder for junctions.csv and pipes.csv")->required();
  simulate->add_option("--h5", arguments->h5_path, "Results file (HDF5)");
  simulate
      ->add_option("--law", arguments->law, "Pipe heat loss: exact (exponential) or sectioned (finite volumes)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, heating::HeatLossLaw>{
          {"exact", heating::HeatLossLaw::kExactExponential}, {"sectioned", heating::HeatLossLaw::kSectionUpwind}}));
  simulate
      ->add_option("--water", arguments->water, "Water properties: real (temperature-dependent) or constant (the file's)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, heating::WaterModel>{
          {"real", heating::WaterModel::kTemperatureDependent}, {"constant", heating::WaterModel::kConstantProperties}}));
  simulate->add_option("--transient", arguments->transient_h, "Run a transient of this many hours (plug flow)");
  simulate->add_option("--step", arguments->time_step_s, "Transient time step, s")->capture_default_str();
  simulate->add_option("--report", arguments->report_step_s, "Transient report step, s")->capture_default_str();
  simulate->add_option("--burst", arguments->burst, "Transient: a pipe burst PIPE:FRACTION:HOLE_DIAMETER_M:TIME_S");
  simulate->add_option("--pump-trip", arguments->pump_trip, "Transient: a circulation pump trip PUMP:MASS_FLOW_KG_PER_S:TIME_S");
  simulate->callback([arguments] { RunSimulate(*arguments); });
}

}  // namespace lifeline::cli
