// Tests for engine/pipe_friction.cc: the friction laws, their derivatives, and names.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "engine/pipe_friction.h"

namespace lifeline {
namespace {

TEST(PipeFriction, ColebrookSatisfiesItsEquation) {
  for (const double re : {3e3, 1e4, 1e5, 1e6, 1e8}) {
    for (const double r : {0.0, 1e-5, 1e-3, 2e-2}) {
      const double lambda = Colebrook(re, r).lambda;
      const double rhs = -2.0 * std::log10(2.51 / (re * std::sqrt(lambda)) + r / 3.71);
      EXPECT_NEAR(1.0 / std::sqrt(lambda), rhs, 1e-12) << "Re " << re << ", k/d " << r;
    }
  }
}

TEST(PipeFriction, ColebrookSlopeMatchesFiniteDifference) {
  for (const double re : {5e3, 2e5, 3e7}) {
    const double h = 1e-6 * re;
    const double numeric = (Colebrook(re + h, 1e-3).lambda - Colebrook(re - h, 1e-3).lambda) / (2.0 * h);
    EXPECT_NEAR(Colebrook(re, 1e-3).dlambda_dRe, numeric, 1e-6 * std::abs(numeric));
  }
}

TEST(PipeFriction, NikuradseIsLaminarPlusFullyRough) {
  // d = 0.1 m, k = 0.1 mm, eta = 1.2e-5: Re = 4 m / (pi d eta)
  const double d = 0.1, k = 1e-4, eta = 1.2e-5, m = 0.5;
  const double re = 4.0 * m / (std::numbers::pi * d * eta);
  const double expected = 64.0 / re + 1.0 / std::pow(2.0 * std::log10(d / k) + 1.14, 2);
  const FrictionTerm term = PipeFrictionTerm(FrictionModel::kNikuradse, m, d, k, eta);
  EXPECT_NEAR(term.lambda, expected, 1e-15);
  EXPECT_NEAR(term.value_kg2_per_s2, expected * m * m, 1e-15);
  // at zero flow only the laminar slope 16 pi d eta remains
  EXPECT_DOUBLE_EQ(PipeFrictionTerm(FrictionModel::kNikuradse, 0.0, d, k, eta).derivative_kg_per_s, 16.0 * std::numbers::pi * d * eta);
}

TEST(PipeFriction, SwameeJainIsWithinThreePercentOfColebrook) {
  for (const double re : {1e4, 1e5, 1e6, 1e7}) {
    const double d = 0.2, k = 2e-4, eta = 1.2e-5;
    const double m = re * std::numbers::pi * d * eta / 4.0;
    const double sj = PipeFrictionTerm(FrictionModel::kSwameeJain, m, d, k, eta).lambda;
    const double cb = PipeFrictionTerm(FrictionModel::kColebrook, m, d, k, eta).lambda;
    EXPECT_NEAR(sj / cb, 1.0, 0.03) << "Re " << re;
  }
}

TEST(PipeFriction, FrictionTermSlopeMatchesFiniteDifferenceInBothDirections) {
  const double d = 0.15, k = 1e-4, eta = 1.193e-5;
  for (const FrictionModel model : {FrictionModel::kNikuradse, FrictionModel::kColebrook, FrictionModel::kSwameeJain}) {
    for (const double m : {-2.0, -0.01, 0.003, 0.4, 5.0}) {
      const double h = 1e-7 * std::abs(m);
      const double numeric = (PipeFrictionTerm(model, m + h, d, k, eta).value_kg2_per_s2 -
                              PipeFrictionTerm(model, m - h, d, k, eta).value_kg2_per_s2) / (2.0 * h);
      EXPECT_NEAR(PipeFrictionTerm(model, m, d, k, eta).derivative_kg_per_s, numeric, 1e-6 * std::abs(numeric))
          << "model " << static_cast<int>(model) << ", m " << m;
    }
  }
}

TEST(PipeFriction, ModelNames) {
  EXPECT_EQ(FrictionModelFromName("nikuradse"), FrictionModel::kNikuradse);
  EXPECT_EQ(FrictionModelFromName("colebrook"), FrictionModel::kColebrook);
  EXPECT_EQ(FrictionModelFromName("swamee-jain"), FrictionModel::kSwameeJain);
  EXPECT_THROW(FrictionModelFromName("hazen-williams"), Error);
}

}  // namespace
}  // namespace lifeline
