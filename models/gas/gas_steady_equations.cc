// Residuals and analytic Jacobian of steady gas flow (see gas_steady_equations.h).
#include "models/gas/gas_steady_equations.h"

#include <cmath>

#include "engine/error.h"
#include "engine/units.h"
#include "models/gas/gas_leak.h"

namespace lifeline::gas {
namespace {

// The pump curve dp [bar] at Q [m3/h] and its slope.
std::pair<double, double> PumpLift_bar(const PumpCurve& curve, double flow_m3_per_h) {
  double value = 0.0, slope = 0.0;
  for (const double c : curve.coefficients_bar_per_m3_per_h) {  // Horner, highest order first
    slope = slope * flow_m3_per_h + value;
    value = value * flow_m3_per_h + c;
  }
  return {value, slope};
}

}  // namespace

double MeanPipePressure_Pa(double from_pressure_Pa, double to_pressure_Pa) {
  const double p1 = from_pressure_Pa, p2 = to_pressure_Pa;
  return 2.0 * (p1 * p1 + p1 * p2 + p2 * p2) / (3.0 * (p1 + p2));
}

GasStateLayout::GasStateLayout(const GasNetwork& network)
    : pressure_unknown_(network.junctions.size(), -1), link_count_(static_cast<int>(network.links.size())) {
  const NetworkGraph& graph = network.graph;
  std::vector<bool> link_open(network.links.size());
  for (LinkIndex l = 0; l < link_count_; ++l) {
    link_open[l] = network.links[l].open;
  }
  std::vector<NodeIndex> grids;
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    if (network.junctions[n].fixed_pressure_Pa) grids.push_back(n);
  }
  supplied_ = graph.NodesReachableFrom(grids, link_open);
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    const Junction& junction = network.junctions[n];
    if (!supplied_[n] && (junction.sink_kg_per_s != 0.0 || junction.leak)) {
      throw Error::AtElement(kSystem, graph.node(n).id,
                             "not supplied: no open path to an external grid, but gas is taken out or put in here");
    }
    if (supplied_[n] && !junction.fixed_pressure_Pa) {
      pressure_unknown_[n] = static_cast<int>(free_junctions_.size());
      free_junctions_.push_back(n);
    }
  }
  for (LinkIndex l = 0; l < link_count_; ++l) carries_flow_.push_back(link_open[l] && supplied_[graph.link_from(l)]);
}

GasSteadyEquations::GasSteadyEquations(const GasNetwork& network) : network_(network), layout_(network) {}

double GasSteadyEquations::Pressure_Pa(NodeIndex n, std::span<const double> x) const {
  const int unknown = layout_.pressure_unknown(n);
  if (unknown >= 0) return kPascalPerUnknown * x[unknown];
  const Junction& junction = network_.junctions[n];
  return junction.fixed_pressure_Pa ? *junction.fixed_pressure_Pa : AmbientPressure_Pa(junction.height_m);
}

