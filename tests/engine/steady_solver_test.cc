// Tests for engine/steady_solver.cc (KINSOL + KLU).
//
// Two reservoirs (heads 100 m and 90 m) feed a junction with a demand of
// 4 m3/s through pipes with h = r Q|Q|, r1 = 5, r2 = 2.5 s^2/m^5.
// By hand: H = 80 m gives Q1 = sqrt(20/5) = 2 and Q2 = sqrt(10/2.5) = 2,
// which sum to the demand. Unknowns [H, Q1, Q2].
#include "engine/steady_solver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace lifeline {
namespace {

class TwoReservoirJunction : public SteadyProblem {
 public:
  int size() const override { return 3; }
  bool Residual(std::span<const double> x, std::span<double> r) const override {
    r[0] = x[1] + x[2] - 4.0;
    r[1] = 100.0 - x[0] - 5.0 * x[1] * std::abs(x[1]);
    r[2] = 90.0 - x[0] - 2.5 * x[2] * std::abs(x[2]);
    return true;
  }
  void Jacobian(std::span<const double> x, SparseMatrix& j) const override {
    const std::vector<SparseEntry> entries{{0, 1, 1.0}, {0, 2, 1.0}, {1, 0, -1.0}, {1, 1, -10.0 * std::abs(x[1])},
                                           {2, 0, -1.0}, {2, 2, -5.0 * std::abs(x[2])}};
    j.resize(3, 3);
    j.setFromTriplets(entries.begin(), entries.end());
    j.makeCompressed();
  }
  ElementRef EquationElement(int equation) const override {
    static const char* kIds[] = {"J", "P1", "P2"};
    return {"water", kIds[equation]};
  }
};

TEST(SolveSteady, MatchesTheHandComputedNetwork) {
  TwoReservoirJunction problem;
  std::vector<double> x{95.0, 1.0, 1.0};
  const SteadyReport report = SolveSteady(problem, x);
  EXPECT_NEAR(x[0], 80.0, 1e-9);
  EXPECT_NEAR(x[1], 2.0, 1e-10);
  EXPECT_NEAR(x[2], 2.0, 1e-10);
  EXPECT_LE(report.residual_norm, 1e-10);
  EXPECT_GT(report.iterations, 0);
  EXPECT_LT(report.iterations, 30);
}

// x^2 + 1 = 0 has no real root: the error names KINSol and the element.
class NoRealRoot : public SteadyProblem {
 public:
  int size() const override { return 2; }
  bool Residual(std::span<const double> x, std::span<double> r) const override {
    r[0] = x[0] - 1.0;
    r[1] = x[1] * x[1] + 1.0;
    return true;
  }
  void Jacobian(std::span<const double> x, SparseMatrix& j) const override {
    const std::vector<SparseEntry> entries{{0, 0, 1.0}, {1, 1, 2.0 * x[1]}};
    j.resize(2, 2);
    j.setFromTriplets(entries.begin(), entries.end());
    j.makeCompressed();
  }
  ElementRef EquationElement(int equation) const override {
    return {"gas", equation == 0 ? "fine-node" : "regulator-7"};
  }
};

TEST(SolveSteady, FailureNamesTheCallAndTheWorstElement) {
  NoRealRoot problem;
  std::vector<double> x{0.0, 0.5};
  SteadyOptions options;
  options.time_s = 7200.0;
  options.max_iterations = 50;
  try {
    SolveSteady(problem, x, options);
    FAIL() << "no real root, the solve must fail";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("KINSol"));
    EXPECT_EQ(e.element()->id, "regulator-7");
    EXPECT_EQ(e.element()->system, "gas");
    EXPECT_DOUBLE_EQ(*e.time_s(), 7200.0);
  }
}

// An exception inside a callback reaches the caller unchanged.
class ThrowingProblem : public TwoReservoirJunction {
 public:
  bool Residual(std::span<const double>, std::span<double>) const override {
    throw Error::AtElement("water", "J", "demand pattern missing");
  }
};

TEST(SolveSteady, ExceptionsInCallbacksPropagate) {
  ThrowingProblem problem;
  std::vector<double> x{95.0, 1.0, 1.0};
  EXPECT_THROW(SolveSteady(problem, x), Error);
  std::vector<double> wrong_size{1.0};
  EXPECT_THROW(SolveSteady(TwoReservoirJunction(), wrong_size), Error);
}

}  // namespace
}  // namespace lifeline
