// Transient solves through IDA: F(t, y, y') = 0, index 1.
//
// A model states its transient equations as a DaeProblem: the residual, the
// iteration matrix dF/dy + alpha * dF/dy' (sparse), which unknowns are
// differential (appear with their derivative) and which algebraic, and the
// element each equation belongs to. DaeIntegrator drives IDA with variable
// order and step under error control and KLU as the sparse direct solver.
//
//   DaeIntegrator ida(problem, options);
//   ida.Initialize(t0, y0, yp0);      // makes algebraic parts consistent (IDACalcIC)
//   ida.AdvanceTo(t1);                // never steps past t1 (a stop time)
//   ... change inputs at an event ...
//   ida.Reinitialize(t1, y, yp);      // restart after a discontinuity
//
// A failure is an Error naming the IDA call and flag, the simulated time, and
// the element whose equation has the largest residual or local error.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "engine/error.h"
#include "engine/sparse.h"

namespace lifeline {

class DaeProblem {
 public:
  virtual ~DaeProblem() = default;

  virtual int size() const = 0;

  // F(t, y, y'). Return false when F cannot be evaluated (IDA then retries with
  // a smaller step); non-finite entries are treated the same way.
  virtual bool Residual(double time_s, std::span<const double> y, std::span<const double> yp,
                        std::span<double> residual) const = 0;

  // dF/dy + alpha * dF/dy', compressed, with a pattern fixed between calls.
  virtual void Jacobian(double time_s, std::span<const double> y, std::span<const double> yp,
                        double alpha, SparseMatrix& jacobian) const = 0;

  // True when unknown i appears with its time derivative.
  virtual bool IsDifferential(int unknown) const = 0;

  // The element equation i belongs to (for error messages).
  virtual ElementRef EquationElement(int equation) const = 0;
};

struct DaeOptions {
  double relative_tolerance = 1e-6;
  double absolute_tolerance = 1e-8;
  double max_step_s = 0.0;      // 0: no limit
  long max_steps = 100000;      // per AdvanceTo
  bool consistent_initial_conditions = true;  // run IDACalcIC in Initialize/Reinitialize
};

struct DaeStats {
  long steps = 0;
  long residual_evaluations = 0;
  long jacobian_evaluations = 0;
  long nonlinear_iterations = 0;
  long error_test_failures = 0;

  DaeStats& operator+=(const DaeStats& other) {
    steps += other.steps;
    residual_evaluations += other.residual_evaluations;
    jacobian_evaluations += other.jacobian_evaluations;
    nonlinear_iterations += other.nonlinear_iterations;
    error_test_failures += other.error_test_failures;
    return *this;
  }
};

class DaeIntegrator {
 public:
  DaeIntegrator(const DaeProblem& problem, const DaeOptions& options = {});
  ~DaeIntegrator();
  DaeIntegrator(const DaeIntegrator&) = delete;
  DaeIntegrator& operator=(const DaeIntegrator&) = delete;

  // Starts at time t0 from y0, y'0 (sizes must match the problem).
  void Initialize(double t0_s, std::span<const double> y0, std::span<const double> yp0);
  // Integrates to exactly t_out_s (> time_s()).
  void AdvanceTo(double t_out_s);
  // Restarts from a new state at time t_s, e.g. after an event changed the equations.
  void Reinitialize(double t_s, std::span<const double> y, std::span<const double> yp);

  double time_s() const;
  std::span<const double> y() const;
  std::span<const double> yp() const;
  DaeStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline
