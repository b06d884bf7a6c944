// The gradient method of EPANET 2.3 (see hydraulic_solver.h).
#include "models/water/hydraulic_solver.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "engine/units.h"
#include "models/water/hydraulic_constants.h"

namespace lifeline::water {
namespace {

bool IsValve(LinkKind kind) {
  return kind != LinkKind::kPipe && kind != LinkKind::kCheckValvePipe && kind != LinkKind::kPump;
}

// EPANET's status of a link at the start of a run (inithyd).
LinkState InitialState(const Link& link) {
  if (link.initial_status == InitialStatus::kClosed) return LinkState::kClosed;
  const bool regulating = link.kind == LinkKind::kPrv || link.kind == LinkKind::kPsv || link.kind == LinkKind::kFcv;
  if (regulating && link.valve_setting) return LinkState::kActive;
  if (link.initial_status == InitialStatus::kActive) return LinkState::kActive;
  return LinkState::kOpen;
}

LinkState StateOf(InitialStatus status) {
  switch (status) {
    case InitialStatus::kOpen: return LinkState::kOpen;
    case InitialStatus::kClosed: return LinkState::kClosed;
    case InitialStatus::kActive: return LinkState::kActive;
  }
  return LinkState::kOpen;
}

}  // namespace

// The state of one solve: heads, flows, statuses and the linear system.
struct HydraulicSolver::Trial {
  double time_s = 0.0;
  std::vector<double> head_m;                   // by node
  std::vector<double> flow;                     // by link, m3/s
  std::vector<LinkState> status;                // by link
  std::vector<std::optional<double>> setting;   // pump speed or valve setting; nullopt = fixed status
  std::vector<double> p, y;                     // by link: 1/gradient and head loss/gradient
  std::vector<double> excess;                   // by node: net inflow minus demand (EPANET Xflow)
  std::vector<double> rhs;                      // by row
  std::vector<double> demand;                   // by node: junction demand; fixed-head net inflow
  double relax = 1.0;
  double max_flow_change = 0.0;
};

HydraulicSolver::HydraulicSolver(const WaterNetwork& network) : network_(network) {
  const NetworkGraph& graph = network.graph;
  const int node_count = graph.node_count(), link_count = graph.link_count();
  if (network.options.demand_model != "DDA") {
    throw Error(fmt::format("{}: DEMAND MODEL {} is not simulated yet (demand-driven only)", network.source,
                            network.options.demand_model));
  }
  row_of_node_.assign(node_count, -1);
  for (NodeIndex n = 0; n < node_count; ++n) {
    if (network.nodes[n].kind != NodeKind::kJunction) continue;
    if (network.nodes[n].emitter_coefficient > 0.0) {
      throw Error::AtElement(kSystem, graph.node(n).id, "emitters are not simulated yet");
    }
    row_of_node_[n] = static_cast<int>(node_of_row_.size());
    node_of_row_.push_back(n);
  }
  if (node_of_row_.empty()) throw Error(fmt::format("{}: the network has no junctions", network.source));

  pipe_.resize(link_count);
  minor_resistance_.assign(link_count, 0.0);
  pump_.resize(link_count);
  for (LinkIndex l = 0; l < link_count; ++l) {
    const Link& link = network.links[l];
    if (link.kind == LinkKind::kPump) {
      pump_[l] = FitPumpCurve(network, l);
      continue;
    }
    minor_resistance_[l] = MinorLossResistance_s2_per_m5(link.minor_loss_coefficient, link.diameter_m);
    if (IsValve(link.kind)) {
      valves_.push_back(l);
      const bool regulating = link.kind == LinkKind::kPrv || link.kind == LinkKind::kPsv || link.kind == LinkKind::kFcv;
      if (regulating && (row_of_node_[graph.link_from(l)] < 0 || row_of_node_[graph.link_to(l)] < 0)) {
        throw Error::AtElement(kSystem, graph.link(l).id, "a PRV, PSV or FCV cannot be connected to a tank or reservoir");
      }
      continue;
    }
    pipe_[l] = {network.options.headloss,
                PipeResistance(network.options.headloss, graph.link(l).length_m, link.diameter_m, link.roughness),
                minor_resistance_[l], link.diameter_m, link.roughness};
  }

  // matrix pattern: the lower triangle, a diagonal per junction and an entry per junction pair
  std::vector<Eigen::Triplet<double>> pattern;
  for (int row = 0; row < static_cast<int>(node_of_row_.size()); ++row) pattern.emplace_back(row, row, 0.0);
  for (LinkIndex l = 0; l < link_count; ++l) {
    const int a = row_of_node_[graph.link_from(l)], b = row_of_node_[graph.link_to(l)];
    if (a >= 0 && b >= 0) pattern.emplace_back(std::max(a, b), std::min(a, b), 0.0);
  }
  const auto rows = static_cast<Eigen::Index>(node_of_row_.size());
  matrix_.resize(rows, rows);
  matrix_.setFromTriplets(pattern.begin(), pattern.end());
  matrix_.makeCompressed();
  const auto entry = [&](int row, int col) {
    const int* inner = matrix_.innerIndexPtr();
    const int* begin = inner + matrix_.outerIndexPtr()[col];
    const int* end = inner + matrix_.outerIndexPtr()[col + 1];
    return static_cast<long>(std::lower_bound(begin, end, row) - inner);
  };
  diagonal_entry_.resize(node_of_row_.size());
  for (int row = 0; row < static_cast<int>(node_of_row_.size()); ++row) diagonal_entry_[row] = entry(row, row);
  link_entry_.assign(link_count, -1);
  for (LinkIndex l = 0; l < link_count; ++l) {
    const int a = row_of_node_[graph.link_from(l)], b = row_of_node_[graph.link_to(l)];
    if (a >= 0 && b >= 0) link_entry_[l] = entry(std::max(a, b), std::min(a, b));
  }
  factor_.analyzePattern(matrix_);
}

HydraulicSolver::~HydraulicSolver() = default;

// Demands, reservoir heads and pump speeds at the trial's time, then the
// simple controls that fire then (EPANET's demands() and controls()).
void HydraulicSolver::ApplyPatternsAndControls(Trial& trial) const {
  const double t = trial.time_s;
  for (NodeIndex n = 0; n < network_.graph.node_count(); ++n) {
    const Node& node = network_.nodes[n];
    if (node.kind == NodeKind::kJunction) trial.demand[n] = network_.JunctionDemandAt_m3_per_s(n, t);
    if (node.kind == NodeKind::kReservoir) trial.head_m[n] = network_.ReservoirHeadAt_m(n, t);
  }
  for (LinkIndex l = 0; l < network_.graph.link_count(); ++l) {
    const Link& link = network_.links[l];
    if (link.kind != LinkKind::kPump || link.speed_pattern < 0) continue;
    const double speed = network_.patterns[link.speed_pattern].ValueAt(t);
    trial.setting[l] = speed;
    if (speed > 0.0 && IsClosed(trial.status[l])) trial.status[l] = LinkState::kOpen;
    if (speed == 0.0 && !IsClosed(trial.status[l])) trial.status[l] = LinkState::kClosed;
  }
  const double time_of_day_s = std::fmod(t + network_.times.start_clock_time_s, units::kSecondsPerDay);
  for (const Control& control : network_.controls) {
    bool fires = false;
    switch (control.condition) {
      case Control::Condition::kNodeBelow:
      case Control::Condition::kNodeAbove: {
        if (network_.nodes[control.node].kind == NodeKind::kJunction) break;  // pressure switch, see below
        const double head_m = trial.head_m[control.node];
        fires = control.condition == Control::Condition::kNodeBelow ? head_m <= control.threshold_head_m
                                                                     : head_m >= control.threshold_head_m;
        break;
      }
      case Control::Condition::kAtTime: fires = control.time_s == t; break;
      case Control::Condition::kAtClockTime: fires = control.time_s == time_of_day_s; break;
    }
    if (!fires) continue;
    const LinkIndex l = control.link;
    const LinkState s1 = IsClosed(trial.status[l]) ? LinkState::kClosed : LinkState::kOpen;
    const LinkState s2 = StateOf(control.status);
    const std::optional<double> k1 = trial.setting[l];
    const std::optional<double> k2 = network_.links[l].kind == LinkKind::kPipe ||
                                             network_.links[l].kind == LinkKind::kCheckValvePipe
                                         ? k1
                                         : control.setting;
    if (s1 != s2 || k1 != k2) {
      trial.status[l] = s2;
      trial.setting[l] = k2;
    }
  }
}

HeadLossGradient HydraulicSolver::OpenValveLoss(const Trial& trial, LinkIndex l, double minor_resistance) const {
  const double flow = trial.flow[l];
  if (IsClosed(trial.status[l])) return {kBigGradient_s_per_m2 * flow, kBigGradient_s_per_m2};
  if (minor_resistance > 0.0) {
    double hgrad = 2.0 * minor_resistance * std::abs(flow);
    if (hgrad < kMinGradient_s_per_m2) {
      hgrad = kMinGradient_s_per_m2 / 2.0;
      return {flow * hgrad, hgrad};
    }
    return {flow * hgrad / 2.0, hgrad};
  }
  return {kSmallGradient_s_per_m2 * flow, kSmallGradient_s_per_m2};
}

// P and Y of every link (EPANET's headlosscoeffs).
void HydraulicSolver::LinkCoefficients(Trial& trial) const {
  const auto set = [&](LinkIndex l, const HeadLossGradient& loss) {
    trial.p[l] = 1.0 / loss.gradient_s_per_m2;
    trial.y[l] = loss.head_loss_m / loss.gradient_s_per_m2;
  };
  for (LinkIndex l = 0; l < network_.graph.link_count(); ++l) {
    const Link& link = network_.links[l];
    const double flow = trial.flow[l];
    const std::optional<double>& setting = trial.setting[l];
    switch (link.kind) {
      case LinkKind::kPipe:
      case LinkKind::kCheckValvePipe:
        if (IsClosed(trial.status[l])) set(l, {kBigGradient_s_per_m2 * flow, kBigGradient_s_per_m2});
        else set(l, PipeHeadLoss(pipe_[l], network_.options.kinematic_viscosity_m2_per_s, flow));
        break;
      case LinkKind::kPump:
        if (IsClosed(trial.status[l]) || *setting == 0.0) set(l, {kBigGradient_s_per_m2 * flow, kBigGradient_s_per_m2});
        else set(l, PumpHeadLoss(*pump_[l], *setting, flow));
        break;
      case LinkKind::kPbv:
        if (!setting || *setting == 0.0 || minor_resistance_[l] * flow * flow > *setting) {
          set(l, OpenValveLoss(trial, l, minor_resistance_[l]));
        } else {
          // hold the head drop at the setting
          trial.p[l] = kBigConductance_m2_per_s;
          trial.y[l] = *setting * kBigConductance_m2_per_s;
        }
        break;
      case LinkKind::kTcv:
        set(l, OpenValveLoss(trial, l,
                             setting ? MinorLossResistance_s2_per_m5(*setting, link.diameter_m) : minor_resistance_[l]));
        break;
      case LinkKind::kGpv: {
        if (trial.status[l] == LinkState::kClosed) {
          set(l, OpenValveLoss(trial, l, minor_resistance_[l]));
          break;
        }
        const Curve& curve = network_.curves[static_cast<size_t>(std::lround(*link.valve_setting))];
        const double q = std::max(std::abs(flow), kTinyFlow_m3_per_s);
        size_t k2 = 0;
        while (k2 < curve.x.size() && curve.x[k2] < q) ++k2;
        if (k2 == 0) ++k2;
        else if (k2 == curve.x.size()) --k2;
        const double r_raw = (curve.y[k2] - curve.y[k2 - 1]) / (curve.x[k2] - curve.x[k2 - 1]);
        const double h0 = curve.y[k2 - 1] - r_raw * curve.x[k2 - 1];
        const double r = std::max(r_raw, kTinyGradient_s_per_m2);
        trial.p[l] = 1.0 / r;
        trial.y[l] = (h0 / r + q) * (flow < 0.0 ? -1.0 : 1.0);
        break;
      }
      case LinkKind::kPrv:
      case LinkKind::kPsv:
      case LinkKind::kFcv:
        if (!setting) set(l, OpenValveLoss(trial, l, minor_resistance_[l]));
        else trial.p[l] = 0.0;  // handled by ValveCoefficients
        break;
    }
  }
}

// A and F from links, demands and regulating valves (EPANET's matrixcoeffs).
void HydraulicSolver::AssembleMatrix(Trial& trial) {
  const NetworkGraph& graph = network_.graph;
  double* values = matrix_.valuePtr();
  std::fill(values, values + matrix_.nonZeros(), 0.0);
  std::fill(trial.excess.begin(), trial.excess.end(), 0.0);
  std::fill(trial.rhs.begin(), trial.rhs.end(), 0.0);
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const double p = trial.p[l];
    if (p == 0.0) continue;
    const NodeIndex n1 = graph.link_from(l), n2 = graph.link_to(l);
    const int i = row_of_node_[n1], j = row_of_node_[n2];
    trial.excess[n1] -= trial.flow[l];
    trial.excess[n2] += trial.flow[l];
    if (link_entry_[l] >= 0) values[link_entry_[l]] -= p;
    if (i >= 0) {
      values[diagonal_entry_[i]] += p;
      trial.rhs[i] += trial.y[l];
    } else if (j >= 0) {
      trial.rhs[j] += p * trial.head_m[n1];
    }
    if (j >= 0) {
      values[diagonal_entry_[j]] += p;
      trial.rhs[j] -= trial.y[l];
    } else if (i >= 0) {
      trial.rhs[i] += p * trial.head_m[n2];
    }
  }
  for (size_t row = 0; row < node_of_row_.size(); ++row) {
    const NodeIndex n = node_of_row_[row];
    trial.excess[n] -= trial.demand[n];
    trial.rhs[row] += trial.excess[n];
  }
  ValveCoefficients(trial);
}

