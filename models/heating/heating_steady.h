// Steady thermo-hydraulics of a heating network: hydraulics first (the flows do
// not depend on temperature: constant fluid properties), then temperatures.
//
// Temperatures: every pipe carries its inlet state to its outlet, losing heat
// to its surroundings; junctions mix what flows in. The balance is kept in
// specific enthalpy h(T) (water_properties.h) so that it closes exactly:
//   exact law (kExactExponential):  h_out - h_amb = (h_in - h_amb) exp(-alpha pi d L / (m cp))
//   sectioned (kSectionUpwind):     each of the pipe's N sections is a well-mixed volume
//                                   losing alpha pi d (L/N) (T_out - T_amb):
//                                   h_out - h_amb = (h_in - h_amb) m cp / (m cp + k), k = alpha pi d L / N
//   heat exchanger:                 h_out = h_in - q / m
//   junction j:                     h_j sum(m in) = sum(m in h_out of the link)
// with cp at the link's mean temperature. Mechanical energy turned into heat is
// added along each pipe, spread evenly over its sections: per kilogram
//   e = beta T g (z_in - z_out) + (1 - beta T) dp_friction / rho
// (the steady energy equation H_out = H_in + g (z_in - z_out) - q/m with the
// liquid's enthalpy H = h(T) + (1 - beta T)(p - p0)/rho; beta = 0 with constant
// properties). Ext grids and a circulation pump's
// flow side hold their junction's temperature. The sectioned law is the
// finite-volume discretisation OpenModelica uses; it tends to the exact law as
// N grows.
#pragma once

#include <string>
#include <vector>

#include "engine/steady_solver.h"
#include "models/heating/heating_network.h"
#include "models/heating/water_properties.h"

namespace lifeline::heating {

enum class HeatLossLaw { kExactExponential, kSectionUpwind };

// Density and viscosity: the network file's constants, or real water at each
// link's mean temperature (water_properties.h). With real water, hydraulics and
// temperatures are solved in turn until the link temperatures settle.
enum class WaterModel { kConstantProperties, kTemperatureDependent };

struct SteadyOptions {
  HeatLossLaw heat_loss = HeatLossLaw::kExactExponential;
  WaterModel water = WaterModel::kTemperatureDependent;
  double temperature_tolerance_K = 1e-8;  // coupling iterations stop below this change
  double flow_tolerance = 1e-10;          // ... and below this relative change of controlled substation flows
  int max_coupling_iterations = 50;
  lifeline::SteadyOptions solver;
};

struct SteadyState {
  std::vector<double> pressure_Pa;        // by NodeIndex, static gauge
  std::vector<double> temperature_K;      // by NodeIndex
  std::vector<double> mass_flow_kg_per_s; // by LinkIndex, from -> to
  std::vector<double> velocity_m_per_s;   // by LinkIndex, m / (rho A) at the link's density (0 for pumps)
  std::vector<std::vector<double>> section_temperature_K;  // by LinkIndex: pipe section-end temperatures in flow direction
  std::vector<double> pressure_rise_Pa;   // by LinkIndex, fixed-flow links: p_to - p_from (a pump's lift; minus a substation's differential pressure)
  std::vector<double> leak_mass_flow_kg_per_s;  // by leak, to the ground
  std::vector<double> density_kg_per_m3;  // by LinkIndex: the water's density used in the link
  long newton_iterations = 0;              // summed over coupling iterations
  int coupling_iterations = 0;            // hydraulics <-> temperature passes
  // energy balance, W (enthalpy measured from 0 K)
  double plant_heat_W = 0.0;       // into the water at ext grids and circulation pumps
  double consumer_heat_W = 0.0;    // taken by heat exchangers plus what sinks carry away net of sources
  double pipe_loss_W = 0.0;        // lost through pipe walls
  double dissipation_W = 0.0;      // friction and elevation turned into heat in the pipes
};

// A network whose equations cannot be solved is an Error naming the element.
SteadyState SolveSteadyState(const HeatingNetwork& network, const SteadyOptions& options = {});

// The hydraulic half of a solve at given link temperatures (they set the
// water's properties): pressures, flows, velocities, pump lifts, leak flows and
// densities into state. x holds the unknowns (heating_hydraulics.h order) and
// warm-starts the next call; an empty or mismatched x starts afresh.
void SolveHydraulics(const HeatingNetwork& network, const std::vector<double>& link_temperature_K,
                     const SteadyOptions& options, std::vector<double>& x, SteadyState& state);

// Sets every return-temperature-controlled substation's mass flow to
// q / (h(T_in) - h(T_return)) at the inlet temperatures in state; returns the
// largest relative change. A supply not hotter than the set point is an Error
// naming the substation.
double ControlReturnTemperatures(HeatingNetwork& network, const HeatCapacityLaw& water, const SteadyState& state);

// Temperatures for link mass flows already in state.mass_flow_kg_per_s (the
// pressures are not touched and no friction heat is added): for studies with
// measured or prescribed flows.
void ComputeTemperaturesForFlows(const HeatingNetwork& network, const SteadyOptions& options, SteadyState& state);

// Relative energy-balance error |plant + dissipation - consumers - losses| / plant.
double EnergyBalanceError(const SteadyState& state);

}  // namespace lifeline::heating
