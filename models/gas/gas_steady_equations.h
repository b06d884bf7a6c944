// Steady isothermal gas flow as a SteadyProblem for KINSOL (engine/steady_solver.h).
//
// Unknowns, in this order (scaled so one tolerance means something for both):
//   p_j   absolute pressure of each junction without an external grid, in bar
//   m_l   mass flow in each link, from -> to, in kg/s
// Equations (pressures in Pa below; the link rows are divided by 1e5 Pa/bar):
//   junction j:    sum(m into j) - sum(m out of j) - sink_j - m_leak(p_j) = 0          [kg/s]
//   pipe, open valve (1 -> 2):
//       p1 - p2 - G Z(pm) (lambda L/d + zeta) m|m| / (p1 + p2) - rho_m g (h2 - h1) = 0
//     that is p1^2 - p2^2 = (lambda L/d + zeta) rho_n p_n (T/T_n) Z w_n^2 (w_n = m/(rho_n A))
//     with G = p_n T / (rho_n T_n A^2), T the mean of the end temperatures,
//     pm = 2/3 (p1^3 - p2^3)/(p1^2 - p2^2) = 2 (p1^2 + p1 p2 + p2^2) / (3 (p1 + p2)),
//     rho_m = rho_n T_n (p1 + p2) / (2 p_n T Z(pm)) for the height term (pandapipes/STANET)
//   pump (1 -> 2): p1 - p2 + dp(Q) - rho_m g (h2 - h1) = 0,
//     Q = m / rho((p1 + p2)/2, T) the volume flow at the mean pressure (as STANET), dp the pump curve
//   regulator (active): p2 - p_set = 0
//   compressor (running): p2 - r p1 = 0, r its compression ratio
//   closed valve, shut regulator, and any link of a part cut off from every external grid:  m = 0
// A junction with no open path to an external grid is not an unknown: it sits
// at the ambient pressure (gauge 0) with no flow; one with a sink, a source or
// a hole there is an Error naming it.
// The Jacobian is analytic and its pattern depends only on the network.
#pragma once

#include <span>
#include <vector>

#include "engine/steady_solver.h"
#include "models/gas/gas_network.h"

namespace lifeline::gas {

inline constexpr double kPascalPerUnknown = 1e5;  // pressure unknowns are in bar

// Where each unknown sits in the state vector.
class GasStateLayout {
 public:
  explicit GasStateLayout(const GasNetwork& network);
  int free_junction_count() const { return static_cast<int>(free_junctions_.size()); }
  int link_count() const { return link_count_; }
  int size() const { return free_junction_count() + link_count(); }
  int pressure_unknown(NodeIndex n) const { return pressure_unknown_[n]; }  // -1: external grid or cut off
  int flow_unknown(LinkIndex l) const { return free_junction_count() + l; }
  const std::vector<NodeIndex>& free_junctions() const { return free_junctions_; }
  bool supplied(NodeIndex n) const { return supplied_[n]; }    // an open path to an external grid
  bool carries_flow(LinkIndex l) const { return carries_flow_[l]; }  // open and supplied

 private:
  std::vector<NodeIndex> free_junctions_;
  std::vector<int> pressure_unknown_;
  std::vector<bool> supplied_, carries_flow_;
  int link_count_ = 0;
};

// A link equation's value (Pa, or kg/s for a closed valve) and its partial derivatives.
struct LinkEquation {
  double value = 0.0;
  double d_from_pressure = 0.0;  // per Pa
  double d_to_pressure = 0.0;    // per Pa
  double d_mass_flow = 0.0;      // per kg/s
};

class GasSteadyEquations : public SteadyProblem {
 public:
  explicit GasSteadyEquations(const GasNetwork& network);
  int size() const override { return layout_.size(); }
  bool Residual(std::span<const double> x, std::span<double> residual) const override;
  void Jacobian(std::span<const double> x, SparseMatrix& jacobian) const override;
  ElementRef EquationElement(int equation) const override;

  const GasStateLayout& layout() const { return layout_; }
  // Absolute pressure of junction n from the unknowns (ambient where cut off), Pa.
  double Pressure_Pa(NodeIndex n, std::span<const double> x) const;
  // Link l's equation at the given end pressures (Pa) and mass flow.
  LinkEquation EvaluateLink(LinkIndex l, double from_pressure_Pa, double to_pressure_Pa,
                            double mass_flow_kg_per_s) const;

 private:
  const GasNetwork& network_;
  GasStateLayout layout_;
};

// Mean pressure of an isothermal pipe, 2/3 (p1^3 - p2^3)/(p1^2 - p2^2), Pa.
double MeanPipePressure_Pa(double from_pressure_Pa, double to_pressure_Pa);

}  // namespace lifeline::gas
