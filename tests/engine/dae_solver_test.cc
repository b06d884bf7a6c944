// Tests for engine/dae_solver.cc (IDA + KLU).
//
// Two draining tanks in series with linear outlets, as an index-1 DAE:
//   A1 h1' + q1 = 0,  A2 h2' - q1 + q2 = 0,  q1 = h1/R1,  q2 = h2/R2
// with A1 = 2, R1 = 0.5 (a = 1/(A1 R1) = 1), A2 = 1, R2 = 0.25 (b = 4),
// h1(0) = 3, h2(0) = 1. Exact solution:
//   h1 = 3 e^{-t},  h2 = (1 - C) e^{-4t} + C e^{-t},  C = h1(0) / (A2 R1 (b - a)) = 2.
#include "engine/dae_solver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/jacobian_check.h"

namespace lifeline {
namespace {

class TwoDrainingTanks : public DaeProblem {
 public:
  // unknowns: h1, h2 (differential), q1, q2 (algebraic)
  int size() const override { return 4; }
  bool Residual(double, std::span<const double> y, std::span<const double> yp,
                std::span<double> r) const override {
    r[0] = 2.0 * yp[0] + y[2];
    r[1] = 1.0 * yp[1] - y[2] + y[3];
    r[2] = y[2] - y[0] / 0.5;
    r[3] = y[3] - y[1] / 0.25;
    return true;
  }
  void Jacobian(double, std::span<const double>, std::span<const double>, double alpha,
                SparseMatrix& j) const override {
    const std::vector<SparseEntry> entries{{0, 0, 2.0 * alpha}, {0, 2, 1.0}, {1, 1, alpha}, {1, 2, -1.0},
                                           {1, 3, 1.0},         {2, 2, 1.0}, {2, 0, -2.0},  {3, 3, 1.0},
                                           {3, 1, -4.0}};
    j.resize(4, 4);
    j.setFromTriplets(entries.begin(), entries.end());
    j.makeCompressed();
  }
  bool IsDifferential(int unknown) const override { return unknown < 2; }
  ElementRef EquationElement(int equation) const override {
    static const char* kIds[] = {"T1", "T2", "O1", "O2"};
    return {"tanks", kIds[equation]};
  }
};

TEST(DaeIntegrator, TwoDrainingTanksMatchTheExactSolution) {
  TwoDrainingTanks problem;
  DaeOptions options;
  options.relative_tolerance = 1e-9;
  options.absolute_tolerance = 1e-11;
  DaeIntegrator ida(problem, options);
  // inconsistent start: flows and derivatives unknown; IDACalcIC finds them
  const std::vector<double> y0{3.0, 1.0, 0.0, 0.0}, yp0{0.0, 0.0, 0.0, 0.0};
  ida.Initialize(0.0, y0, yp0);
  EXPECT_NEAR(ida.y()[2], 6.0, 1e-9);  // q1 = h1 / R1
  EXPECT_NEAR(ida.yp()[0], -3.0, 1e-8);
  for (double t : {0.25, 0.5, 1.0, 2.0, 5.0}) {
    ida.AdvanceTo(t);
    EXPECT_DOUBLE_EQ(ida.time_s(), t);
    const double h1 = 3.0 * std::exp(-t);
    const double h2 = -1.0 * std::exp(-4.0 * t) + 2.0 * std::exp(-t);
    EXPECT_NEAR(ida.y()[0], h1, 1e-7 * std::max(1.0, h1)) << "t = " << t;
    EXPECT_NEAR(ida.y()[1], h2, 1e-7 * std::max(1.0, h2)) << "t = " << t;
    EXPECT_NEAR(ida.y()[3], h2 / 0.25, 1e-6) << "t = " << t;
  }
  EXPECT_GT(ida.stats().steps, 10);
}

TEST(DaeIntegrator, ReinitializeRestartsFromANewState) {
  TwoDrainingTanks problem;
  DaeIntegrator ida(problem);
  const std::vector<double> y0{3.0, 1.0, 6.0, 4.0}, yp0{-3.0, 2.0, 0.0, 0.0};
  ida.Initialize(0.0, y0, yp0);
  ida.AdvanceTo(1.0);
  const long steps_before = ida.stats().steps;
  // refill tank 1 to 3 m at t = 1: the solution is the exact one shifted by 1 s
  const std::vector<double> y1{3.0, 1.0, 0.0, 0.0}, yp1(4, 0.0);
  ida.Reinitialize(1.0, y1, yp1);
  ida.AdvanceTo(2.0);
  EXPECT_NEAR(ida.y()[0], 3.0 * std::exp(-1.0), 1e-4);
  EXPECT_GT(ida.stats().steps, steps_before);  // counters add up across restarts
}

TEST(DaeIntegrator, AnalyticJacobianMatchesFiniteDifferences) {
  TwoDrainingTanks problem;
  const std::vector<double> y{3.0, 1.0, 6.0, 4.0}, yp{-3.0, 2.0, 0.0, 0.0};
  SparseMatrix analytic;
  problem.Jacobian(0.0, y, yp, 17.0, analytic);
  EXPECT_LT(MaxRelativeDifference(analytic, FiniteDifferenceJacobian(problem, 0.0, y, yp, 17.0)), 1e-7);
}

// y' = y^2, y(0) = 1 blows up at t = 1: IDA cannot pass it.
class BlowUp : public DaeProblem {
 public:
  int size() const override { return 1; }
  bool Residual(double, std::span<const double> y, std::span<const double> yp,
                std::span<double> r) const override {
    r[0] = yp[0] - y[0] * y[0];
    return true;
  }
  void Jacobian(double, std::span<const double> y, std::span<const double>, double alpha,
                SparseMatrix& j) const override {
    const std::vector<SparseEntry> entries{{0, 0, alpha - 2.0 * y[0]}};
    j.resize(1, 1);
    j.setFromTriplets(entries.begin(), entries.end());
    j.makeCompressed();
  }
  bool IsDifferential(int) const override { return true; }
  ElementRef EquationElement(int) const override { return {"heating", "pipe-42"}; }
};

TEST(DaeIntegrator, FailureNamesTheCallTheTimeAndTheElement) {
  BlowUp problem;
  DaeOptions options;
  options.max_steps = 2000;
  DaeIntegrator ida(problem, options);
  const std::vector<double> y0{1.0}, yp0{1.0};
  ida.Initialize(0.0, y0, yp0);
  try {
    ida.AdvanceTo(2.0);
    FAIL() << "the solution blows up at t = 1";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("IDASolve failed"));
    EXPECT_EQ(e.element()->id, "pipe-42");
    ASSERT_TRUE(e.time_s().has_value());
    EXPECT_NEAR(*e.time_s(), 1.0, 0.05);
  }
}

TEST(DaeIntegrator, MisuseIsAnError) {
  TwoDrainingTanks problem;
  DaeIntegrator ida(problem);
  EXPECT_THROW(ida.AdvanceTo(1.0), Error);  // not initialized
  const std::vector<double> short_state{1.0};
  EXPECT_THROW(ida.Initialize(0.0, short_state, short_state), Error);
}

}  // namespace
}  // namespace lifeline