// PRVs, PSVs and FCVs with a setting (EPANET's valvecoeffs).
void HydraulicSolver::ValveCoefficients(Trial& trial) {
  const NetworkGraph& graph = network_.graph;
  double* values = matrix_.valuePtr();
  for (const LinkIndex l : valves_) {
    const LinkKind kind = network_.links[l].kind;
    if (!trial.setting[l] || (kind != LinkKind::kPrv && kind != LinkKind::kPsv && kind != LinkKind::kFcv)) continue;
    const double setting = *trial.setting[l];
    const NodeIndex n1 = graph.link_from(l), n2 = graph.link_to(l);
    const int i = row_of_node_[n1], j = row_of_node_[n2];
    const double flow = trial.flow[l];
    if (trial.status[l] == LinkState::kActive) {
      if (kind == LinkKind::kPrv) {
        // pin the downstream head at elevation + setting, pass the downstream excess
        trial.p[l] = 0.0;
        trial.y[l] = flow + trial.excess[n2];
        trial.rhs[j] += (network_.nodes[n2].elevation_m + setting) * kBigConductance_m2_per_s;
        values[diagonal_entry_[j]] += kBigConductance_m2_per_s;
        if (trial.excess[n2] < 0.0) trial.rhs[i] += trial.excess[n2];
        continue;
      }
      if (kind == LinkKind::kPsv) {
        // pin the upstream head, pass the upstream excess on
        trial.p[l] = 0.0;
        trial.y[l] = flow - trial.excess[n1];
        trial.rhs[i] += (network_.nodes[n1].elevation_m + setting) * kBigConductance_m2_per_s;
        values[diagonal_entry_[i]] += kBigConductance_m2_per_s;
        if (trial.excess[n1] > 0.0) trial.rhs[j] += trial.excess[n1];
        values[link_entry_[l]] -= 1.0 / kBigGradient_s_per_m2;  // keep the two sides connected
        values[diagonal_entry_[j]] += 1.0 / kBigGradient_s_per_m2;
        continue;
      }
      // FCV: the setting becomes a demand upstream and a supply downstream
      trial.excess[n1] -= setting;
      trial.excess[n2] += setting;
      trial.y[l] = flow - setting;
      trial.rhs[i] -= setting;
      trial.rhs[j] += setting;
      trial.p[l] = 1.0 / kBigGradient_s_per_m2;
    } else {
      const HeadLossGradient loss = OpenValveLoss(trial, l, minor_resistance_[l]);
      trial.p[l] = 1.0 / loss.gradient_s_per_m2;
      trial.y[l] = loss.head_loss_m / loss.gradient_s_per_m2;
      trial.rhs[i] += trial.y[l] - flow;
      trial.rhs[j] -= trial.y[l] - flow;
    }
    values[link_entry_[l]] -= trial.p[l];
    values[diagonal_entry_[i]] += trial.p[l];
    values[diagonal_entry_[j]] += trial.p[l];
  }
}

// New flows from the new heads; returns sum |dQ| / sum |Q| (EPANET's newflows).
double HydraulicSolver::UpdateFlows(Trial& trial) const {
  const NetworkGraph& graph = network_.graph;
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    if (row_of_node_[n] < 0) trial.demand[n] = 0.0;
  }
  double qsum = 0.0, dqsum = 0.0;
  trial.max_flow_change = 0.0;
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const NodeIndex n1 = graph.link_from(l), n2 = graph.link_to(l);
    const double dh = trial.head_m[n1] - trial.head_m[n2];
    double dq = (trial.y[l] - trial.p[l] * dh) * trial.relax;
    if (pump_[l] && pump_[l]->type == PumpCurve::Type::kConstantPower && dq > trial.flow[l]) {
      dq = trial.flow[l] / 2.0;  // keep constant-power pump flow positive
    }
    trial.flow[l] -= dq;
    qsum += std::abs(trial.flow[l]);
    dqsum += std::abs(dq);
    trial.max_flow_change = std::max(trial.max_flow_change, std::abs(dq));
    if (!IsClosed(trial.status[l])) {
      if (row_of_node_[n1] < 0) trial.demand[n1] -= trial.flow[l];
      if (row_of_node_[n2] < 0) trial.demand[n2] += trial.flow[l];
    }
  }
  // EPANET compares the total flow with ACCURACY in cfs
  const double qsum_cfs = qsum / kCfs_m3_per_s, dqsum_cfs = dqsum / kCfs_m3_per_s;
  return qsum_cfs > network_.options.accuracy ? dqsum_cfs / qsum_cfs : dqsum_cfs;
}

