// Tests for models/bridge/moving_load: Fryba's moving constant force on a
// simply supported beam, the quasi-static limit and Rayleigh damping.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "models/bridge/modal_analysis.h"
#include "models/bridge/moving_load.h"
#include "tests/models/bridge_test_girders.h"

namespace lifeline::bridge {
namespace {

using testing::ReferenceGirder;

constexpr double kSpan_m = 20.0;
constexpr double kForce_N = 100e3;

// f1 = pi / (2 L^2) sqrt(EI / m)
double FirstFrequency_Hz() { return std::numbers::pi / (2.0 * kSpan_m * kSpan_m) * std::sqrt(1e10 / 1e4); }

// One force at speed c = 2 alpha f1 L, 4000 steps over the crossing.
CrossingResult CrossAt(double alpha, const RayleighDamping& damping = {}) {
  const Girder girder = ReferenceGirder(1, 20, {{"mid", 10.0, 0.0}});
  const double speed_m_per_s = 2.0 * alpha * FirstFrequency_Hz() * kSpan_m;
  CrossingOptions options;
  options.time_step_s = kSpan_m / speed_m_per_s / 4000.0;
  options.damping = damping;
  return SimulateCrossing(girder, {"P", speed_m_per_s, {{0.0, kForce_N}}}, options);
}

struct FrybaCase {
  double alpha;
  double amplification;  // max midspan w while the force is on / (P L^3 / 48 EI)
};

class BridgeFryba : public ::testing::TestWithParam<FrybaCase> {};

TEST_P(BridgeFryba, MidspanAmplificationWithinOnePercent) {
  const CrossingResult result = CrossAt(GetParam().alpha);
  const SensorHistory& mid = result.sensors[0];
  EXPECT_LT(std::abs(mid.max_static_deflection_m / (kForce_N * std::pow(kSpan_m, 3) / 48e10) - 1.0), 1e-6);
  EXPECT_LT(std::abs(mid.DynamicAmplification() / GetParam().amplification - 1.0), 0.01)
      << "DAF " << mid.DynamicAmplification();
}

INSTANTIATE_TEST_SUITE_P(DomainValues, BridgeFryba,
                         ::testing::Values(FrybaCase{0.1, 1.097}, FrybaCase{0.3, 1.411},
                                           FrybaCase{0.5, 1.705}, FrybaCase{0.618, 1.732}));

TEST(BridgeMovingLoad, CrawlingForceIsQuasiStatic) {
  const CrossingResult result = CrossAt(0.002);
  EXPECT_NEAR(result.sensors[0].DynamicAmplification(), 1.0, 0.01);
}

TEST(BridgeMovingLoad, OutputsAtTheRequestedSteps) {
  const Girder girder = ReferenceGirder(1, 10, {{"mid", 10.0, 0.0}, {"quarter", 5.0, 0.0}});
  CrossingOptions options;
  options.time_step_s = 1e-3;
  options.steps_per_output = 10;
  options.after_exit_s = 0.5;
  const CrossingResult result = SimulateCrossing(girder, {"T", 20.0, {{0.0, 1e5}, {4.0, 1e5}}}, options);
  EXPECT_DOUBLE_EQ(result.last_axle_exit_s, 24.0 / 20.0);
  EXPECT_EQ(result.steps, 1700);
  ASSERT_EQ(result.time_s.size(), 171u);
  EXPECT_NEAR(result.time_s.back(), 1.7, 1e-12);
  ASSERT_EQ(result.sensors.size(), 2u);
  EXPECT_EQ(result.sensors[1].deflection_m.size(), 171u);
  EXPECT_EQ(result.sensors[1].acceleration_m_per_s2.size(), 171u);
  // two 100 kN axles 4 m apart: static max at midspan is with them around it
  const double one_axle_m = 1e5 * std::pow(kSpan_m, 3) / 48e10;
  EXPECT_GT(result.sensors[0].max_static_deflection_m, 1.5 * one_axle_m);
  EXPECT_LT(result.sensors[0].max_static_deflection_m, 2.0 * one_axle_m);
}

TEST(BridgeMovingLoad, DampingLowersTheFreeVibration) {
  const double f1_Hz = FirstFrequency_Hz();
  const RayleighDamping damping = RayleighDamping::FromDampingRatio(0.05, f1_Hz, 4.0 * f1_Hz);
  // Rayleigh: zeta(w) = a_M / (2 w) + a_K w / 2 equals 0.05 at both frequencies
  const double omega_Hz = 2.0 * std::numbers::pi * f1_Hz;
  EXPECT_NEAR(
      damping.mass_coefficient_per_s / (2.0 * omega_Hz) + damping.stiffness_coefficient_s * omega_Hz / 2.0,
      0.05, 1e-12);
  const double undamped = CrossAt(0.5).sensors[0].DynamicAmplification();
  const double damped = CrossAt(0.5, damping).sensors[0].DynamicAmplification();
  EXPECT_LT(damped, undamped - 0.02);
}

TEST(BridgeMovingLoad, RefusesAStandingVehicle) {
  EXPECT_THROW(SimulateCrossing(ReferenceGirder(1, 4), {"parked", 0.0, {{0.0, 1e5}}}, {}), Error);
}

}  // namespace
}  // namespace lifeline::bridge
