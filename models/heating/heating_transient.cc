// Plug-flow heating transient (see heating_transient.h).
#include "models/heating/heating_transient.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <numbers>

#include "engine/error.h"
#include "engine/progress.h"
#include "models/heating/water_properties.h"

namespace lifeline::heating {
namespace {

struct Plug {
  double volume_m3;
  double enthalpy_J_per_kg;
};

// Plugs closer than this in enthalpy are merged (about 0.2 mK).
constexpr double kMergeEnthalpy_J_per_kg = 1.0;

class PlugFlow {
 public:
  PlugFlow(const HeatingNetwork& network, const HeatCapacityLaw& water) : network_(network), water_(water) {}

  // Fills every pipe from a steady state's section temperatures.
  void Fill(const SteadyState& state) {
    const NetworkGraph& graph = network_.graph;
    pipes_.assign(graph.link_count(), {});
    junction_enthalpy_.resize(graph.node_count());
    for (NodeIndex j = 0; j < graph.node_count(); ++j) junction_enthalpy_[j] = water_.Enthalpy_J_per_kg(state.temperature_K[j]);
    for (LinkIndex l = 0; l < graph.link_count(); ++l) {
      const Link& link = network_.links[l];
      if (link.kind != LinkKind::kPipe) continue;
      const double volume = Volume_m3(link) / link.sections;
      std::vector<double> sections = state.section_temperature_K[l];
      if (sections.empty()) sections.assign(link.sections, state.temperature_K[graph.link_from(l)]);
      if (state.mass_flow_kg_per_s[l] < 0.0) std::reverse(sections.begin(), sections.end());  // from-end first
      for (double t : sections) pipes_[l].push_back({volume, water_.Enthalpy_J_per_kg(t)});
    }
  }

  // Advances temperatures by dt with the flows in state; writes junction temperatures into it.
  void Step(double dt_s, SteadyState& state) {
    const NetworkGraph& graph = network_.graph;
    const int n_junctions = graph.node_count(), n_links = graph.link_count();
    LoseHeat(dt_s, state);

    // held temperatures
    std::vector<bool> held(n_junctions, false);
    for (const ExtGrid& grid : network_.ext_grids) {
      held[grid.junction] = true;
      junction_enthalpy_[grid.junction] = water_.Enthalpy_J_per_kg(grid.temperature_K);
    }
    for (LinkIndex l = 0; l < n_links; ++l) {
      if (!HeatingNetwork::HoldsFlowSide(network_.links[l])) continue;
      held[graph.link_to(l)] = true;
      junction_enthalpy_[graph.link_to(l)] = water_.Enthalpy_J_per_kg(network_.links[l].pump_flow_temperature_K);
    }

    // upstream-first order (Kahn); junctions left on a loop without a held one keep last step's value
    std::vector<int> waiting(n_junctions, 0);
    for (LinkIndex l = 0; l < n_links; ++l) {
      const double m = state.mass_flow_kg_per_s[l];
      if (m == 0.0 || HeatingNetwork::HoldsFlowSide(network_.links[l])) continue;
      const NodeIndex down = m > 0 ? graph.link_to(l) : graph.link_from(l);
      if (!held[down]) ++waiting[down];
    }
    std::vector<double> inflow(n_junctions, 0.0), inflow_enthalpy(n_junctions, 0.0);
    std::deque<NodeIndex> ready;
    for (NodeIndex j = 0; j < n_junctions; ++j) {
      if (waiting[j] == 0) ready.push_back(j);
    }
    std::vector<bool> done(n_junctions, false);
    auto finish = [&](NodeIndex j) {
      if (!held[j] && inflow[j] > 0.0) junction_enthalpy_[j] = inflow_enthalpy[j] / inflow[j];
      done[j] = true;
      for (LinkIndex l : graph.links_at(j)) {
        const double m = state.mass_flow_kg_per_s[l];
        if (m == 0.0 || HeatingNetwork::HoldsFlowSide(network_.links[l])) continue;
        const NodeIndex up = m > 0 ? graph.link_from(l) : graph.link_to(l);
        if (up != j) continue;
        const NodeIndex down = m > 0 ? graph.link_to(l) : graph.link_from(l);
        const double delivered = Deliver(l, m, dt_s, junction_enthalpy_[j], state.density_kg_per_m3[l]);
        inflow[down] += std::abs(m);
        inflow_enthalpy[down] += std::abs(m) * delivered;
        if (!held[down] && --waiting[down] == 0) ready.push_back(down);
      }
    };
    while (!ready.empty()) {
      const NodeIndex j = ready.front();
      ready.pop_front();
      if (!done[j]) finish(j);
    }
    for (NodeIndex j = 0; j < n_junctions; ++j) {
      if (!done[j]) finish(j);  // on a loop without a held junction: mixed from what has arrived
    }
    state.temperature_K.resize(n_junctions);
    for (NodeIndex j = 0; j < n_junctions; ++j) state.temperature_K[j] = water_.TemperatureOf_K(junction_enthalpy_[j]);
  }

