// Transient gas flow in one pipe (see gas_pipe_transient.h).
#include "models/gas/gas_pipe_transient.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "models/gas/gas_network.h"

namespace lifeline::gas {
PipeTransientEquations::PipeTransientEquations(const PipeTransientSpec& spec)
    : spec_(spec), n_(spec.cells), dx_(spec.length_m / spec.cells),
      area_(std::numbers::pi / 4.0 * spec.diameter_m * spec.diameter_m),
      a2_(spec.sound_speed_m_per_s * spec.sound_speed_m_per_s) {}

ElementRef PipeTransientEquations::EquationElement(int equation) const {
  return {kSystem, equation < n_ ? fmt::format("pipe node {}", equation + 1) : fmt::format("pipe face {}", equation - n_)};
}

double PipeTransientEquations::Pressure(double time_s, std::span<const double> y, int i) const {
  return i == 0 ? spec_.inlet_pressure_Pa.ValueAt(time_s) : y[i - 1];
}

bool PipeTransientEquations::Residual(double time_s, std::span<const double> y, std::span<const double> yp,
                                      std::span<double> r) const {
  const double withdrawal = spec_.outlet_withdrawal_kg_per_s.ValueAt(time_s);
  for (int i = 1; i <= n_; ++i) {
    const double inflow = y[n_ + i - 1];
    const double outflow = i < n_ ? y[n_ + i] : withdrawal;
    const double capacity = area_ * dx_ / a2_ * (i < n_ ? 1.0 : 0.5);
    r[i - 1] = capacity * yp[i - 1] - (inflow - outflow);
  }
  for (int j = 0; j < n_; ++j) {
    const double p_left = Pressure(time_s, y, j), p_right = Pressure(time_s, y, j + 1);
    if (!(p_left > 0.0 && p_right > 0.0)) return false;
    const double m = y[n_ + j];
    r[n_ + j] = yp[n_ + j] + area_ * (p_right - p_left) / dx_ +
                spec_.friction_factor * a2_ * m * std::abs(m) / (spec_.diameter_m * area_ * (p_left + p_right));
  }
  return true;
}

void PipeTransientEquations::Jacobian(double time_s, std::span<const double> y, std::span<const double>, double alpha,
                                      SparseMatrix& jacobian) const {
  std::vector<SparseEntry> entries;
  for (int i = 1; i <= n_; ++i) {
    entries.emplace_back(i - 1, i - 1, alpha * area_ * dx_ / a2_ * (i < n_ ? 1.0 : 0.5));
    entries.emplace_back(i - 1, n_ + i - 1, -1.0);
    if (i < n_) entries.emplace_back(i - 1, n_ + i, 1.0);
  }
  for (int j = 0; j < n_; ++j) {
    const double p_left = Pressure(time_s, y, j), p_right = Pressure(time_s, y, j + 1);
    const double m = y[n_ + j], s = p_left + p_right;
    const double c = spec_.friction_factor * a2_ / (spec_.diameter_m * area_);
    const int row = n_ + j;
    entries.emplace_back(row, row, alpha + 2.0 * c * std::abs(m) / s);
    const double d_friction_dp = -c * m * std::abs(m) / (s * s);
    if (j >= 1) entries.emplace_back(row, j - 1, -area_ / dx_ + d_friction_dp);
    entries.emplace_back(row, j, area_ / dx_ + d_friction_dp);
  }
  jacobian.resize(size(), size());
  jacobian.setFromTriplets(entries.begin(), entries.end());
  jacobian.makeCompressed();
}

PipeSnapshot PipeTransientEquations::Snapshot(double time_s, std::span<const double> y) const {
  PipeSnapshot snapshot;
  snapshot.time_s = time_s;
  for (int i = 0; i <= n_; ++i) snapshot.pressure_Pa.push_back(Pressure(time_s, y, i));
  snapshot.mass_flow_kg_per_s.push_back(n_ > 1 ? 1.5 * y[n_] - 0.5 * y[n_ + 1] : y[n_]);
  for (int i = 1; i < n_; ++i) snapshot.mass_flow_kg_per_s.push_back(0.5 * (y[n_ + i - 1] + y[n_ + i]));
  snapshot.mass_flow_kg_per_s.push_back(spec_.outlet_withdrawal_kg_per_s.ValueAt(time_s));
  return snapshot;
}

std::vector<PipeSnapshot> SimulatePipeTransient(const PipeTransientSpec& spec, const std::vector<double>& output_times_s,
                                                const DaeOptions& options) {
  if (!(spec.length_m > 0.0 && spec.diameter_m > 0.0 && spec.friction_factor > 0.0 && spec.sound_speed_m_per_s > 0.0) ||
      spec.cells < 1 || spec.inlet_pressure_Pa.empty() || spec.outlet_withdrawal_kg_per_s.empty()) {
    throw Error("pipe transient: length, diameter, friction factor and sound speed must be positive, cells >= 1, "
                "both boundary series given");
  }
  const PipeTransientEquations equations(spec);
  const int n = spec.cells;
  std::vector<double> y(static_cast<size_t>(2 * n), 0.0), yp(y.size(), 0.0);
  std::fill(y.begin(), y.begin() + n, spec.inlet_pressure_Pa.ValueAt(0.0));
  DaeIntegrator ida(equations, options);
  ida.Initialize(0.0, y, yp);

  std::vector<PipeSnapshot> snapshots;
  for (const double output_s : output_times_s) {
    // stop at each breakpoint of the boundary series on the way (kinks in w(t), p_0(t))
    for (;;) {
      const double next = std::min(spec.inlet_pressure_Pa.NextBreakpointAfter(ida.time_s()),
                                   spec.outlet_withdrawal_kg_per_s.NextBreakpointAfter(ida.time_s()));
      if (!(next < output_s)) break;
      ida.AdvanceTo(next);
    }
    if (output_s > ida.time_s()) ida.AdvanceTo(output_s);
    snapshots.push_back(equations.Snapshot(ida.time_s(), ida.y()));
  }
  return snapshots;
}

}  // namespace lifeline::gas
