// Steady thermo-hydraulic solve (see heating_steady.h).
#include "models/heating/heating_steady.h"

#include <Eigen/SparseLU>
#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "engine/units.h"
#include "models/heating/heating_hydraulics.h"
#include "models/heating/water_properties.h"

namespace lifeline::heating {
namespace {

// A link's outlet enthalpy as a h_in + b (J/kg). Within a link the heat
// capacity is taken at the link's mean temperature T_l (cp_l): the wall loss
// k (T - T_amb) becomes k (h - h_amb,l) / cp_l with h_amb,l = h(T_l) + cp_l (T_amb - T_l).
struct OutletLaw {
  double a = 1.0, b = 0.0;
  double section_factor = 1.0;   // per section: h_end - h_amb = factor (h_start + gain - h_amb) (sectioned law)
  double ambient_enthalpy = 0.0;
  double section_gain = 0.0;     // mechanical energy turned into heat per section, J/kg
  bool exact = false;            // exponential law: h_end = h_eq + factor (h_start - h_eq)
  double equilibrium_enthalpy = 0.0;

  double Next(double h) const {
    return exact ? equilibrium_enthalpy + section_factor * (h - equilibrium_enthalpy)
                 : ambient_enthalpy + section_factor * (h + section_gain - ambient_enthalpy);
  }
};

OutletLaw LinkOutlet(const HeatingNetwork& network, const HeatCapacityLaw& water, LinkIndex l, double mass_flow,
                     double link_temperature_K, double heat_gain_J_per_kg, HeatLossLaw law) {
  const Link& link = network.links[l];
  OutletLaw outlet;
  if (link.kind == LinkKind::kHeatExchanger || link.kind == LinkKind::kSubstation) {
    outlet.b = -link.heat_extracted_W / std::abs(mass_flow);
    return outlet;
  }
  if (link.kind != LinkKind::kPipe) return outlet;
  const double cp = water.HeatCapacity_J_per_kgK(link_temperature_K);
  const double m_cp = std::abs(mass_flow) * cp;
  const double section_conductance_W_per_K =
      link.heat_transfer_W_per_m2K * std::numbers::pi * link.diameter_m * link.length_m / link.sections;
  outlet.ambient_enthalpy =
      water.Enthalpy_J_per_kg(link_temperature_K) + cp * (link.ambient_temperature_K - link_temperature_K);
  outlet.section_gain = heat_gain_J_per_kg / link.sections;
  if (law == HeatLossLaw::kExactExponential) {
    // m dh/dx = -(K/L) (h - h_amb)/cp + m e/L: h relaxes towards h_eq = h_amb + e m cp / K
    outlet.exact = true;
    outlet.section_factor = std::exp(-section_conductance_W_per_K / m_cp);
    outlet.equilibrium_enthalpy =
        section_conductance_W_per_K > 0.0
            ? outlet.ambient_enthalpy + heat_gain_J_per_kg * m_cp / (section_conductance_W_per_K * link.sections)
            : 0.0;
    if (section_conductance_W_per_K <= 0.0) {  // an insulated pipe only gains
      outlet.exact = false;
      outlet.section_factor = 1.0;
      outlet.ambient_enthalpy = 0.0;
    }
  } else {
    outlet.section_factor = m_cp / (m_cp + section_conductance_W_per_K);
  }
  // compose the N section maps into h_out = a h_in + b
  outlet.b = 0.0;
  for (int k = 0; k < link.sections; ++k) outlet.b = outlet.Next(outlet.b);
  outlet.a = std::pow(outlet.section_factor, link.sections);
  return outlet;
}

// Junction temperatures, section profiles and the energy balance for the flows
// in state, with each link's heat capacity at link_temperature_K.
void SolveTemperatures(const HeatingNetwork& network, const HeatCapacityLaw& water, HeatLossLaw law,
                       const std::vector<double>& link_temperature_K, const std::vector<double>& heat_gain_J_per_kg,
                       SteadyState& state) {
  const NetworkGraph& graph = network.graph;
  const int n_junctions = graph.node_count(), n_links = graph.link_count();

  // junction enthalpies: held at ext grids and pumps' flow sides, mixed elsewhere
  std::vector<bool> held(n_junctions, false);
  std::vector<double> held_temperature(n_junctions, 0.0);
  for (const ExtGrid& grid : network.ext_grids) {
    held[grid.junction] = true;
    held_temperature[grid.junction] = grid.temperature_K;
  }
  for (LinkIndex l = 0; l < n_links; ++l) {
    if (!HeatingNetwork::HoldsFlowSide(network.links[l])) continue;
    held[graph.link_to(l)] = true;
    held_temperature[graph.link_to(l)] = network.links[l].pump_flow_temperature_K;
  }
  std::vector<OutletLaw> outlets(n_links);
  std::vector<SparseEntry> entries;
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n_junctions);
  std::vector<double> inflow(n_junctions, 0.0);
  for (LinkIndex l = 0; l < n_links; ++l) {
    const double m = state.mass_flow_kg_per_s[l];
    if (m == 0.0 || HeatingNetwork::HoldsFlowSide(network.links[l])) continue;
    outlets[l] = LinkOutlet(network, water, l, m, link_temperature_K[l], heat_gain_J_per_kg[l], law);
    const NodeIndex up = m > 0 ? graph.link_from(l) : graph.link_to(l);
    const NodeIndex down = m > 0 ? graph.link_to(l) : graph.link_from(l);
    if (held[down]) continue;
    inflow[down] += std::abs(m);
    entries.emplace_back(down, up, -std::abs(m) * outlets[l].a);
    rhs[down] += std::abs(m) * outlets[l].b;
  }
  for (NodeIndex j = 0; j < n_junctions; ++j) {
    if (held[j]) {
      entries.emplace_back(j, j, 1.0);
      rhs[j] = water.Enthalpy_J_per_kg(held_temperature[j]);
    } else if (inflow[j] > 0.0) {
      entries.emplace_back(j, j, inflow[j]);
    } else {  // nothing flows in: the water stands at its initial temperature
      entries.emplace_back(j, j, 1.0);
      rhs[j] = water.Enthalpy_J_per_kg(network.junctions[j].initial_temperature_K);
    }
  }
  Eigen::SparseMatrix<double> matrix(n_junctions, n_junctions);
  matrix.setFromTriplets(entries.begin(), entries.end());
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(matrix);
  if (lu.info() != Eigen::Success) {
    throw Error(fmt::format("{}: the junction temperature equations are singular", network.title));
  }
  const Eigen::VectorXd enthalpy = lu.solve(rhs);
  state.temperature_K.resize(n_junctions);
  for (NodeIndex j = 0; j < n_junctions; ++j) state.temperature_K[j] = water.TemperatureOf_K(enthalpy[j]);

