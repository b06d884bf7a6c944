// Heating network hydraulic equations (see heating_hydraulics.h).
#include "models/heating/heating_hydraulics.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "engine/units.h"

namespace lifeline::heating {

HydraulicEquations::HydraulicEquations(const HeatingNetwork& network)
    : network_(network),
      pressure_unknown_(network.junctions.size(), 0),
      flow_unknown_(network.links.size(), -1),
      held_pressure_Pa_(network.junctions.size(), 0.0),
      fixed_withdrawal_kg_per_s_(network.FixedWithdrawal_kg_per_s()),
      link_density_kg_per_m3_(network.links.size(), network.fluid.density_kg_per_m3),
      link_viscosity_Pa_s_(network.links.size(), network.fluid.viscosity_Pa_s) {
  const NetworkGraph& graph = network.graph;
  auto hold = [&](NodeIndex j, double pressure_Pa, const std::string& by) {
    if (pressure_unknown_[j] < 0 && held_pressure_Pa_[j] != pressure_Pa) {
      throw Error::AtElement(kSystem, graph.node(j).id, fmt::format("pressure held twice ({})", by));
    }
    pressure_unknown_[j] = -1;
    held_pressure_Pa_[j] = pressure_Pa;
  };
  for (const ExtGrid& grid : network.ext_grids) hold(grid.junction, grid.pressure_Pa, "ext grid");
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const Link& link = network.links[l];
    if (HeatingNetwork::HoldsFlowSide(link)) hold(graph.link_to(l), link.pump_flow_pressure_Pa, graph.link(l).id);
    if (HeatingNetwork::HasFixedFlow(link)) {
      fixed_withdrawal_kg_per_s_[graph.link_from(l)] += link.fixed_mass_flow_kg_per_s;
      fixed_withdrawal_kg_per_s_[graph.link_to(l)] -= link.fixed_mass_flow_kg_per_s;
    }
  }
  for (NodeIndex j = 0; j < graph.node_count(); ++j) {
    if (pressure_unknown_[j] < 0) continue;
    pressure_unknown_[j] = static_cast<int>(free_junctions_.size());
    free_junctions_.push_back(j);
  }
  pressure_unknown_count_ = free_junctions_.size();
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    if (HeatingNetwork::HasFixedFlow(network.links[l])) continue;
    flow_unknown_[l] = static_cast<int>(pressure_unknown_count_ + flow_links_.size());
    flow_links_.push_back(l);
  }
  if (pressure_unknown_count_ == static_cast<size_t>(graph.node_count())) {
    throw Error(fmt::format("{}: no junction has a held pressure (no ext grid or circulation pump)", network.title));
  }
}

double HydraulicEquations::Pressure(std::span<const double> x, NodeIndex j) const {
  const int unknown = pressure_unknown_[j];
  return unknown >= 0 ? x[unknown] : held_pressure_Pa_[j];
}

// (lambda L/d + zeta) m|m| / (2 rho A^2) in Pa, and its derivative in Pa s/kg.
double HydraulicEquations::LossCoefficient(LinkIndex l, double m, double& derivative) const {
  const Link& link = network_.links[l];
  const double area = std::numbers::pi * link.diameter_m * link.diameter_m / 4.0;
  const double scale = area > 0.0 ? 1.0 / (2.0 * link_density_kg_per_m3_[l] * area * area) : 0.0;
  double loss = link.loss_coefficient * m * std::abs(m);
  derivative = link.loss_coefficient * 2.0 * std::abs(m);
  if (link.kind == LinkKind::kPipe) {
    const FrictionTerm friction = PipeFrictionTerm(network_.friction, m, link.diameter_m, link.roughness_m,
                                                   link_viscosity_Pa_s_[l]);
    loss += link.length_m / link.diameter_m * friction.value_kg2_per_s2;
    derivative += link.length_m / link.diameter_m * friction.derivative_kg_per_s;
  }
  derivative *= scale;
  return loss * scale;
}