bool HydraulicSolver::ValveStatusChanged(Trial& trial) const {
  const NetworkGraph& graph = network_.graph;
  bool change = false;
  for (const LinkIndex l : valves_) {
    const LinkKind kind = network_.links[l].kind;
    if (!trial.setting[l] || (kind != LinkKind::kPrv && kind != LinkKind::kPsv)) continue;
    const NodeIndex n1 = graph.link_from(l), n2 = graph.link_to(l);
    const LinkState before = trial.status[l];
    if (kind == LinkKind::kPrv) {
      const double hset = network_.nodes[n2].elevation_m + *trial.setting[l];
      trial.status[l] = PrvStatus(before, hset, trial.head_m[n1], trial.head_m[n2], trial.flow[l], minor_resistance_[l]);
    } else {
      const double hset = network_.nodes[n1].elevation_m + *trial.setting[l];
      trial.status[l] = PsvStatus(before, hset, trial.head_m[n1], trial.head_m[n2], trial.flow[l], minor_resistance_[l]);
    }
    change = change || trial.status[l] != before;
  }
  return change;
}

// Check valves, pumps, FCVs and links at full or empty tanks (EPANET's linkstatus).
bool HydraulicSolver::LinkStatusChanged(Trial& trial) const {
  const NetworkGraph& graph = network_.graph;
  bool change = false;
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const Link& link = network_.links[l];
    const NodeIndex n1 = graph.link_from(l), n2 = graph.link_to(l);
    const double dh = trial.head_m[n1] - trial.head_m[n2];
    const LinkState before = trial.status[l];
    LinkState& status = trial.status[l];
    if (status == LinkState::kClosedForHead || status == LinkState::kTempClosed) status = LinkState::kOpen;
    if (link.kind == LinkKind::kCheckValvePipe) status = CheckValveStatus(status, dh, trial.flow[l]);
    if (link.kind == LinkKind::kPump && status >= LinkState::kOpen && *trial.setting[l] > 0.0) {
      const double speed = *trial.setting[l];
      status = PumpStatus(-dh, speed * speed * pump_[l]->max_head_m,
                          pump_[l]->type == PumpCurve::Type::kConstantPower, trial.flow[l]);
    }
    if (link.kind == LinkKind::kFcv && trial.setting[l]) {
      status = FcvStatus(before, trial.head_m[n1], trial.head_m[n2], trial.flow[l], *trial.setting[l]);
    }
    const bool tank1 = network_.nodes[n1].kind == NodeKind::kTank, tank2 = network_.nodes[n2].kind == NodeKind::kTank;
    if ((tank1 != tank2) && !IsClosed(status)) {
      // the tank as "t", the other end as "o"; q is the flow out of the tank
      const NodeIndex t = tank1 ? n1 : n2, o = tank1 ? n2 : n1;
      const double q = tank1 ? trial.flow[l] : -trial.flow[l];
      const double h = trial.head_m[t] - trial.head_m[o];
      const Node& tank = network_.nodes[t];
      if (trial.head_m[t] >= tank.elevation_m + tank.max_level_m - kHeadTolerance_m && !tank.can_overflow) {
        if (link.kind == LinkKind::kPump) {
          if (n2 == t) status = LinkState::kTempClosed;
        } else if (CheckValveStatus(LinkState::kOpen, h, q) == LinkState::kClosed) {
          status = LinkState::kTempClosed;
        }
      }
      if (trial.head_m[t] <= tank.elevation_m + tank.min_level_m + kHeadTolerance_m) {
        if (link.kind == LinkKind::kPump) {
          if (n1 == t) status = LinkState::kTempClosed;
        } else if (CheckValveStatus(LinkState::kClosed, h, q) == LinkState::kOpen) {
          status = LinkState::kTempClosed;
        }
      }
    }
    change = change || status != before;
  }
  return change;
}