  // section profiles and the energy balance, all in enthalpy flows (W)
  state.plant_heat_W = state.consumer_heat_W = state.pipe_loss_W = state.dissipation_W = 0.0;
  state.section_temperature_K.assign(n_links, {});
  std::vector<double> outlet_enthalpy(n_links, 0.0);
  for (LinkIndex l = 0; l < n_links; ++l) {
    const double m = state.mass_flow_kg_per_s[l];
    const Link& link = network.links[l];
    if (HeatingNetwork::HoldsFlowSide(link)) {
      state.plant_heat_W += m * (enthalpy[graph.link_to(l)] - enthalpy[graph.link_from(l)]);
      continue;
    }
    if (m == 0.0) continue;
    const double h_in = enthalpy[m > 0 ? graph.link_from(l) : graph.link_to(l)];
    const OutletLaw& outlet = outlets[l];
    outlet_enthalpy[l] = outlet.a * h_in + outlet.b;
    if (link.kind == LinkKind::kHeatExchanger || link.kind == LinkKind::kSubstation) {
      state.consumer_heat_W += link.heat_extracted_W;
    }
    if (link.kind != LinkKind::kPipe) continue;
    state.dissipation_W += std::abs(m) * heat_gain_J_per_kg[l];
    state.pipe_loss_W += std::abs(m) * (h_in + heat_gain_J_per_kg[l] - outlet_enthalpy[l]);
    double h = h_in;
    for (int k = 0; k < link.sections; ++k) {
      h = outlet.Next(h);
      state.section_temperature_K[l].push_back(water.TemperatureOf_K(h));
    }
  }
  // sinks and leaks carry enthalpy away (sources bring it in at their junction's state)
  std::vector<double> withdrawal = network.FixedWithdrawal_kg_per_s();
  for (size_t k = 0; k < network.leaks.size() && k < state.leak_mass_flow_kg_per_s.size(); ++k) {
    withdrawal[network.leaks[k].junction] += state.leak_mass_flow_kg_per_s[k];
  }
  for (NodeIndex j = 0; j < n_junctions; ++j) state.consumer_heat_W += withdrawal[j] * enthalpy[j];
  // an ext grid supplies what its junction sends out and heats what returns to it
  for (const ExtGrid& grid : network.ext_grids) {
    const NodeIndex j = grid.junction;
    double sent = withdrawal[j], returned_enthalpy = 0.0;
    for (LinkIndex l : graph.links_at(j)) {
      if (HeatingNetwork::HoldsFlowSide(network.links[l])) continue;
      const double m = state.mass_flow_kg_per_s[l];
      const bool leaves = (graph.link_from(l) == j) == (m > 0);
      if (m == 0.0) continue;
      if (leaves) {
        sent += std::abs(m);
      } else {
        returned_enthalpy += std::abs(m) * outlet_enthalpy[l];
      }
    }
    state.plant_heat_W += sent * enthalpy[j] - returned_enthalpy;
  }
}

// Mean water temperature in each link (pipes: over their sections).
std::vector<double> LinkTemperatures(const HeatingNetwork& network, const SteadyState& state) {
  const NetworkGraph& graph = network.graph;
  std::vector<double> temperature(graph.link_count());
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const std::vector<double>& sections = state.section_temperature_K[l];
    if (!sections.empty()) {
      double sum = 0.0;
      for (double t : sections) sum += t;
      temperature[l] = sum / static_cast<double>(sections.size());
    } else {
      temperature[l] = 0.5 * (state.temperature_K[graph.link_from(l)] + state.temperature_K[graph.link_to(l)]);
    }
  }
  return temperature;
}

}  // namespace

