// Central-difference Jacobians (see jacobian_check.h).
#include "engine/jacobian_check.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lifeline {

SparseMatrix FiniteDifferenceJacobian(const ResidualFunction& residual, std::span<const double> x,
                                      double step) {
  const size_t n = x.size();
  std::vector<double> shifted(x.begin(), x.end()), plus(n), minus(n);
  std::vector<SparseEntry> entries;
  for (size_t j = 0; j < n; ++j) {
    const double h = step * std::max(std::abs(x[j]), 1.0);
    shifted[j] = x[j] + h;
    residual(shifted, plus);
    shifted[j] = x[j] - h;
    residual(shifted, minus);
    shifted[j] = x[j];
    for (size_t i = 0; i < n; ++i) {
      const double derivative = (plus[i] - minus[i]) / (2.0 * h);
      if (derivative != 0.0) {
        entries.emplace_back(static_cast<std::int64_t>(i), static_cast<std::int64_t>(j), derivative);
      }
    }
  }
  SparseMatrix jacobian(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  jacobian.setFromTriplets(entries.begin(), entries.end());
  return jacobian;
}

SparseMatrix FiniteDifferenceJacobian(const SteadyProblem& problem, std::span<const double> x,
                                      double step) {
  return FiniteDifferenceJacobian(
      [&problem](std::span<const double> u, std::span<double> r) { problem.Residual(u, r); }, x, step);
}

SparseMatrix FiniteDifferenceJacobian(const DaeProblem& problem, double time_s,
                                      std::span<const double> y, std::span<const double> yp,
                                      double alpha, double step) {
  // G(v) = F(t, y + v, y' + alpha v): dG/dv at v = 0 is dF/dy + alpha dF/dy'.
  const size_t n = y.size();
  std::vector<double> zero(n, 0.0), y_shift(n), yp_shift(n);
  return FiniteDifferenceJacobian(
      [&](std::span<const double> v, std::span<double> r) {
        for (size_t i = 0; i < n; ++i) {
          y_shift[i] = y[i] + v[i];
          yp_shift[i] = yp[i] + alpha * v[i];
        }
        problem.Residual(time_s, y_shift, yp_shift, r);
      },
      zero, step);
}

double MaxRelativeDifference(const SparseMatrix& a, const SparseMatrix& b) {
  const SparseMatrix difference = a - b;
  double worst = 0.0;
  for (Eigen::Index j = 0; j < difference.outerSize(); ++j) {
    for (SparseMatrix::InnerIterator it(difference, j); it; ++it) {
      const double scale = std::max(1.0, std::abs(b.coeff(it.row(), it.col())));
      worst = std::max(worst, std::abs(it.value()) / scale);
    }
  }
  return worst;
}

}  // namespace lifeline