// Controls on junction pressures, checked at convergence (EPANET's pswitch).
bool HydraulicSolver::PressureSwitchChanged(Trial& trial) const {
  bool any = false;
  for (const Control& control : network_.controls) {
    if (control.condition != Control::Condition::kNodeBelow && control.condition != Control::Condition::kNodeAbove) continue;
    if (network_.nodes[control.node].kind != NodeKind::kJunction) continue;
    const double head_m = trial.head_m[control.node];
    const bool fires = control.condition == Control::Condition::kNodeBelow
                           ? head_m <= control.threshold_head_m + kHeadTolerance_m
                           : head_m >= control.threshold_head_m - kHeadTolerance_m;
    if (!fires) continue;
    const LinkIndex l = control.link;
    const LinkKind kind = network_.links[l].kind;
    const LinkState target = StateOf(control.status);
    bool change = false;
    if (kind == LinkKind::kPipe) change = trial.status[l] != target;
    if (kind == LinkKind::kPump) change = trial.setting[l] != control.setting;
    if (IsValve(kind)) {
      change = trial.setting[l] != control.setting || (!trial.setting[l] && trial.status[l] != target);
    }
    if (change) {
      trial.status[l] = target;
      if (kind != LinkKind::kPipe && kind != LinkKind::kCheckValvePipe) trial.setting[l] = control.setting;
      any = true;
    }
  }
  return any;
}