void SolveHydraulics(const HeatingNetwork& network, const std::vector<double>& link_temperature_K,
                     const SteadyOptions& options, std::vector<double>& x, SteadyState& state) {
  const NetworkGraph& graph = network.graph;
  const int n_junctions = graph.node_count(), n_links = graph.link_count();
  HydraulicEquations hydraulics(network);
  if (static_cast<int>(x.size()) != hydraulics.size()) x = hydraulics.InitialGuess();
  state.density_kg_per_m3.assign(n_links, network.fluid.density_kg_per_m3);
  if (options.water == WaterModel::kTemperatureDependent) {
    std::vector<double> viscosity(n_links);
    for (LinkIndex l = 0; l < n_links; ++l) {
      state.density_kg_per_m3[l] = WaterDensity_kg_per_m3(link_temperature_K[l]);
      viscosity[l] = WaterViscosity_Pa_s(link_temperature_K[l]);
    }
    hydraulics.SetLinkFluid(state.density_kg_per_m3, viscosity);
  }
  state.newton_iterations += SolveSteady(hydraulics, x, options.solver).iterations;
  state.pressure_Pa.resize(n_junctions);
  for (NodeIndex j = 0; j < n_junctions; ++j) {
    const int unknown = hydraulics.pressure_unknown(j);
    state.pressure_Pa[j] = unknown >= 0 ? x[unknown] : hydraulics.held_pressure_Pa(j);
  }
  state.mass_flow_kg_per_s.assign(n_links, 0.0);
  state.velocity_m_per_s.assign(n_links, 0.0);
  state.pressure_rise_Pa.assign(n_links, 0.0);
  state.leak_mass_flow_kg_per_s.clear();
  for (const Leak& leak : network.leaks) {
    state.leak_mass_flow_kg_per_s.push_back(
        LeakMassFlow_kg_per_s(leak, network.fluid.density_kg_per_m3, state.pressure_Pa[leak.junction]));
  }
  for (LinkIndex l = 0; l < n_links; ++l) {
    const Link& link = network.links[l];
    const bool fixed = HeatingNetwork::HasFixedFlow(link);
    state.mass_flow_kg_per_s[l] = fixed ? (link.kind == LinkKind::kValve ? 0.0 : link.fixed_mass_flow_kg_per_s)
                                        : x[hydraulics.flow_unknown(l)];
    if (fixed || link.kind == LinkKind::kPressurePump) {
      state.pressure_rise_Pa[l] = state.pressure_Pa[graph.link_to(l)] - state.pressure_Pa[graph.link_from(l)];
    }
    if (link.diameter_m > 0.0 && !fixed) {
      const double area = std::numbers::pi * link.diameter_m * link.diameter_m / 4.0;
      state.velocity_m_per_s[l] = state.mass_flow_kg_per_s[l] / (state.density_kg_per_m3[l] * area);
    }
  }
}

