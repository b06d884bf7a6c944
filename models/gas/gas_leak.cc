// Orifice flow of a gas leak and placing a hole on a pipe (see gas_leak.h).
#include "models/gas/gas_leak.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"

namespace lifeline::gas {

double CriticalPressureRatio(double heat_capacity_ratio) {
  const double k = heat_capacity_ratio;
  return std::pow(2.0 / (k + 1.0), k / (k - 1.0));
}

OrificeFlow OrificeMassFlow(const LeakOrifice& orifice, const GasFluid& fluid, double upstream_pressure_Pa,
                            double downstream_pressure_Pa, double temperature_K) {
  const double p1 = upstream_pressure_Pa, p2 = downstream_pressure_Pa, k = orifice.heat_capacity_ratio;
  OrificeFlow flow;
  if (!(p1 > p2)) return flow;
  const double area_m2 = std::numbers::pi / 4.0 * orifice.hole_diameter_m * orifice.hole_diameter_m;
  const double r = p2 / p1;
  double psi = 0.0, dpsi_dr = 0.0;
  flow.choked = r <= CriticalPressureRatio(k);
  if (flow.choked) {
    psi = k * std::pow(2.0 / (k + 1.0), (k + 1.0) / (k - 1.0));
  } else {
    const double c = 2.0 * k / (k - 1.0);
    psi = c * (std::pow(r, 2.0 / k) - std::pow(r, (k + 1.0) / k));
    dpsi_dr = c * (2.0 / k * std::pow(r, 2.0 / k - 1.0) - (k + 1.0) / k * std::pow(r, 1.0 / k));
  }
  // rho1 p1 = rho_n T_n p1^2 / (p_n T Z(p1))
  const double z = fluid.Compressibility(p1);
  const double a = fluid.normal_density_kg_per_m3 * kNormalTemperature_K / (kNormalPressure_Pa * temperature_K);
  const double rho_p = a * p1 * p1 / z;
  const double drho_p_dp1 = a * (2.0 * p1 * z - p1 * p1 * fluid.z_slope_per_Pa) / (z * z);
  const double dr_dp1 = -p2 / (p1 * p1);
  const double root = std::sqrt(rho_p * psi);
  flow.mass_flow_kg_per_s = orifice.discharge_coefficient * area_m2 * root;
  flow.dmass_flow_dupstream_per_Pa_s = orifice.discharge_coefficient * area_m2 *
                                       (drho_p_dp1 * psi + rho_p * dpsi_dr * dr_dp1) / (2.0 * root);
  return flow;
}

GasNetwork AddLeak(const GasNetwork& network, const LeakSpec& leak) {
  if (!(leak.orifice.hole_diameter_m > 0.0) || !(leak.orifice.discharge_coefficient > 0.0) ||
      !(leak.orifice.heat_capacity_ratio > 1.0)) {
    throw Error::AtElement(kSystem, leak.pipe_id,
                           fmt::format("leak needs a hole diameter > 0, Cd > 0 and k > 1 (got {} m, {}, {})",
                                       leak.orifice.hole_diameter_m, leak.orifice.discharge_coefficient,
                                       leak.orifice.heat_capacity_ratio));
  }
  GasNetwork result = SplitPipe(network, network.graph.LinkIndexOf(leak.pipe_id), leak.offset_from_start_m,
                                leak.junction_id);
  result.junctions[static_cast<size_t>(result.graph.NodeIndexOf(leak.junction_id))].leak = leak.orifice;
  return result;
}

}  // namespace lifeline::gas