bool HydraulicSolver::HasConverged(const Trial& trial, double relative_change) const {
  const Options& options = network_.options;
  if (relative_change > options.accuracy) return false;
  if (options.flow_change_limit_m3_per_s > 0.0 && trial.max_flow_change > options.flow_change_limit_m3_per_s) {
    return false;
  }
  if (options.head_error_limit_m > 0.0) {
    const NetworkGraph& graph = network_.graph;
    for (LinkIndex l = 0; l < graph.link_count(); ++l) {
      if (IsClosed(trial.status[l]) || trial.p[l] == 0.0) continue;
      const double dh = trial.head_m[graph.link_from(l)] - trial.head_m[graph.link_to(l)];
      if (std::abs(dh - trial.y[l] / trial.p[l]) > options.head_error_limit_m) return false;
    }
  }
  return true;
}

// A singular matrix at a node of an active PRV/PSV/FCV: open that valve (EPANET's badvalve).
bool HydraulicSolver::FixBadValve(Trial& trial, NodeIndex node) const {
  const NetworkGraph& graph = network_.graph;
  for (const LinkIndex l : valves_) {
    if (graph.link_from(l) != node && graph.link_to(l) != node) continue;
    const LinkKind kind = network_.links[l].kind;
    if ((kind == LinkKind::kPrv || kind == LinkKind::kPsv || kind == LinkKind::kFcv) &&
        trial.status[l] == LinkState::kActive) {
      trial.status[l] = kind == LinkKind::kFcv ? LinkState::kFcvOpen : LinkState::kPressureOpen;
      return true;
    }
    return false;
  }
  return false;
}

