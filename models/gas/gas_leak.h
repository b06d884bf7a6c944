// Gas escaping through a hole: isentropic orifice mass flow, choked or not.
//
// With upstream absolute pressure p1, downstream (ambient) p2, r = p2/p1,
// heat capacity ratio k, upstream density rho1 = rho(p1, T) (real gas, Z(p1)),
// hole area A and discharge coefficient Cd:
//   m = Cd A sqrt(rho1 p1 psi(r))
//   choked (r <= r_c = (2/(k+1))^(k/(k-1)), 0.54 for k = 1.31):
//     psi = k (2/(k+1))^((k+1)/(k-1))
//   unchoked:
//     psi = 2k/(k-1) (r^(2/k) - r^((k+1)/k))
// For an ideal gas (Z = 1, rho1 p1 = p1^2/(R T)) the choked form is the textbook
// m = Cd A p1 sqrt(k/(R T) (2/(k+1))^((k+1)/(k-1))). psi is continuous with a
// continuous slope at r_c; there is no flow when p1 <= p2.
//
// In a network the hole sits on a junction (LeakOrifice in gas_network.h) and
// acts as a pressure-dependent sink in the steady equations; AddLeak places a
// hole at a point along a pipe by splitting the pipe there.
#pragma once

#include <string>

#include "models/gas/gas_network.h"

namespace lifeline::gas {

// r_c = (2/(k+1))^(k/(k-1)).
double CriticalPressureRatio(double heat_capacity_ratio);

struct OrificeFlow {
  double mass_flow_kg_per_s = 0.0;            // out through the hole
  double dmass_flow_dupstream_per_Pa_s = 0.0; // d m / d p1, kg/(s Pa)
  bool choked = false;
};

OrificeFlow OrificeMassFlow(const LeakOrifice& orifice, const GasFluid& fluid, double upstream_pressure_Pa,
                            double downstream_pressure_Pa, double temperature_K);

// Where and how big a hole is.
struct LeakSpec {
  std::string pipe_id;                 // the pipe with the hole
  double offset_from_start_m = 0.0;    // along the pipe from its from-junction
  LeakOrifice orifice;                 // hole diameter, Cd, k
  std::string junction_id = "leak";    // id of the junction created at the hole
};

// The network with the pipe split at the hole and the hole on the new junction.
GasNetwork AddLeak(const GasNetwork& network, const LeakSpec& leak);

}  // namespace lifeline::gas
