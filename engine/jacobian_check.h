// Finite-difference Jacobians, for checking the analytic ones models supply.
//
// Column j of dF/dx is (F(x + h_j e_j) - F(x - h_j e_j)) / (2 h_j) with
// h_j = step * max(|x_j|, 1). Cost: 2n residual evaluations, so it is a test
// and debugging tool, not something a simulation calls.
#pragma once

#include <functional>
#include <span>

#include "engine/dae_solver.h"
#include "engine/sparse.h"
#include "engine/steady_solver.h"

namespace lifeline {

// F: x -> residual, both of length n.
using ResidualFunction = std::function<void(std::span<const double> x, std::span<double> residual)>;

SparseMatrix FiniteDifferenceJacobian(const ResidualFunction& residual, std::span<const double> x,
                                      double step = 1e-6);

// dF/dx of a steady problem at x.
SparseMatrix FiniteDifferenceJacobian(const SteadyProblem& problem, std::span<const double> x,
                                      double step = 1e-6);

// dF/dy + alpha dF/dy' of a DAE at (t, y, y').
SparseMatrix FiniteDifferenceJacobian(const DaeProblem& problem, double time_s,
                                      std::span<const double> y, std::span<const double> yp,
                                      double alpha, double step = 1e-6);

// max |A_ij - B_ij| / max(1, |B_ij|) over the union of both patterns.
double MaxRelativeDifference(const SparseMatrix& a, const SparseMatrix& b);

}  // namespace lifeline
