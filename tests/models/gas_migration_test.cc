// Tests models/gas/gas_migration.cc: the well-mixed space against its closed
// forms and DOMAIN.md's example, the piecewise-constant run against a fine
// numerical integration, and the leak shares.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/error.h"
#include "models/gas/gas_migration.h"

namespace lifeline::gas {
namespace {

constexpr double kOneCubicMetrePerHour = 1.0 / 3600.0;  // m3/s

UndergroundSpace Space(double volume_m3, double ach) { return {"MH-1", volume_m3, ach, 0.0}; }

TEST(GasMigration, SteadyFractionIsInflowOverInflowPlusVentilation) {
  const UndergroundSpace space = Space(30.0, 2.0);
  const double q_in = 0.004;
  EXPECT_NEAR(SteadyGasFraction(space, q_in), q_in / (q_in + 2.0 * 30.0 / 3600.0), 1e-15);
  // the transient settles there
  EXPECT_NEAR(GasFractionAfter(space, q_in, 0.0, 1e6), SteadyGasFraction(space, q_in), 1e-12);
}

// DOMAIN.md: 1000 m3, 1 m3/h of CH4: 0.33 %LEL at 6 ACH; 20 %LEL after ~10 h unventilated.
TEST(GasMigration, DomainExample) {
  const double lel = kMethaneLowerExplosiveLimit;
  EXPECT_NEAR(100.0 * SteadyGasFraction(Space(1000.0, 6.0), kOneCubicMetrePerHour) / lel, 0.333, 1e-3);
  const UndergroundSpace closed = Space(1000.0, 0.0);
  EXPECT_NEAR(100.0 * GasFractionAfter(closed, kOneCubicMetrePerHour, 0.0, 10.0 * 3600.0) / lel, 20.0, 0.2);
  // time to 20 %LEL (1 % by volume): t = V/Q ln(1 / (1 - 0.01)) = 10.05 h
  const double t = TimeToReachFraction_s(closed, kOneCubicMetrePerHour, 0.0, 0.2 * lel);
  EXPECT_NEAR(t, 1000.0 * 3600.0 * std::log(1.0 / 0.99), 1e-6);
  EXPECT_NEAR(t / 3600.0, 10.0, 0.1);
  // ventilated at 6 ACH it never gets there
  EXPECT_EQ(TimeToReachFraction_s(Space(1000.0, 6.0), kOneCubicMetrePerHour, 0.0, 0.2 * lel),
            std::numeric_limits<double>::infinity());
}

TEST(GasMigration, TimeToReachIsTheInverseOfTheTransient) {
  const UndergroundSpace space = Space(12.0, 0.5);
  const double q_in = 2e-4, target = 0.004;
  const double t = TimeToReachFraction_s(space, q_in, 0.001, target);
  EXPECT_NEAR(GasFractionAfter(space, q_in, 0.001, t), target, 1e-14);
}

// A leak that stops after 2 h, against RK4 with 1 s steps.
TEST(GasMigration, PiecewiseConstantLeakMatchesNumericalIntegration) {
  const std::vector<UndergroundSpace> spaces = {{"cable well", 8.0, 1.0, 2.0}, {"manhole", 25.0, 0.0, 6.0}};
  const MigrationAssumptions assumptions;
  const std::vector<double> leak_times = {0.0, 7200.0}, leak_flows = {3e-4, 0.0};
  const std::vector<double> outputs = {1800.0, 7200.0, 10800.0};
  const MigrationHistory history = SimulateMigration(spaces, assumptions, leak_times, leak_flows, outputs);
  const std::vector<double> shares = LeakShares(spaces, assumptions);
  for (size_t s = 0; s < spaces.size(); ++s) {
    const double v = spaces[s].volume_m3, q_vent = VentilationFlow_m3_per_s(spaces[s]);
    // the leak flow of a whole step is set by the step's start (the steps meet t = 7200 s exactly)
    auto rate = [&](double step_start, double c) {
      const double q_in = shares[s] * (step_start < 7200.0 ? 3e-4 : 0.0);
      return (q_in * (1.0 - c) - q_vent * c) / v;
    };
    double c = 0.0, t = 0.0;
    size_t next = 0;
    while (next < outputs.size()) {
      const double h = 1.0;
      const double k1 = rate(t, c), k2 = rate(t, c + h / 2 * k1), k3 = rate(t, c + h / 2 * k2), k4 = rate(t, c + h * k3);
      c += h / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4);
      t += h;
      if (std::abs(t - outputs[next]) < 1e-9) {
        EXPECT_NEAR(history.percent_lel[s][next], 100.0 * c / kMethaneLowerExplosiveLimit, 1e-6) << spaces[s].id << " at " << t;
        ++next;
      }
    }
  }
}

TEST(GasMigration, SharesDecayWithDistanceAndNeverExceedTheLeak) {
  MigrationAssumptions assumptions;
  assumptions.decay_length_m = 4.0;
  const std::vector<double> far = LeakShares({{"a", 1.0, 0.0, 8.0}, {"b", 1.0, 0.0, 12.0}}, assumptions);
  EXPECT_NEAR(far[0], std::exp(-2.0), 1e-15);
  EXPECT_NEAR(far[1], std::exp(-3.0), 1e-15);
  const std::vector<double> near = LeakShares({{"a", 1.0, 0.0, 0.0}, {"b", 1.0, 0.0, 0.0}}, assumptions);
  EXPECT_NEAR(near[0] + near[1], 1.0, 1e-15);
  EXPECT_THROW(LeakShares({{"bad", 0.0, 1.0, 1.0}}, assumptions), Error);
}

}  // namespace
}  // namespace lifeline::gas