  // Mean temperature of the water in each link (pipes: volume-weighted over plugs).
  std::vector<double> LinkTemperatures(const SteadyState& state) const {
    const NetworkGraph& graph = network_.graph;
    std::vector<double> temperature(graph.link_count());
    for (LinkIndex l = 0; l < graph.link_count(); ++l) {
      double volume = 0.0, enthalpy = 0.0;
      for (const Plug& plug : pipes_[l]) volume += plug.volume_m3, enthalpy += plug.volume_m3 * plug.enthalpy_J_per_kg;
      temperature[l] = volume > 0.0 ? water_.TemperatureOf_K(enthalpy / volume)
                                    : 0.5 * (state.temperature_K[graph.link_from(l)] + state.temperature_K[graph.link_to(l)]);
    }
    return temperature;
  }

 private:
  static double Volume_m3(const Link& link) {
    return std::numbers::pi * link.diameter_m * link.diameter_m / 4.0 * link.length_m;
  }

  void LoseHeat(double dt_s, const SteadyState& state) {
    for (LinkIndex l = 0; l < static_cast<LinkIndex>(pipes_.size()); ++l) {
      const Link& link = network_.links[l];
      if (link.kind != LinkKind::kPipe || pipes_[l].empty() || link.heat_transfer_W_per_m2K <= 0.0) continue;
      const double t_mean = LinkMeanTemperature(l);
      const double cp = water_.HeatCapacity_J_per_kgK(t_mean);
      const double h_amb = water_.Enthalpy_J_per_kg(t_mean) + cp * (link.ambient_temperature_K - t_mean);
      const double factor =
          std::exp(-4.0 * link.heat_transfer_W_per_m2K * dt_s / (state.density_kg_per_m3[l] * cp * link.diameter_m));
      for (Plug& plug : pipes_[l]) plug.enthalpy_J_per_kg = h_amb + (plug.enthalpy_J_per_kg - h_amb) * factor;
    }
  }

  double LinkMeanTemperature(LinkIndex l) const {
    double volume = 0.0, enthalpy = 0.0;
    for (const Plug& plug : pipes_[l]) volume += plug.volume_m3, enthalpy += plug.volume_m3 * plug.enthalpy_J_per_kg;
    return water_.TemperatureOf_K(enthalpy / volume);
  }

  // Pushes m dt / rho of water at h_in into link l at its upstream end; returns
  // the enthalpy of what leaves its downstream end.
  double Deliver(LinkIndex l, double m, double dt_s, double h_in, double density) {
    const Link& link = network_.links[l];
    if (link.kind == LinkKind::kHeatExchanger || link.kind == LinkKind::kSubstation) {
      return h_in - link.heat_extracted_W / std::abs(m);
    }
    if (link.kind != LinkKind::kPipe) return h_in;
    std::deque<Plug>& plugs = pipes_[l];
    const double volume_in = std::abs(m) * dt_s / density;
    // upstream end is the front of the deque for m > 0
    const Plug entering{volume_in, h_in};
    if (m > 0) {
      if (!plugs.empty() && std::abs(plugs.front().enthalpy_J_per_kg - h_in) < kMergeEnthalpy_J_per_kg) {
        plugs.front().volume_m3 += volume_in;
      } else {
        plugs.push_front(entering);
      }
    } else {
      if (!plugs.empty() && std::abs(plugs.back().enthalpy_J_per_kg - h_in) < kMergeEnthalpy_J_per_kg) {
        plugs.back().volume_m3 += volume_in;
      } else {
        plugs.push_back(entering);
      }
    }
    double to_remove = volume_in, removed_enthalpy = 0.0;
    while (to_remove > 0.0 && !plugs.empty()) {
      Plug& last = m > 0 ? plugs.back() : plugs.front();
      const double taken = std::min(to_remove, last.volume_m3);
      removed_enthalpy += taken * last.enthalpy_J_per_kg;
      to_remove -= taken;
      last.volume_m3 -= taken;
      if (last.volume_m3 <= 1e-12 * volume_in) {
        if (m > 0) plugs.pop_back(); else plugs.pop_front();
      }
    }
    return removed_enthalpy / volume_in;
  }

