// Steady hydraulics of a heating network as a SteadyProblem (KINSOL + KLU).
//
// Unknowns: static gauge pressure p_j (Pa) at every junction whose pressure is
// not held (by an ext grid or a circulation pump's flow side), and the mass
// flow m_l (kg/s, from -> to) in every pipe and heat exchanger. Circulation
// pumps and substations hold their mass flow: a withdrawal at their from-end
// and an injection at their to-end.
//
//   link l (i -> k):  [p_i - p_k + rho_l g (h_i - h_k) - (lambda L/d + zeta) m|m| / (2 rho_l A^2) + lift] / 1e5 = 0
//   junction j:       sum(m in) - sum(m out) - withdrawal_j - leak_j(p_j) = 0
// (link rows in bar so that one tolerance fits both kinds of row.) lambda
// follows the network's friction model (engine/pipe_friction.h); heat
// exchangers and open valves have only their zeta; a pressure pump adds its
// lift and holds its flow junction. Each link has its own density rho_l and viscosity
// (the fluid's constants, or water at the link's temperature: SetLinkFluid).
#pragma once

#include <vector>

#include "engine/steady_solver.h"
#include "models/heating/heating_network.h"

namespace lifeline::heating {

inline constexpr double kPascalPerResidualUnit = 1e5;  // link rows are written in bar

class HydraulicEquations : public SteadyProblem {
 public:
  explicit HydraulicEquations(const HeatingNetwork& network);

  int size() const override { return static_cast<int>(pressure_unknown_count_ + flow_links_.size()); }
  bool Residual(std::span<const double> x, std::span<double> residual) const override;
  void Jacobian(std::span<const double> x, SparseMatrix& jacobian) const override;
  ElementRef EquationElement(int equation) const override;

  // Where unknowns sit: -1 for a held pressure / a fixed-flow link.
  int pressure_unknown(NodeIndex j) const { return pressure_unknown_[j]; }
  int flow_unknown(LinkIndex l) const { return flow_unknown_[l]; }
  // The held pressure at a junction (only valid where pressure_unknown(j) < 0).
  double held_pressure_Pa(NodeIndex j) const { return held_pressure_Pa_[j]; }
  // Density and viscosity of the water in each link (by LinkIndex).
  void SetLinkFluid(std::vector<double> density_kg_per_m3, std::vector<double> viscosity_Pa_s);

  // A starting point: held pressures plus hydrostatics, small flows.
  std::vector<double> InitialGuess() const;

 private:
  double Pressure(std::span<const double> x, NodeIndex j) const;
  double LossCoefficient(LinkIndex l, double m, double& derivative) const;

  const HeatingNetwork& network_;
  std::vector<int> pressure_unknown_, flow_unknown_;
  std::vector<double> held_pressure_Pa_;
  std::vector<NodeIndex> free_junctions_;  // by pressure unknown
  std::vector<LinkIndex> flow_links_;      // by flow unknown (after the pressures)
  std::vector<double> fixed_withdrawal_kg_per_s_;
  std::vector<double> link_density_kg_per_m3_, link_viscosity_Pa_s_;
  size_t pressure_unknown_count_ = 0;
};

}  // namespace lifeline::heating
