// Transient isothermal gas flow in one pipe (line-pack), method of lines + IDA.
//
// Isothermal Euler equations without the convective term, ideal gas
// p = rho a^2 (a = sqrt(R T) the isothermal sound speed), mass flow m, area A:
//   (A / a^2) dp/dt + dm/dx = 0
//   dm/dt + A dp/dx + lambda a^2 m|m| / (2 D A p) = 0
// Staggered grid of N cells (dx = L/N): pressures at the nodes x_i = i dx
// (p_0 is the inlet boundary), mass flows at the faces x_(i+1/2):
//   node i = 1..N-1:  (A dx / a^2) p_i' = m_(i-1/2) - m_(i+1/2)
//   node N (outlet):  (A dx / (2 a^2)) p_N' = m_(N-1/2) - w(t)
//   face i+1/2:       m' = -A (p_(i+1) - p_i)/dx - lambda a^2 m|m| / (2 D A (p_i + p_(i+1))/2)
// Boundary conditions: inlet pressure p_0(t) (a slack) and outlet withdrawal
// w(t), both time series. Every unknown is differential; IDA (BDF, error
// control, KLU) integrates them, stopping at the boundary series' breakpoints.
#pragma once

#include <vector>

#include "engine/dae_solver.h"
#include "engine/time_series.h"

namespace lifeline::gas {

struct PipeTransientSpec {
  double length_m = 0.0;
  double diameter_m = 0.0;
  double friction_factor = 0.0;          // Darcy lambda
  double sound_speed_m_per_s = 0.0;      // a = sqrt(R T)
  int cells = 100;                       // N
  TimeSeries inlet_pressure_Pa;          // p_0(t), absolute
  TimeSeries outlet_withdrawal_kg_per_s; // w(t)
};

// One snapshot: pressure and mass flow at the nodes x_i = i dx (flows at the
// nodes are the mean of the neighbouring faces; w(t) at the outlet; the inlet
// extrapolated from the first two faces).
struct PipeSnapshot {
  double time_s = 0.0;
  std::vector<double> pressure_Pa;        // N+1 values
  std::vector<double> mass_flow_kg_per_s; // N+1 values
};

// The equations above as a DaeProblem. Unknowns: p_1..p_N, then m_(1/2)..m_(N-1/2).
class PipeTransientEquations : public DaeProblem {
 public:
  explicit PipeTransientEquations(const PipeTransientSpec& spec);
  int size() const override { return 2 * n_; }
  bool IsDifferential(int) const override { return true; }
  ElementRef EquationElement(int equation) const override;
  bool Residual(double time_s, std::span<const double> y, std::span<const double> yp,
                std::span<double> residual) const override;
  void Jacobian(double time_s, std::span<const double> y, std::span<const double> yp, double alpha,
                SparseMatrix& jacobian) const override;
  // Node pressures and flows at time_s from the unknowns.
  PipeSnapshot Snapshot(double time_s, std::span<const double> y) const;

 private:
  double Pressure(double time_s, std::span<const double> y, int i) const;  // p_i, i = 0..N

  const PipeTransientSpec& spec_;
  int n_;
  double dx_, area_, a2_;
};

// Starts from rest at the inlet pressure at t = 0 (uniform pressure, no flow)
// and returns a snapshot at each output time (ascending, > 0).
std::vector<PipeSnapshot> SimulatePipeTransient(const PipeTransientSpec& spec, const std::vector<double>& output_times_s,
                                                const DaeOptions& options = {});

}  // namespace lifeline::gas
