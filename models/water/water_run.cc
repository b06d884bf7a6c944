// The CLI's water snapshot run (see water_run.h).
#include "models/water/water_run.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>

#include "engine/csv_table.h"
#include "engine/error.h"
#include "engine/results_store.h"
#include "models/water/hydraulic_solver.h"
#include "models/water/inp_reader.h"

namespace lifeline::water {
namespace {

const char* StatusName(LinkState state) {
  if (IsClosed(state)) return "closed";
  return state == LinkState::kActive ? "active" : "open";
}

}  // namespace

std::vector<std::string> RunWaterSnapshot(const WaterRunOptions& options) {
  const WaterNetwork network = ReadInpFile(options.input_path);
  const NetworkGraph& graph = network.graph;
  const auto start = std::chrono::steady_clock::now();
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  const double solve_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  std::vector<double> pressure_m(graph.node_count());
  for (NodeIndex n = 0; n < graph.node_count(); ++n) pressure_m[n] = snapshot.head_m[n] - network.nodes[n].elevation_m;

  if (!options.csv_dir.empty()) {
    std::ofstream nodes = OpenCsvFile(options.csv_dir, "nodes.csv");
    nodes << "node_id,kind,head_m,pressure_m,demand_m3_per_s\n";
    for (NodeIndex n = 0; n < graph.node_count(); ++n) {
      nodes << graph.node(n).id << ',' << graph.node(n).kind << ',' << snapshot.head_m[n] << ',' << pressure_m[n] << ','
            << snapshot.demand_m3_per_s[n] << '\n';
    }
    std::ofstream links = OpenCsvFile(options.csv_dir, "links.csv");
    links << "link_id,kind,flow_m3_per_s,head_loss_m,status\n";
    for (LinkIndex l = 0; l < graph.link_count(); ++l) {
      links << graph.link(l).id << ',' << graph.link(l).kind << ',' << snapshot.flow_m3_per_s[l] << ','
            << snapshot.head_loss_m[l] << ',' << StatusName(snapshot.status[l]) << '\n';
    }
  }

  std::unique_ptr<ResultsWriter> own_results;
  ResultsWriter* results_file = options.results;
  if (!results_file && !options.h5_path.empty()) {
    own_results = std::make_unique<ResultsWriter>(
        options.h5_path, RunMetadata{network.title + ", hydraulic snapshot at t = 0", options.input_path});
    results_file = own_results.get();
  }
  if (results_file) {
    ResultsWriter& results = *results_file;
    results.WriteNetwork(graph);
    std::vector<std::string> node_ids, link_ids;
    for (NodeIndex n = 0; n < graph.node_count(); ++n) node_ids.push_back(graph.node(n).id);
    for (LinkIndex l = 0; l < graph.link_count(); ++l) link_ids.push_back(graph.link(l).id);
    results.DeclareQuantity(kSystem, "head_m", "m", node_ids);
    results.DeclareQuantity(kSystem, "pressure_m", "m", node_ids);
    results.DeclareQuantity(kSystem, "demand_m3_per_s", "m3/s", node_ids);
    results.DeclareQuantity(kSystem, "flow_m3_per_s", "m3/s", link_ids);
    results.DeclareQuantity(kSystem, "head_loss_m", "m", link_ids);
    const QuantityRow rows[] = {{"head_m", snapshot.head_m},
                                {"pressure_m", pressure_m},
                                {"demand_m3_per_s", snapshot.demand_m3_per_s},
                                {"flow_m3_per_s", snapshot.flow_m3_per_s},
                                {"head_loss_m", snapshot.head_loss_m}};
    results.AppendStep(kSystem, 0.0, rows);
  }

  std::vector<std::string> report;
  report.push_back(fmt::format("water: {} ({} nodes, {} links, {} flow units)", options.input_path, graph.node_count(),
                               graph.link_count(), network.options.flow_units));
  report.push_back(fmt::format("snapshot at t = 0: {} after {} iterations (relative flow change {:.2e}), {:.1f} ms",
                               snapshot.converged ? "balanced" : "UNBALANCED", snapshot.iterations,
                               snapshot.relative_flow_change, solve_ms));
  for (const auto& [name, lines] : network.kept_sections) {
    if (name == "RULES") report.push_back(fmt::format("note: [RULES] kept as text, not applied ({} lines)", lines.size()));
  }
  if (!options.csv_dir.empty()) {
    report.push_back(fmt::format("csv: {}/nodes.csv, {}/links.csv", options.csv_dir, options.csv_dir));
  }
  if (!options.h5_path.empty()) report.push_back(fmt::format("results: {}", options.h5_path));
  return report;
}

}  // namespace lifeline::water