HydraulicSnapshot HydraulicSolver::SolveSnapshot(double time_s) {
  const NetworkGraph& graph = network_.graph;
  const int node_count = graph.node_count(), link_count = graph.link_count();
  const Options& options = network_.options;

  // initial state (EPANET's inithyd)
  Trial trial;
  trial.time_s = time_s;
  trial.head_m.resize(node_count);
  trial.demand.assign(node_count, 0.0);
  trial.excess.assign(node_count, 0.0);
  trial.rhs.assign(node_of_row_.size(), 0.0);
  for (NodeIndex n = 0; n < node_count; ++n) {
    const Node& node = network_.nodes[n];
    trial.head_m[n] = node.kind == NodeKind::kTank ? node.elevation_m + node.initial_level_m : node.elevation_m;
  }
  trial.flow.resize(link_count);
  trial.status.resize(link_count);
  trial.setting.resize(link_count);
  trial.p.assign(link_count, 0.0);
  trial.y.assign(link_count, 0.0);
  for (LinkIndex l = 0; l < link_count; ++l) {
    const Link& link = network_.links[l];
    trial.status[l] = InitialState(link);
    if (link.kind == LinkKind::kPump) trial.setting[l] = link.initial_speed;
    else if (IsValve(link.kind)) trial.setting[l] = link.valve_setting;
  }
  for (LinkIndex l = 0; l < link_count; ++l) {
    const Link& link = network_.links[l];
    if (IsClosed(trial.status[l])) trial.flow[l] = kZeroFlow_m3_per_s;
    else if (link.kind == LinkKind::kPump) trial.flow[l] = *trial.setting[l] * pump_[l]->initial_flow_m3_per_s;
    else trial.flow[l] = std::numbers::pi * link.diameter_m * link.diameter_m / 4.0 * kInitialVelocity_m_per_s;
  }
  // controls act after the initial flows are set: a link they open starts from its closed flow
  ApplyPatternsAndControls(trial);

  // the gradient iterations (EPANET's hydsolve)
  const int max_trials = options.max_trials + std::max(options.extra_trials, 0);
  int next_check = options.check_frequency;
  double relative_change = 0.0;
  int iteration = 1;
  Eigen::VectorXd rhs(static_cast<Eigen::Index>(node_of_row_.size()));
  while (iteration <= max_trials) {
    LinkCoefficients(trial);
    AssembleMatrix(trial);
    factor_.factorize(matrix_);
    const Eigen::VectorXd& pivots = factor_.vectorD();
    Eigen::Index bad_pivot = -1;
    for (Eigen::Index k = 0; k < pivots.size() && factor_.info() == Eigen::Success; ++k) {
      if (!(pivots[k] > 0.0)) {
        bad_pivot = k;
        break;
      }
    }
    if (factor_.info() != Eigen::Success || bad_pivot >= 0) {
      // the permuted row back to its node
      const auto& permutation = factor_.permutationP().indices();
      NodeIndex node = node_of_row_.front();
      for (Eigen::Index row = 0; row < permutation.size() && bad_pivot >= 0; ++row) {
        if (permutation[row] == bad_pivot) node = node_of_row_[static_cast<size_t>(row)];
      }
      if (FixBadValve(trial, node)) continue;
      throw Error::AtElement(kSystem, graph.node(node).id,
                             "the hydraulic equations are singular here (a junction cut off from every "
                             "tank and reservoir?)")
          .AtTime(time_s);
    }
    for (size_t row = 0; row < node_of_row_.size(); ++row) rhs[static_cast<Eigen::Index>(row)] = trial.rhs[row];
    const Eigen::VectorXd heads = factor_.solve(rhs);
    for (size_t row = 0; row < node_of_row_.size(); ++row) {
      trial.head_m[node_of_row_[row]] = heads[static_cast<Eigen::Index>(row)];
    }
    relative_change = UpdateFlows(trial);

    trial.relax = 1.0;
    bool valve_change = false;
    if (options.damp_limit > 0.0) {
      if (relative_change <= options.damp_limit) {
        trial.relax = 0.6;
        valve_change = ValveStatusChanged(trial);
      }
    } else {
      valve_change = ValveStatusChanged(trial);
    }

    if (HasConverged(trial, relative_change)) {
      if (iteration > options.max_trials) break;  // extra trials: no more status changes
      bool status_change = valve_change;
      if (LinkStatusChanged(trial)) status_change = true;
      if (PressureSwitchChanged(trial)) status_change = true;
      if (!status_change) break;
      next_check = iteration + options.check_frequency;
    } else if (iteration <= options.max_check && iteration == next_check) {
      LinkStatusChanged(trial);
      next_check += options.check_frequency;
    }
    ++iteration;
  }
  // EPANET calls a solution unbalanced when its last flow change exceeds ACCURACY
  const bool converged = relative_change <= options.accuracy;
  if (!converged && options.extra_trials < 0) {
    throw Error(fmt::format("{}: the hydraulic system is unbalanced after {} trials (relative flow change {:.3g} > "
                            "accuracy {:.3g}) and UNBALANCED is STOP",
                            network_.source, options.max_trials, relative_change, options.accuracy))
        .AtTime(time_s);
  }

  HydraulicSnapshot result;
  result.time_s = time_s;
  result.head_m = trial.head_m;
  result.demand_m3_per_s = trial.demand;
  result.flow_m3_per_s = trial.flow;
  result.head_loss_m.resize(link_count);
  for (LinkIndex l = 0; l < link_count; ++l) {
    if (IsClosed(trial.status[l])) result.flow_m3_per_s[l] = 0.0;
    result.head_loss_m[l] = trial.head_m[graph.link_from(l)] - trial.head_m[graph.link_to(l)];
  }
  result.status = trial.status;
  result.iterations = std::min(iteration, max_trials);
  result.relative_flow_change = relative_change;
  result.converged = converged;
  return result;
}

}  // namespace lifeline::water