LinkEquation GasSteadyEquations::EvaluateLink(LinkIndex l, double p1, double p2, double m) const {
  const Link& link = network_.links[l];
  LinkEquation eq;
  if (!layout_.carries_flow(l)) {
    eq.value = m;
    eq.d_mass_flow = 1.0;
    return eq;
  }
  if (link.kind == LinkKind::kRegulator) {
    eq.value = p2 - link.outlet_set_pressure_Pa;
    eq.d_to_pressure = 1.0;
    return eq;
  }
  if (link.kind == LinkKind::kCompressor) {
    eq.value = p2 - link.compression_ratio * p1;
    eq.d_from_pressure = -link.compression_ratio;
    eq.d_to_pressure = 1.0;
    return eq;
  }
  const GasFluid& fluid = network_.fluid;
  const Junction& from = network_.junctions[network_.graph.link_from(l)];
  const Junction& to = network_.junctions[network_.graph.link_to(l)];
  const double temperature_K = 0.5 * (from.temperature_K + to.temperature_K);
  const double s = p1 + p2;
  const double pm = MeanPipePressure_Pa(p1, p2);
  const double dpm_dp1 = 2.0 * p1 * (p1 + 2.0 * p2) / (3.0 * s * s);
  const double dpm_dp2 = 2.0 * p2 * (p2 + 2.0 * p1) / (3.0 * s * s);
  const double z = fluid.Compressibility(pm), dz = fluid.z_slope_per_Pa;

  eq.value = p1 - p2;
  eq.d_from_pressure = 1.0;
  eq.d_to_pressure = -1.0;

  // height: - c s / Z(pm), c = g (h2 - h1) rho_n T_n / (2 p_n T)
  const double c = units::kGravity_m_per_s2 * (to.height_m - from.height_m) * fluid.normal_density_kg_per_m3 *
                   kNormalTemperature_K / (2.0 * kNormalPressure_Pa * temperature_K);
  eq.value -= c * s / z;
  eq.d_from_pressure -= c * (1.0 / z - s * dz * dpm_dp1 / (z * z));
  eq.d_to_pressure -= c * (1.0 / z - s * dz * dpm_dp2 / (z * z));

  if (link.kind == LinkKind::kPump) {
    // + dp(Q), Q = m / rho(pa, T) = m p_n T Z(pa) / (rho_n T_n pa) at the mean pa = (p1 + p2)/2 (as STANET)
    const double pa = 0.5 * s, za = fluid.Compressibility(pa);
    const double b = kNormalPressure_Pa * temperature_K / (fluid.normal_density_kg_per_m3 * kNormalTemperature_K);
    const double volume_per_mass = b * za / pa;
    const double dvolume_per_mass_dp = 0.5 * b * (dz * pa - za) / (pa * pa);  // same for p1 and p2
    const auto [lift_bar, slope_bar_per_m3_per_h] = PumpLift_bar(link.pump, units::HoursToSeconds(m * volume_per_mass));
    const double slope_Pa_per_m3_per_s = units::BarToPascal(units::HoursToSeconds(slope_bar_per_m3_per_h));
    eq.value += units::BarToPascal(lift_bar);
    eq.d_mass_flow += slope_Pa_per_m3_per_s * volume_per_mass;
    eq.d_from_pressure += slope_Pa_per_m3_per_s * m * dvolume_per_mass_dp;
    eq.d_to_pressure += slope_Pa_per_m3_per_s * m * dvolume_per_mass_dp;
    return eq;
  }

  // friction: - G Z(pm) phi(m) / s, phi = lambda L/d m|m| + zeta m|m|
  const double area = link.Area_m2();
  const double g = kNormalPressure_Pa * temperature_K / (fluid.normal_density_kg_per_m3 * kNormalTemperature_K * area * area);
  double phi = link.loss_coefficient * m * std::abs(m);
  double dphi = 2.0 * link.loss_coefficient * std::abs(m);
  const double length_m = network_.graph.link(l).length_m;
  if (link.kind == LinkKind::kPipe) {
    const FrictionTerm term =
        link.friction_factor
            ? FrictionTerm{*link.friction_factor, *link.friction_factor * m * std::abs(m), 2.0 * *link.friction_factor * std::abs(m)}
            : PipeFrictionTerm(network_.friction, m, link.diameter_m, link.roughness_m, fluid.viscosity_Pa_s);
    phi += length_m / link.diameter_m * term.value_kg2_per_s2;
    dphi += length_m / link.diameter_m * term.derivative_kg_per_s;
  }
  eq.value -= g * z * phi / s;
  eq.d_mass_flow -= g * z * dphi / s;
  eq.d_from_pressure -= g * phi * (dz * dpm_dp1 / s - z / (s * s));
  eq.d_to_pressure -= g * phi * (dz * dpm_dp2 / s - z / (s * s));
  return eq;
}

