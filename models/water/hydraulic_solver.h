// Steady hydraulics of a water network at one time: the global gradient
// method (Todini & Pilati 1988) as EPANET 2.3 runs it (hydsolver.c).
//
// Unknowns: head H_j at each junction, flow Q_l in each link. Fixed heads:
// reservoirs (elevation x head pattern) and tanks (elevation + level; the
// initial level for a snapshot). Each iteration linearises every link law
// h_l(Q) around the current flows, with gradient g_l = dh/dQ:
//   P_l = 1 / g_l,   Y_l = h_l(Q_l) / g_l
// and solves the symmetric positive definite system for the new heads
//   A H = F,  A_jj = sum P_l over links at j,  A_jk = -P_l for a link j-k,
//   F_j = sum(+-Y_l) + (net inflow - demand)_j + sum P_l H_fixed
// then updates the flows, Q_l <- Q_l - (Y_l - P_l (H_from - H_to)). Active
// PRVs/PSVs fix the head of their downstream/upstream node through a huge
// diagonal term (EPANET's CBIG); active FCVs become a demand/supply pair.
// Converged when sum |dQ| / sum |Q| <= ACCURACY and a final status check
// changes nothing; statuses of check valves, pumps, FCVs and links to tanks
// are revisited every CHECKFREQ iterations up to MAXCHECK, those of
// PRVs/PSVs every iteration (link_status.h), and junction-pressure controls
// at convergence.
//
// The sparse matrix pattern (one entry per junction pair joined by a link)
// and its fill-reducing ordering and symbolic Cholesky (LDL^T) analysis are
// built once per network and reused by every iteration and every solve.
//
// Before solving at time t, demands, reservoir heads and pump speeds follow
// their patterns, and the simple controls that fire at t (tank levels, AT
// TIME, AT CLOCKTIME) set link statuses, as EPANET does at each time step.
// Rule-based controls ([RULES]), emitters and pressure-driven demand are not
// simulated yet: a network with emitters or PDA is refused with an Error.
#pragma once

#include <Eigen/SparseCholesky>
#include <optional>
#include <vector>

#include "models/water/headloss.h"
#include "models/water/link_status.h"
#include "models/water/pump_curve.h"
#include "models/water/water_network.h"

namespace lifeline::water {

struct HydraulicSnapshot {
  double time_s = 0.0;
  std::vector<double> head_m;           // by NodeIndex
  std::vector<double> demand_m3_per_s;  // by NodeIndex: junction demand; tank/reservoir net inflow from the network (< 0 = supplying)
  std::vector<double> flow_m3_per_s;    // by LinkIndex, from -> to; 0 for closed links
  std::vector<double> head_loss_m;      // by LinkIndex: H_from - H_to (negative = head gain, pumps)
  std::vector<LinkState> status;        // by LinkIndex
  int iterations = 0;
  double relative_flow_change = 0.0;    // sum |dQ| / sum |Q| of the last iteration
  bool converged = false;               // relative_flow_change <= ACCURACY with stable statuses
};

class HydraulicSolver {
 public:
  // Checks what the solver supports and prepares the matrix; the network must
  // outlive the solver. Unsupported features are Errors naming the element.
  explicit HydraulicSolver(const WaterNetwork& network);
  ~HydraulicSolver();
  HydraulicSolver(const HydraulicSolver&) = delete;
  HydraulicSolver& operator=(const HydraulicSolver&) = delete;

  // Heads and flows at time_s with every tank at its initial level. A network
  // that does not converge returns converged = false (EPANET's "unbalanced");
  // with UNBALANCED STOP that is an Error.
  HydraulicSnapshot SolveSnapshot(double time_s = 0.0);

 private:
  struct Trial;
  void LinkCoefficients(Trial& trial) const;
  void AssembleMatrix(Trial& trial);
  void ValveCoefficients(Trial& trial);
  double UpdateFlows(Trial& trial) const;
  bool ValveStatusChanged(Trial& trial) const;
  bool LinkStatusChanged(Trial& trial) const;
  bool PressureSwitchChanged(Trial& trial) const;
  bool HasConverged(const Trial& trial, double relative_change) const;
  bool FixBadValve(Trial& trial, NodeIndex node) const;
  void ApplyPatternsAndControls(Trial& trial) const;
  HeadLossGradient OpenValveLoss(const Trial& trial, LinkIndex link, double minor_resistance) const;

  const WaterNetwork& network_;
  std::vector<int> row_of_node_;                // matrix row of each junction, -1 for fixed heads
  std::vector<NodeIndex> node_of_row_;
  std::vector<PipeHydraulics> pipe_;            // by LinkIndex (pipes only)
  std::vector<double> minor_resistance_;        // by LinkIndex (pipes and valves), s2/m5
  std::vector<std::optional<PumpCurve>> pump_;  // by LinkIndex
  std::vector<LinkIndex> valves_;               // valve links in file order
  std::vector<long> diagonal_entry_;            // by row: position in the matrix values
  std::vector<long> link_entry_;                // by LinkIndex: off-diagonal position, -1 if not junction-junction
  Eigen::SparseMatrix<double> matrix_;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower> factor_;
};

}  // namespace lifeline::water
