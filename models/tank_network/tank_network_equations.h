// Equations of the tank network, as a SteadyProblem (KINSOL) and a DaeProblem (IDA).
//
// Unknowns, in this order:
//   H_j   head at each junction (m)                      algebraic
//   Q_p   flow in each pipe, from -> to (m3/s)            algebraic
//   y_t   water level in each tank (m)                    differential (transient only)
// Heads at fixed nodes: reservoir H = head_m; tank H = elevation + y_t.
//
// Equations:
//   pipe p (i -> k):   H_i - H_k - r_p Q_p sqrt(Q_p^2 + q0^2) = 0
//   junction j:        sum(Q into j) - sum(Q out of j) - d_j(t) = 0
//   tank t:            A_t dy_t/dt - (sum(Q into t) - sum(Q out of t)) = 0
// The friction law r Q|Q| is smoothed by q0 = 1e-6 m3/s so that its derivative
// 2 r |Q| never vanishes at zero flow (changes heads by < r q0^2, far below mm).
#pragma once

#include <span>
#include <vector>

#include "engine/dae_solver.h"
#include "engine/steady_solver.h"
#include "models/tank_network/tank_network.h"

namespace lifeline::tank_network {

inline constexpr double kSmoothingFlow_m3_per_s = 1e-6;

// Where each unknown sits in the state vector.
class StateLayout {
 public:
  explicit StateLayout(const TankNetwork& network);
  int junction_count() const { return static_cast<int>(junctions_.size()); }
  int pipe_count() const { return pipe_count_; }
  int tank_count() const { return static_cast<int>(tanks_.size()); }
  int steady_size() const { return junction_count() + pipe_count(); }
  int transient_size() const { return steady_size() + tank_count(); }

  int head_unknown(NodeIndex n) const { return head_unknown_[n]; }  // -1 for fixed-head nodes
  int flow_unknown(LinkIndex p) const { return junction_count() + p; }
  int level_unknown(NodeIndex n) const { return level_unknown_[n]; }  // -1 unless a tank
  const std::vector<NodeIndex>& junctions() const { return junctions_; }
  const std::vector<NodeIndex>& tanks() const { return tanks_; }
  NodeIndex tank_of_level(int unknown) const { return tanks_[unknown - steady_size()]; }

 private:
  std::vector<NodeIndex> junctions_, tanks_;
  std::vector<int> head_unknown_, level_unknown_;
  int pipe_count_ = 0;
};

// Head at node n given the unknowns (transient layout when levels are in x,
// else the tank levels in fixed_levels_m).
double NodeHead_m(const TankNetwork& network, const StateLayout& layout, NodeIndex n,
                  std::span<const double> x, std::span<const double> fixed_levels_m);

// Steady state with tank levels held: unknowns H_j, Q_p.
class SteadyEquations : public SteadyProblem {
 public:
  SteadyEquations(const TankNetwork& network, std::vector<double> tank_levels_m, double time_s);
  int size() const override { return layout_.steady_size(); }
  bool Residual(std::span<const double> x, std::span<double> residual) const override;
  void Jacobian(std::span<const double> x, SparseMatrix& jacobian) const override;
  ElementRef EquationElement(int equation) const override;
  const StateLayout& layout() const { return layout_; }

 private:
  const TankNetwork& network_;
  StateLayout layout_;
  std::vector<double> tank_levels_m_;  // by position in layout().tanks()
  double time_s_;
};

// Extended period: unknowns H_j, Q_p, y_t.
class TransientEquations : public DaeProblem {
 public:
  explicit TransientEquations(const TankNetwork& network);
  int size() const override { return layout_.transient_size(); }
  bool Residual(double time_s, std::span<const double> y, std::span<const double> yp,
                std::span<double> residual) const override;
  void Jacobian(double time_s, std::span<const double> y, std::span<const double> yp, double alpha,
                SparseMatrix& jacobian) const override;
  bool IsDifferential(int unknown) const override { return unknown >= layout_.steady_size(); }
  ElementRef EquationElement(int equation) const override;
  const StateLayout& layout() const { return layout_; }

 private:
  const TankNetwork& network_;
  StateLayout layout_;
};

}  // namespace lifeline::tank_network
