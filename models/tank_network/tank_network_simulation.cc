// Tank network time stepping (see tank_network_simulation.h).
#include "models/tank_network/tank_network_simulation.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <limits>
#include <vector>

#include "engine/progress.h"
#include "engine/simulation_clock.h"
#include "engine/steady_solver.h"
#include "models/tank_network/tank_network_equations.h"

namespace lifeline::tank_network {
namespace {

class ReportWriter {
 public:
  ReportWriter(const TankNetwork& network, const StateLayout& layout, ResultsWriter* results)
      : network_(network), layout_(layout), results_(results) {
    if (!results_) return;
    const NetworkGraph& graph = network.graph;
    std::vector<std::string> nodes, links, tanks, junctions;
    for (NodeIndex n = 0; n < graph.node_count(); ++n) nodes.push_back(graph.node(n).id);
    for (LinkIndex l = 0; l < graph.link_count(); ++l) links.push_back(graph.link(l).id);
    for (NodeIndex n : layout.tanks()) tanks.push_back(graph.node(n).id);
    for (NodeIndex n : layout.junctions()) junctions.push_back(graph.node(n).id);
    results_->WriteNetwork(graph);
    results_->DeclareQuantity(kSystem, "head_m", "m", nodes);
    results_->DeclareQuantity(kSystem, "flow_m3_per_s", "m3/s", links);
    if (!tanks.empty()) results_->DeclareQuantity(kSystem, "level_m", "m", tanks);
    if (!junctions.empty()) results_->DeclareQuantity(kSystem, "demand_m3_per_s", "m3/s", junctions);
  }

  void Write(double time_s, std::span<const double> y, SimulationSummary& summary) {
    const int n_nodes = network_.graph.node_count();
    heads_.resize(n_nodes);
    for (NodeIndex n = 0; n < n_nodes; ++n) heads_[n] = NodeHead_m(network_, layout_, n, y, {});
    for (NodeIndex n : layout_.junctions()) {
      const double pressure = heads_[n] - network_.nodes[n].elevation_m;
      if (pressure < summary.min_junction_pressure_m) {
        summary.min_junction_pressure_m = pressure;
        summary.min_pressure_junction = network_.graph.node(n).id;
      }
    }
    ++summary.report_steps;
    if (!results_) return;
    flows_.assign(y.begin() + layout_.junction_count(), y.begin() + layout_.steady_size());
    levels_.assign(y.begin() + layout_.steady_size(), y.end());
    demands_.clear();
    for (NodeIndex n : layout_.junctions()) demands_.push_back(network_.DemandAt(n, time_s));
    std::vector<QuantityRow> rows{{"head_m", heads_}, {"flow_m3_per_s", flows_}};
    if (!levels_.empty()) rows.push_back({"level_m", levels_});
    if (!demands_.empty()) rows.push_back({"demand_m3_per_s", demands_});
    results_->AppendStep(kSystem, time_s, rows);
  }

 private:
  const TankNetwork& network_;
  const StateLayout& layout_;
  ResultsWriter* results_;
  std::vector<double> heads_, flows_, levels_, demands_;
};

double TankVolume_m3(const TankNetwork& network, const StateLayout& layout, std::span<const double> y) {
  double volume = 0.0;
  for (int k = 0; k < layout.tank_count(); ++k) {
    volume += network.nodes[layout.tanks()[k]].area_m2 * y[layout.steady_size() + k];
  }
  return volume;
}

void CheckTankLevels(const TankNetwork& network, const StateLayout& layout, std::span<const double> y,
                     double time_s) {
  for (int k = 0; k < layout.tank_count(); ++k) {
    const NodeIndex n = layout.tanks()[k];
    const double level = y[layout.steady_size() + k];
    if (level < 0.0 || level > network.nodes[n].max_level_m) {
      throw Error::AtElement(kSystem, network.graph.node(n).id,
                             fmt::format("tank level {:.3f} m left [0, {}] m: it {}", level,
                                         network.nodes[n].max_level_m, level < 0.0 ? "ran dry" : "overflowed"))
          .AtTime(time_s);
    }
  }
}

}  // namespace

SimulationSummary Simulate(const TankNetwork& network, ResultsWriter* results, const SimulationOptions& options) {
  const StateLayout layout(network);
  SimulationSummary summary;
  summary.min_junction_pressure_m = std::numeric_limits<double>::infinity();

  // steady start with the initial tank levels
  std::vector<double> levels;
  for (NodeIndex n : layout.tanks()) levels.push_back(network.nodes[n].initial_level_m);
  SteadyEquations steady(network, levels, 0.0);
  std::vector<double> x(steady.size(), 0.0);
  for (int k = 0; k < layout.junction_count(); ++k) {
    x[k] = network.nodes[layout.junctions()[k]].elevation_m + 30.0;  // a guess: 30 m of pressure
  }
  const SteadyReport steady_report = SolveSteady(steady, x);
  spdlog::debug("tank network steady start: {} Newton iterations, residual {:.2e}", steady_report.iterations,
                steady_report.residual_norm);

  std::vector<double> y(x), yp(layout.transient_size(), 0.0);
  y.insert(y.end(), levels.begin(), levels.end());
  TransientEquations transient(network);
  DaeIntegrator ida(transient, options.dae);
  ida.Initialize(0.0, y, yp);
  summary.initial_volume_m3 = TankVolume_m3(network, layout, ida.y());

  SimulationClock clock(0.0, network.duration_s, network.report_step_s);
  for (const TimeSeries& pattern : network.patterns) {
    for (double t = pattern.NextBreakpointAfter(0.0); t < network.duration_s; t = pattern.NextBreakpointAfter(t)) {
      clock.events().Schedule(t, "pattern " + pattern.name() + " step");
    }
  }

  ReportWriter writer(network, layout, results);
  writer.Write(0.0, ida.y(), summary);
  ProgressBar progress("tank network", 0.0, network.duration_s, options.show_progress);
  while (!clock.finished()) {
    const double t_next = clock.NextStepEnd();
    ida.AdvanceTo(t_next);
    clock.AdvanceTo(t_next);
    CheckTankLevels(network, layout, ida.y(), clock.time_s());
    const std::vector<TimedEvent> due = clock.events().PopDue(clock.time_s());
    if (!due.empty()) {
      if (results) {
        for (const TimedEvent& event : due) results->AppendEvent({event.time_s, kSystem, "", "pattern", event.label});
      }
      // demands jump: restart IDA from the current state (heads and flows re-solved)
      y.assign(ida.y().begin(), ida.y().end());
      yp.assign(ida.yp().begin(), ida.yp().end());
      ida.Reinitialize(clock.time_s(), y, yp);
      ++summary.pattern_restarts;
    }
    if (clock.AtReportTime()) writer.Write(clock.time_s(), ida.y(), summary);
    progress.Update(clock.time_s());
  }
  progress.Finish();
  summary.final_volume_m3 = TankVolume_m3(network, layout, ida.y());
  summary.stats = ida.stats();
  return summary;
}

}  // namespace lifeline::tank_network