bool GasSteadyEquations::Residual(std::span<const double> x, std::span<double> residual) const {
  const NetworkGraph& graph = network_.graph;
  for (int k = 0; k < layout_.free_junction_count(); ++k) {
    const NodeIndex n = layout_.free_junctions()[k];
    const Junction& junction = network_.junctions[n];
    residual[k] = -junction.sink_kg_per_s;
    if (junction.leak) {
      residual[k] -= OrificeMassFlow(*junction.leak, network_.fluid, Pressure_Pa(n, x),
                                     AmbientPressure_Pa(junction.height_m), junction.temperature_K)
                         .mass_flow_kg_per_s;
    }
  }
  for (LinkIndex l = 0; l < layout_.link_count(); ++l) {
    const NodeIndex from = graph.link_from(l), to = graph.link_to(l);
    const double p1 = Pressure_Pa(from, x), p2 = Pressure_Pa(to, x);
    if (!(p1 > 0.0 && p2 > 0.0)) return false;  // the line search steps back
    const int row = layout_.flow_unknown(l);
    const double m = x[row];
    const LinkEquation eq = EvaluateLink(l, p1, p2, m);
    residual[row] = layout_.carries_flow(l) ? eq.value / kPascalPerUnknown : eq.value;
    if (layout_.pressure_unknown(to) >= 0) residual[layout_.pressure_unknown(to)] += m;
    if (layout_.pressure_unknown(from) >= 0) residual[layout_.pressure_unknown(from)] -= m;
  }
  return true;
}

void GasSteadyEquations::Jacobian(std::span<const double> x, SparseMatrix& jacobian) const {
  const NetworkGraph& graph = network_.graph;
  std::vector<SparseEntry> entries;
  for (int k = 0; k < layout_.free_junction_count(); ++k) {
    const NodeIndex n = layout_.free_junctions()[k];
    const Junction& junction = network_.junctions[n];
    if (!junction.leak) continue;
    const OrificeFlow flow = OrificeMassFlow(*junction.leak, network_.fluid, Pressure_Pa(n, x),
                                             AmbientPressure_Pa(junction.height_m), junction.temperature_K);
    entries.emplace_back(k, k, -flow.dmass_flow_dupstream_per_Pa_s * kPascalPerUnknown);
  }
  for (LinkIndex l = 0; l < layout_.link_count(); ++l) {
    const NodeIndex from = graph.link_from(l), to = graph.link_to(l);
    const int row = layout_.flow_unknown(l);
    const int from_unknown = layout_.pressure_unknown(from), to_unknown = layout_.pressure_unknown(to);
    const LinkEquation eq = EvaluateLink(l, Pressure_Pa(from, x), Pressure_Pa(to, x), x[row]);
    if (!layout_.carries_flow(l)) {
      entries.emplace_back(row, row, eq.d_mass_flow);
    } else {
      // rows in bar, pressure unknowns in bar: d(R/1e5)/d(p/1e5) = dR/dp
      entries.emplace_back(row, row, eq.d_mass_flow / kPascalPerUnknown);
      if (from_unknown >= 0) entries.emplace_back(row, from_unknown, eq.d_from_pressure);
      if (to_unknown >= 0) entries.emplace_back(row, to_unknown, eq.d_to_pressure);
    }
    if (to_unknown >= 0) entries.emplace_back(to_unknown, row, 1.0);
    if (from_unknown >= 0) entries.emplace_back(from_unknown, row, -1.0);
  }
  jacobian.resize(size(), size());
  jacobian.setFromTriplets(entries.begin(), entries.end());
  jacobian.makeCompressed();
}

ElementRef GasSteadyEquations::EquationElement(int equation) const {
  if (equation < layout_.free_junction_count()) {
    return {kSystem, network_.graph.node(layout_.free_junctions()[equation]).id};
  }
  return {kSystem, network_.graph.link(equation - layout_.free_junction_count()).id};
}

}  // namespace lifeline::gas
