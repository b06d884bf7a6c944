// Steady state of a gas network: solve GasSteadyEquations with KINSOL (Newton,
// line search, KLU) and report pressures, mass flows and velocities.
//
// Mean gas velocity of a pipe or valve, at its mean pressure pm (gas_steady_equations.h):
//   v = m / (A rho(pm, T))
// Starting point: every free junction at the highest external-grid pressure,
// every open link carrying the same small flow from -> to.
// Regulators and compressors: each starts active (outlet at its set-point or
// ratio); after a solve one that passes gas backwards shuts and the network is
// solved again (at most kMaxRegulatorRounds times). A regulator whose inlet
// pressure is below its lock-out pressure (or its set-point) locks out,
// leaving its consumers unsupplied, which is an Error naming it (no
// pressure-driven demand yet).
// A network without an external grid, or a failed solve, is an Error naming
// the element (the solver bridge names the worst equation).
#pragma once

#include <vector>

#include "engine/steady_solver.h"
#include "models/gas/gas_network.h"

namespace lifeline::gas {

struct GasSteadyResult {
  std::vector<double> pressure_Pa;          // absolute, by NodeIndex
  std::vector<double> gauge_pressure_Pa;    // relative to the ambient at the junction height, by NodeIndex
  std::vector<double> leak_kg_per_s;        // out through a hole, by NodeIndex (0 without one)
  std::vector<double> mass_flow_kg_per_s;   // from -> to, by LinkIndex
  std::vector<double> velocity_m_per_s;     // mean gas velocity, by LinkIndex (0 for pumps, regulators, compressors)
  SteadyReport report;                      // Newton iterations and final residual
};

inline constexpr int kMaxRegulatorRounds = 10;

// Default tolerance: max |F| <= 1e-11 (bar on link rows, kg/s on junction rows).
SteadyOptions DefaultGasSteadyOptions();

GasSteadyResult SolveGasSteady(const GasNetwork& network, const SteadyOptions& options = DefaultGasSteadyOptions());

}  // namespace lifeline::gas
