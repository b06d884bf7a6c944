// Residuals and analytic Jacobians of the tank network (see tank_network_equations.h).
#include "models/tank_network/tank_network_equations.h"

#include <cmath>

namespace lifeline::tank_network {
namespace {

// Friction head loss r Q sqrt(Q^2 + q0^2) and its derivative.
double HeadLoss_m(double r, double q) { return r * q * std::sqrt(q * q + kSmoothingFlow_m3_per_s * kSmoothingFlow_m3_per_s); }
double HeadLossSlope(double r, double q) {
  const double q0_2 = kSmoothingFlow_m3_per_s * kSmoothingFlow_m3_per_s;
  return r * (2.0 * q * q + q0_2) / std::sqrt(q * q + q0_2);
}

// Shared part of both problems: pipe and junction rows (the first steady_size equations).
// x holds heads and flows at the front; tank levels come from levels_m (by tank position).
void NetworkResidual(const TankNetwork& network, const StateLayout& layout, double time_s,
                     std::span<const double> x, std::span<const double> levels_m, std::span<double> r) {
  const NetworkGraph& graph = network.graph;
  for (int k = 0; k < layout.junction_count(); ++k) r[k] = -network.DemandAt(layout.junctions()[k], time_s);
  for (LinkIndex p = 0; p < layout.pipe_count(); ++p) {
    const NodeIndex from = graph.link_from(p), to = graph.link_to(p);
    const double q = x[layout.flow_unknown(p)];
    r[layout.flow_unknown(p)] = NodeHead_m(network, layout, from, x, levels_m) -
                                NodeHead_m(network, layout, to, x, levels_m) -
                                HeadLoss_m(network.pipes[p].resistance_s2_per_m5, q);
    if (layout.head_unknown(to) >= 0) r[layout.head_unknown(to)] += q;
    if (layout.head_unknown(from) >= 0) r[layout.head_unknown(from)] -= q;
  }
}

void NetworkJacobian(const TankNetwork& network, const StateLayout& layout, std::span<const double> x,
                     std::vector<SparseEntry>& entries) {
  const NetworkGraph& graph = network.graph;
  for (LinkIndex p = 0; p < layout.pipe_count(); ++p) {
    const NodeIndex from = graph.link_from(p), to = graph.link_to(p);
    const int row = layout.flow_unknown(p);
    entries.emplace_back(row, row, -HeadLossSlope(network.pipes[p].resistance_s2_per_m5, x[row]));
    if (layout.head_unknown(from) >= 0) {
      entries.emplace_back(row, layout.head_unknown(from), 1.0);
      entries.emplace_back(layout.head_unknown(from), row, -1.0);
    }
    if (layout.head_unknown(to) >= 0) {
      entries.emplace_back(row, layout.head_unknown(to), -1.0);
      entries.emplace_back(layout.head_unknown(to), row, 1.0);
    }
    if (layout.level_unknown(from) >= 0) entries.emplace_back(row, layout.level_unknown(from), 1.0);
    if (layout.level_unknown(to) >= 0) entries.emplace_back(row, layout.level_unknown(to), -1.0);
  }
}

ElementRef NetworkEquationElement(const TankNetwork& network, const StateLayout& layout, int equation) {
  if (equation < layout.junction_count()) {
    return {kSystem, network.graph.node(layout.junctions()[equation]).id};
  }
  if (equation < layout.steady_size()) return {kSystem, network.graph.link(equation - layout.junction_count()).id};
  return {kSystem, network.graph.node(layout.tank_of_level(equation)).id};
}

}  // namespace

StateLayout::StateLayout(const TankNetwork& network)
    : head_unknown_(network.nodes.size(), -1), level_unknown_(network.nodes.size(), -1),
      pipe_count_(static_cast<int>(network.pipes.size())) {
  for (NodeIndex n = 0; n < static_cast<NodeIndex>(network.nodes.size()); ++n) {
    if (network.nodes[n].kind == NodeKind::kJunction) {
      head_unknown_[n] = static_cast<int>(junctions_.size());
      junctions_.push_back(n);
    }
  }
  for (NodeIndex n = 0; n < static_cast<NodeIndex>(network.nodes.size()); ++n) {
    if (network.nodes[n].kind == NodeKind::kTank) {
      level_unknown_[n] = steady_size() + static_cast<int>(tanks_.size());
      tanks_.push_back(n);
    }
  }
}

double NodeHead_m(const TankNetwork& network, const StateLayout& layout, NodeIndex n,
                  std::span<const double> x, std::span<const double> fixed_levels_m) {
  const Node& node = network.nodes[n];
  switch (node.kind) {
    case NodeKind::kJunction:
      return x[layout.head_unknown(n)];
    case NodeKind::kReservoir:
      return node.fixed_head_m;
    case NodeKind::kTank: {
      const int unknown = layout.level_unknown(n);
      const double level = fixed_levels_m.empty() ? x[unknown] : fixed_levels_m[unknown - layout.steady_size()];
      return node.elevation_m + level;
    }
  }
  return 0.0;
}

// ---------------------------------------------------------------------------------------------

SteadyEquations::SteadyEquations(const TankNetwork& network, std::vector<double> tank_levels_m, double time_s)
    : network_(network), layout_(network), tank_levels_m_(std::move(tank_levels_m)), time_s_(time_s) {}

bool SteadyEquations::Residual(std::span<const double> x, std::span<double> residual) const {
  NetworkResidual(network_, layout_, time_s_, x, tank_levels_m_, residual);
  return true;
}

void SteadyEquations::Jacobian(std::span<const double> x, SparseMatrix& jacobian) const {
  std::vector<SparseEntry> entries;
  NetworkJacobian(network_, layout_, x, entries);
  // the steady problem has no level unknowns: drop their columns
  std::erase_if(entries, [&](const SparseEntry& e) { return e.col() >= layout_.steady_size(); });
  jacobian.resize(size(), size());
  jacobian.setFromTriplets(entries.begin(), entries.end());
  jacobian.makeCompressed();
}

ElementRef SteadyEquations::EquationElement(int equation) const {
  return NetworkEquationElement(network_, layout_, equation);
}

// ---------------------------------------------------------------------------------------------

TransientEquations::TransientEquations(const TankNetwork& network) : network_(network), layout_(network) {}

bool TransientEquations::Residual(double time_s, std::span<const double> y, std::span<const double> yp,
                                  std::span<double> residual) const {
  NetworkResidual(network_, layout_, time_s, y, {}, residual);
  // tank rows: A dy/dt - net inflow
  for (int k = 0; k < layout_.tank_count(); ++k) {
    const int row = layout_.steady_size() + k;
    residual[row] = network_.nodes[layout_.tanks()[k]].area_m2 * yp[row];
  }
  const NetworkGraph& graph = network_.graph;
  for (LinkIndex p = 0; p < layout_.pipe_count(); ++p) {
    const double q = y[layout_.flow_unknown(p)];
    if (layout_.level_unknown(graph.link_to(p)) >= 0) residual[layout_.level_unknown(graph.link_to(p))] -= q;
    if (layout_.level_unknown(graph.link_from(p)) >= 0) residual[layout_.level_unknown(graph.link_from(p))] += q;
  }
  return true;
}

void TransientEquations::Jacobian(double, std::span<const double> y, std::span<const double>, double alpha,
                                  SparseMatrix& jacobian) const {
  std::vector<SparseEntry> entries;
  NetworkJacobian(network_, layout_, y, entries);
  const NetworkGraph& graph = network_.graph;
  for (int k = 0; k < layout_.tank_count(); ++k) {
    const int row = layout_.steady_size() + k;
    entries.emplace_back(row, row, alpha * network_.nodes[layout_.tanks()[k]].area_m2);
  }
  for (LinkIndex p = 0; p < layout_.pipe_count(); ++p) {
    const int column = layout_.flow_unknown(p);
    if (layout_.level_unknown(graph.link_to(p)) >= 0) entries.emplace_back(layout_.level_unknown(graph.link_to(p)), column, -1.0);
    if (layout_.level_unknown(graph.link_from(p)) >= 0) entries.emplace_back(layout_.level_unknown(graph.link_from(p)), column, 1.0);
  }
  jacobian.resize(size(), size());
  jacobian.setFromTriplets(entries.begin(), entries.end());
  jacobian.makeCompressed();
}

ElementRef TransientEquations::EquationElement(int equation) const {
  return NetworkEquationElement(network_, layout_, equation);
}

}  // namespace lifeline::tank_network