std::vector<double> FeedTemperatures(const HeatingNetwork& network) {
  double feed_sum = 0.0;
  int feeds = 0;
  for (const ExtGrid& grid : network.ext_grids) feed_sum += grid.temperature_K, ++feeds;
  for (const Link& link : network.links) {
    if (HeatingNetwork::HoldsFlowSide(link)) feed_sum += link.pump_flow_temperature_K, ++feeds;
  }
  return std::vector<double>(network.links.size(), feeds > 0 ? feed_sum / feeds : 293.15);
}

// Sets every return-temperature-controlled substation's flow to q / (h(T_in) - h(T_return));
// returns the largest relative change of those flows.
double ControlReturnTemperatures(HeatingNetwork& network, const HeatCapacityLaw& water, const SteadyState& state) {
  const NetworkGraph& graph = network.graph;
  double change = 0.0;
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    Link& link = network.links[l];
    if (link.kind != LinkKind::kSubstation || link.return_temperature_K <= 0.0) continue;
    const double t_in = state.temperature_K[graph.link_from(l)];
    const double drop = water.Enthalpy_J_per_kg(t_in) - water.Enthalpy_J_per_kg(link.return_temperature_K);
    if (!(drop > 0.0)) {
      throw Error::AtElement(kSystem, graph.link(l).id,
                             fmt::format("supply at {:.1f} K cannot be cooled to the return set point {:.1f} K", t_in,
                                         link.return_temperature_K));
    }
    const double flow = link.heat_extracted_W / drop;
    change = std::max(change, std::abs(flow - link.fixed_mass_flow_kg_per_s) / std::max(flow, 1e-12));
    link.fixed_mass_flow_kg_per_s = flow;
  }
  return change;
}