bool HydraulicEquations::Residual(std::span<const double> x, std::span<double> residual) const {
  const NetworkGraph& graph = network_.graph;
  for (size_t k = 0; k < free_junctions_.size(); ++k) residual[k] = -fixed_withdrawal_kg_per_s_[free_junctions_[k]];
  for (const LinkIndex l : flow_links_) {
    const NodeIndex from = graph.link_from(l), to = graph.link_to(l);
    const double m = x[flow_unknown_[l]];
    double slope = 0.0;
    const double loss = LossCoefficient(l, m, slope) -
                        (network_.links[l].kind == LinkKind::kPressurePump ? network_.links[l].pump_lift_Pa : 0.0);
    const double rho_g = link_density_kg_per_m3_[l] * units::kGravity_m_per_s2;
    residual[flow_unknown_[l]] = (Pressure(x, from) - Pressure(x, to) +
                                  rho_g * (network_.junctions[from].height_m - network_.junctions[to].height_m) - loss) /
                                 kPascalPerResidualUnit;
    if (pressure_unknown_[to] >= 0) residual[pressure_unknown_[to]] += m;
    if (pressure_unknown_[from] >= 0) residual[pressure_unknown_[from]] -= m;
  }
  for (const Leak& leak : network_.leaks) {
    const int row = pressure_unknown_[leak.junction];
    if (row >= 0) residual[row] -= LeakMassFlow_kg_per_s(leak, network_.fluid.density_kg_per_m3, x[row]);
  }
  return true;
}

void HydraulicEquations::Jacobian(std::span<const double> x, SparseMatrix& jacobian) const {
  const NetworkGraph& graph = network_.graph;
  std::vector<SparseEntry> entries;
  for (const LinkIndex l : flow_links_) {
    const NodeIndex from = graph.link_from(l), to = graph.link_to(l);
    const int row = flow_unknown_[l];
    double slope = 0.0;
    LossCoefficient(l, x[row], slope);
    entries.emplace_back(row, row, -slope / kPascalPerResidualUnit);
    if (pressure_unknown_[from] >= 0) {
      entries.emplace_back(row, pressure_unknown_[from], 1.0 / kPascalPerResidualUnit);
      entries.emplace_back(pressure_unknown_[from], row, -1.0);
    }
    if (pressure_unknown_[to] >= 0) {
      entries.emplace_back(row, pressure_unknown_[to], -1.0 / kPascalPerResidualUnit);
      entries.emplace_back(pressure_unknown_[to], row, 1.0);
    }
  }
  for (const Leak& leak : network_.leaks) {
    const int row = pressure_unknown_[leak.junction];
    if (row < 0) continue;
    double slope = 0.0;
    LeakMassFlow_kg_per_s(leak, network_.fluid.density_kg_per_m3, x[row], &slope);
    entries.emplace_back(row, row, -slope);
  }
  jacobian.resize(size(), size());
  jacobian.setFromTriplets(entries.begin(), entries.end());
  jacobian.makeCompressed();
}

ElementRef HydraulicEquations::EquationElement(int equation) const {
  if (equation < static_cast<int>(pressure_unknown_count_)) {
    return {kSystem, network_.graph.node(free_junctions_[equation]).id};
  }
  return {kSystem, network_.graph.link(flow_links_[equation - pressure_unknown_count_]).id};
}

void HydraulicEquations::SetLinkFluid(std::vector<double> density_kg_per_m3, std::vector<double> viscosity_Pa_s) {
  if (density_kg_per_m3.size() != network_.links.size() || viscosity_Pa_s.size() != network_.links.size()) {
    throw Error(fmt::format("{}: link fluid properties for {} links expected", network_.title, network_.links.size()));
  }
  link_density_kg_per_m3_ = std::move(density_kg_per_m3);
  link_viscosity_Pa_s_ = std::move(viscosity_Pa_s);
}

std::vector<double> HydraulicEquations::InitialGuess() const {
  // held pressure of the first holder, corrected for height
  double reference_pressure = 0.0, reference_height = 0.0;
  for (NodeIndex j = 0; j < network_.graph.node_count(); ++j) {
    if (pressure_unknown_[j] < 0) {
      reference_pressure = held_pressure_Pa_[j];
      reference_height = network_.junctions[j].height_m;
      break;
    }
  }
  const double rho_g = network_.fluid.density_kg_per_m3 * units::kGravity_m_per_s2;
  std::vector<double> x(size(), 1e-2);
  for (size_t k = 0; k < free_junctions_.size(); ++k) {
    x[k] = reference_pressure + rho_g * (reference_height - network_.junctions[free_junctions_[k]].height_m);
  }
  return x;
}

}  // namespace lifeline::heating