  const HeatingNetwork& network_;
  const HeatCapacityLaw& water_;
  std::vector<std::deque<Plug>> pipes_;
  std::vector<double> junction_enthalpy_;
};

void DeclareResults(const HeatingNetwork& network, ResultsWriter& results) {
  const NetworkGraph& graph = network.graph;
  std::vector<std::string> junctions, links, leaks;
  for (NodeIndex j = 0; j < graph.node_count(); ++j) junctions.push_back(graph.node(j).id);
  for (LinkIndex l = 0; l < graph.link_count(); ++l) links.push_back(graph.link(l).id);
  for (const Leak& leak : network.leaks) leaks.push_back(graph.node(leak.junction).id);
  results.WriteNetwork(graph);
  results.DeclareQuantity(kSystem, "pressure_Pa", "Pa", junctions);
  results.DeclareQuantity(kSystem, "temperature_K", "K", junctions);
  results.DeclareQuantity(kSystem, "mass_flow_kg_per_s", "kg/s", links);
  if (!leaks.empty()) results.DeclareQuantity(kSystem, "leak_mass_flow_kg_per_s", "kg/s", leaks);
}

void WriteReport(const HeatingNetwork& network, const TransientReport& report, ResultsWriter& results) {
  std::vector<QuantityRow> rows{{"pressure_Pa", report.state.pressure_Pa},
                                {"temperature_K", report.state.temperature_K},
                                {"mass_flow_kg_per_s", report.state.mass_flow_kg_per_s}};
  if (!network.leaks.empty()) rows.push_back({"leak_mass_flow_kg_per_s", report.state.leak_mass_flow_kg_per_s});
  results.AppendStep(kSystem, report.time_s, rows);
}

}  // namespace

HeatingTransient::HeatingTransient(HeatingNetwork network, TransientOptions options)
    : network_(std::move(network)), options_(options) {
  if (!(options_.time_step_s > 0.0) || !(options_.duration_s > 0.0) || !(options_.report_step_s > 0.0)) {
    throw Error(fmt::format("{}: transient needs a positive duration, time step and report step", network_.title));
  }
}

void HeatingTransient::Schedule(double time_s, std::string label, std::function<void(HeatingNetwork&)> change) {
  if (!(time_s > 0.0)) throw Error(fmt::format("event '{}': time {} s must be after the start", label, time_s));
  pending_.push_back({time_s, std::move(label), [this, change](double) { change(network_); }, 0});
}

std::vector<TransientReport> HeatingTransient::Run(ResultsWriter* results) {
  const HeatCapacityLaw water = options_.steady.water == WaterModel::kTemperatureDependent
                                    ? HeatCapacityLaw::RealWater()
                                    : HeatCapacityLaw::Constant(network_.fluid.heat_capacity_J_per_kgK);
  SteadyOptions steady = options_.steady;
  steady.heat_loss = HeatLossLaw::kExactExponential;  // plug flow's own law
  SteadyState state = SolveSteadyState(network_, steady);
  PlugFlow plugs(network_, water);
  plugs.Fill(state);

  SimulationClock clock(0.0, options_.duration_s, options_.report_step_s);
  for (const TimedEvent& event : pending_) clock.events().Schedule(event.time_s, event.label, event.action);
  std::vector<TransientReport> reports{{0.0, state}};
  if (results) {
    DeclareResults(network_, *results);
    WriteReport(network_, reports.back(), *results);
  }
  std::vector<double> x;
  ProgressBar progress("heating transient", 0.0, options_.duration_s, options_.show_progress);
  while (!clock.finished()) {
    const double t_next = clock.NextStepEnd(options_.time_step_s);
    const double dt = t_next - clock.time_s();
    try {
      ControlReturnTemperatures(network_, water, state);
      SolveHydraulics(network_, plugs.LinkTemperatures(state), steady, x, state);
      plugs.Step(dt, state);
    } catch (const Error& e) {
      throw e.AtTime(clock.time_s());
    }
    clock.AdvanceTo(t_next);
    for (const TimedEvent& event : clock.events().PopDue(clock.time_s())) {
      event.action(event.time_s);
      if (results) results->AppendEvent({event.time_s, kSystem, "", "event", event.label});
    }
    if (clock.AtReportTime()) {
      reports.push_back({clock.time_s(), state});
      if (results) WriteReport(network_, reports.back(), *results);
    }
    progress.Update(clock.time_s());
  }
  return reports;
}

}  // namespace lifeline::heating