SteadyState SolveSteadyState(const HeatingNetwork& original, const SteadyOptions& options) {
  HeatingNetwork network = original;  // return-temperature control sets substation flows in this copy
  const NetworkGraph& graph = network.graph;
  const int n_links = graph.link_count();
  SteadyState state;
  std::vector<double> x;
  std::vector<double> link_temperature = FeedTemperatures(network);  // the water starts at the mean feed temperature
  const std::vector<double>& density = state.density_kg_per_m3;
  const HeatCapacityLaw water = options.water == WaterModel::kTemperatureDependent
                                    ? HeatCapacityLaw::RealWater()
                                    : HeatCapacityLaw::Constant(network.fluid.heat_capacity_J_per_kgK);
  bool controlled = false;
  for (const Link& link : network.links) controlled |= link.kind == LinkKind::kSubstation && link.return_temperature_K > 0.0;
  if (controlled) {
    // a first guess: every controlled substation cools the feed to its set point
    state.temperature_K.assign(graph.node_count(), link_temperature.empty() ? 363.15 : link_temperature.front());
    ControlReturnTemperatures(network, water, state);
  }

  for (state.coupling_iterations = 1;; ++state.coupling_iterations) {
    SolveHydraulics(network, link_temperature, options, x, state);
    // mechanical energy turned into heat in each pipe, J/kg of water through it
    std::vector<double> gain(n_links, 0.0);
    for (LinkIndex l = 0; l < n_links; ++l) {
      const double m = state.mass_flow_kg_per_s[l];
      if (network.links[l].kind != LinkKind::kPipe || m == 0.0) continue;
      const NodeIndex in = m > 0 ? graph.link_from(l) : graph.link_to(l), out = m > 0 ? graph.link_to(l) : graph.link_from(l);
      const double beta_t = options.water == WaterModel::kTemperatureDependent
                                ? WaterThermalExpansion_per_K(link_temperature[l]) * link_temperature[l]
                                : 0.0;
      const double drop_in_height_m = network.junctions[in].height_m - network.junctions[out].height_m;
      const double friction_drop_Pa = density[l] * units::kGravity_m_per_s2 * drop_in_height_m -
                                      (state.pressure_Pa[out] - state.pressure_Pa[in]);
      gain[l] = beta_t * units::kGravity_m_per_s2 * drop_in_height_m + (1.0 - beta_t) * friction_drop_Pa / density[l];
    }
    SolveTemperatures(network, water, options.heat_loss, link_temperature, gain, state);
    const double flow_change = controlled ? ControlReturnTemperatures(network, water, state) : 0.0;
    if (options.water == WaterModel::kConstantProperties && flow_change <= options.flow_tolerance) break;
    const std::vector<double> updated = LinkTemperatures(network, state);
    double change = 0.0;
    for (LinkIndex l = 0; l < n_links; ++l) change = std::max(change, std::abs(updated[l] - link_temperature[l]));
    if (options.water == WaterModel::kTemperatureDependent) link_temperature = updated;
    if (change <= options.temperature_tolerance_K && flow_change <= options.flow_tolerance) break;
    if (state.coupling_iterations >= options.max_coupling_iterations) {
      throw Error(fmt::format("{}: hydraulics and temperatures did not settle in {} passes (last change {:.3e} K, "
                              "substation flows {:.3e})",
                              network.title, options.max_coupling_iterations, change, flow_change));
    }
  }
  return state;
}

void ComputeTemperaturesForFlows(const HeatingNetwork& network, const SteadyOptions& options, SteadyState& state) {
  const int n_links = network.graph.link_count();
  if (static_cast<int>(state.mass_flow_kg_per_s.size()) != n_links) {
    throw Error(fmt::format("{}: {} link flows given for {} links", network.title, state.mass_flow_kg_per_s.size(), n_links));
  }
  const HeatCapacityLaw water = options.water == WaterModel::kTemperatureDependent
                                    ? HeatCapacityLaw::RealWater()
                                    : HeatCapacityLaw::Constant(network.fluid.heat_capacity_J_per_kgK);
  const std::vector<double> no_gain(n_links, 0.0);
  std::vector<double> link_temperature(n_links, 293.15);
  for (int pass = 1;; ++pass) {
    SolveTemperatures(network, water, options.heat_loss, link_temperature, no_gain, state);
    if (options.water == WaterModel::kConstantProperties) return;
    const std::vector<double> updated = LinkTemperatures(network, state);
    double change = 0.0;
    for (LinkIndex l = 0; l < n_links; ++l) change = std::max(change, std::abs(updated[l] - link_temperature[l]));
    link_temperature = updated;
    if (change <= options.temperature_tolerance_K) return;
    if (pass >= options.max_coupling_iterations) {
      throw Error(fmt::format("{}: temperatures did not settle in {} passes", network.title, pass));
    }
  }
}

double EnergyBalanceError(const SteadyState& state) {
  const double imbalance = state.plant_heat_W + state.dissipation_W - state.consumer_heat_W - state.pipe_loss_W;
  return std::abs(imbalance) / std::max(std::abs(state.plant_heat_W), 1e-300);
}

}  // namespace lifeline::heating
