// Tests for engine/jacobian_check.cc: it agrees with a known Jacobian and catches a wrong one.
#include "engine/jacobian_check.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace lifeline {
namespace {

// F(x) = [x0^2 x1 - 3, sin(x1) + x2, exp(x0) x2]
void F(std::span<const double> x, std::span<double> r) {
  r[0] = x[0] * x[0] * x[1] - 3.0;
  r[1] = std::sin(x[1]) + x[2];
  r[2] = std::exp(x[0]) * x[2];
}

SparseMatrix AnalyticJacobian(std::span<const double> x, bool with_mistake) {
  std::vector<SparseEntry> entries{{0, 0, 2.0 * x[0] * x[1]}, {0, 1, x[0] * x[0]}, {1, 1, std::cos(x[1])},
                                   {1, 2, 1.0}, {2, 0, std::exp(x[0]) * x[2]}, {2, 2, std::exp(x[0])}};
  if (with_mistake) entries[2] = {1, 1, -std::cos(x[1])};
  SparseMatrix j(3, 3);
  j.setFromTriplets(entries.begin(), entries.end());
  return j;
}

TEST(FiniteDifferenceJacobian, AgreesWithTheAnalyticJacobian) {
  const std::vector<double> x{0.7, -1.3, 2.1};
  const SparseMatrix fd = FiniteDifferenceJacobian(F, x);
  EXPECT_LT(MaxRelativeDifference(AnalyticJacobian(x, false), fd), 1e-8);
  EXPECT_EQ(fd.nonZeros(), 6);  // no spurious entries
}

TEST(FiniteDifferenceJacobian, CatchesAWrongEntry) {
  const std::vector<double> x{0.7, -1.3, 2.1};
  EXPECT_GT(MaxRelativeDifference(AnalyticJacobian(x, true), FiniteDifferenceJacobian(F, x)), 0.5);
}

}  // namespace
}  // namespace lifeline
