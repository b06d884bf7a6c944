// Steady nonlinear solves through KINSOL: find x with F(x) = 0.
//
// A model states its steady equations as a SteadyProblem: the residual F, its
// sparse Jacobian dF/dx, and which network element each equation belongs to.
// SolveSteady runs KINSOL's Newton method with a line search (globalisation),
// a fresh Jacobian every iteration and KLU as the sparse direct solver; KLU's
// ordering and symbolic analysis are done on the first iteration and reused
// while the sparsity pattern stays the same.
//
// A failure (no convergence, a singular Jacobian, a residual that is not a
// number) is an Error naming the KINSOL call, its return flag, and the element
// whose equation has the largest residual, by external id.
#pragma once

#include <span>
#include <string>

#include "engine/error.h"
#include "engine/sparse.h"

namespace lifeline {

class SteadyProblem {
 public:
  virtual ~SteadyProblem() = default;

  // Number of unknowns (= number of equations).
  virtual int size() const = 0;

  // F(x). Return false when F cannot be evaluated at x (the solver then tries
  // a shorter step); non-finite entries are treated the same way.
  virtual bool Residual(std::span<const double> x, std::span<double> residual) const = 0;

  // dF/dx at x, size() x size(), compressed. Keep the pattern fixed between calls.
  virtual void Jacobian(std::span<const double> x, SparseMatrix& jacobian) const = 0;

  // The element equation i belongs to (for error messages).
  virtual ElementRef EquationElement(int equation) const = 0;
};

struct SteadyOptions {
  double residual_tolerance = 1e-10;  // stop when max |F_i| <= this
  double step_tolerance = 1e-14;      // stop when the scaled Newton step is below this
  int max_iterations = 100;
  bool line_search = true;            // KINSOL's KIN_LINESEARCH globalisation
  double time_s = 0.0;                // simulated time, for error messages
};

struct SteadyReport {
  long iterations = 0;        // Newton iterations
  double residual_norm = 0.0; // max |F_i| at the solution
};

// Solves problem from the initial guess in x; on return x holds the solution.
SteadyReport SolveSteady(const SteadyProblem& problem, std::span<double> x,
                         const SteadyOptions& options = {});

}  // namespace lifeline
