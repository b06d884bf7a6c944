// Tests for models/bridge static analysis (girder, beam_element,
// girder_matrices, static_analysis) against hand solutions.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/error.h"
#include "models/bridge/bridge_indicators.h"
#include "models/bridge/static_analysis.h"
#include "tests/models/bridge_test_girders.h"

namespace lifeline::bridge {
namespace {

using testing::ReferenceGirder;
using testing::ReferenceSection;

constexpr double kEI_Nm2 = 1e10;
constexpr double kSpan_m = 20.0;

double RelativeError(double value, double reference) { return std::abs(value / reference - 1.0); }

TEST(BridgeStatic, SimplySupportedMidspanForce) {
  // w = P L^3 / (48 EI) = 1.6667 mm; M = P L / 4; strain at z: M z / EI
  const Girder girder = ReferenceGirder(1, 10, {{"mid", 10.0, 0.5}});
  const StaticResult result = SolveStatic(girder, {{{"P", 10.0, 100e3}}, {}, 0.0});
  const double expected_m = 100e3 * std::pow(kSpan_m, 3) / (48.0 * kEI_Nm2);
  EXPECT_NEAR(expected_m, 1.6667e-3, 1e-7);
  EXPECT_LT(RelativeError(result.sensors[0].deflection_m, expected_m), 1e-3);
  EXPECT_NEAR(result.sensors[0].rotation_rad, 0.0, 1e-12);
  EXPECT_LT(RelativeError(result.sensors[0].strain, 100e3 * kSpan_m / 4.0 * 0.5 / kEI_Nm2), 1e-9);
  ASSERT_EQ(result.reactions.size(), 2u);
  EXPECT_NEAR(result.reactions[0].vertical_force_N, 50e3, 1e-6);
  EXPECT_NEAR(result.reactions[1].vertical_force_N, 50e3, 1e-6);
  // end rotation P L^2 / (16 EI)
  EXPECT_LT(RelativeError(std::abs(result.displacement(2)), 100e3 * kSpan_m * kSpan_m / (16.0 * kEI_Nm2)),
            1e-9);
}

TEST(BridgeStatic, SimplySupportedUniformForce) {
  // w = 5 q L^4 / (384 EI) = 2.0833 mm
  const Girder girder = ReferenceGirder(1, 10, {{"mid", 10.0, 0.0}});
  const StaticResult result = SolveStatic(girder, {{}, {{"q", 0.0, 20.0, 10e3}}, 0.0});
  const double expected_m = 5.0 * 10e3 * std::pow(kSpan_m, 4) / (384.0 * kEI_Nm2);
  EXPECT_NEAR(expected_m, 2.0833e-3, 1e-7);
  EXPECT_LT(RelativeError(result.sensors[0].deflection_m, expected_m), 1e-3);
  EXPECT_NEAR(result.reactions[0].vertical_force_N + result.reactions[1].vertical_force_N, 200e3, 1e-6);
}

TEST(BridgeStatic, PartialUniformForceBalancesReactions) {
  // q over [3, 11] m: resultant 8 q at x = 7 m, so R1 = 8 q 7 / L
  const Girder girder = ReferenceGirder(1, 7);
  const StaticResult result = SolveStatic(girder, {{}, {{"q", 3.0, 11.0, 5e3}}, 0.0});
  EXPECT_NEAR(result.reactions[1].vertical_force_N, 8.0 * 5e3 * 7.0 / kSpan_m, 1e-6);
  EXPECT_NEAR(result.reactions[0].vertical_force_N, 8.0 * 5e3 * 13.0 / kSpan_m, 1e-6);
}

TEST(BridgeStatic, FixedFixedBarUnderTemperatureRise) {
  // fully restrained: N = -E A alpha dT, no deflection, supports push back
  const Section section = ReferenceSection();
  const Girder girder = BuildContinuousGirder("bar", std::vector<double>{20.0}, 8, section,
                                              {{"A", SupportKind::kFixed}, {"B", SupportKind::kFixed}});
  const StaticResult result = SolveStatic(girder, {{}, {}, 25.0});
  const double force_N =
      section.elastic_modulus_Pa * section.area_m2 * section.thermal_expansion_per_K * 25.0;
  for (const double axial_N : result.element_axial_force_N) EXPECT_LT(RelativeError(axial_N, -force_N), 1e-9);
  EXPECT_LT(RelativeError(result.reactions[0].horizontal_force_N, force_N), 1e-9);
  EXPECT_LT(RelativeError(result.reactions[1].horizontal_force_N, -force_N), 1e-9);
  EXPECT_LT(result.displacement.cwiseAbs().maxCoeff(), 1e-12);
}

TEST(BridgeStatic, FreeExpansionOnARoller) {
  // pinned-roller: the roller end moves alpha dT L and no force arises
  const Section section = ReferenceSection();
  const Girder girder = ReferenceGirder(1, 4);
  const StaticResult result = SolveStatic(girder, {{}, {}, 25.0});
  EXPECT_LT(RelativeError(result.displacement(3 * 4), section.thermal_expansion_per_K * 25.0 * kSpan_m),
            1e-9);
  for (const double axial_N : result.element_axial_force_N) EXPECT_NEAR(axial_N, 0.0, 1e-3);
}

TEST(BridgeStatic, TwoSpanGirderWithSettledMiddleSupport) {
  // Removing the middle support, a force R there deflects the 2L beam by
  // R (2L)^3 / (48 EI); so a settlement d changes the reactions by
  // dR_middle = -6 EI d / L^3, dR_end = +3 EI d / L^3 and the middle moment by 3 EI d / L^2.
  const double settlement_m = 0.01;
  std::vector<Support> supports{
      {"A", SupportKind::kPinned}, {"B", SupportKind::kRoller}, {"C", SupportKind::kRoller}};
  supports[1].settlement_m = settlement_m;
  const Girder girder = BuildContinuousGirder("two spans", std::vector<double>{20.0, 20.0}, 10,
                                              ReferenceSection(), supports, {{"B-top", 20.0, -0.5}});
  const StaticResult result = SolveStatic(girder, {});
  const double middle_N = -6.0 * kEI_Nm2 * settlement_m / std::pow(kSpan_m, 3);
  EXPECT_LT(RelativeError(result.reactions[1].vertical_force_N, middle_N), 1e-9);
  EXPECT_LT(RelativeError(result.reactions[0].vertical_force_N, -0.5 * middle_N), 1e-9);
  EXPECT_LT(RelativeError(result.reactions[2].vertical_force_N, -0.5 * middle_N), 1e-9);
  EXPECT_LT(RelativeError(result.sensors[0].deflection_m, settlement_m), 1e-12);
  // the middle moment is sagging (3 EI d / L^2): the top fibre above B is compressed
  const double moment_Nm = 3.0 * kEI_Nm2 * settlement_m / (kSpan_m * kSpan_m);
  EXPECT_LT(RelativeError(result.sensors[0].strain, -moment_Nm * 0.5 / kEI_Nm2), 1e-6);

  // and the indicator inverts it: this reaction change means this settlement
  const Girder level = BuildContinuousGirder(
      "two spans", std::vector<double>{20.0, 20.0}, 10, ReferenceSection(),
      {{"A", SupportKind::kPinned}, {"B", SupportKind::kRoller}, {"C", SupportKind::kRoller}});
  EXPECT_LT(RelativeError(EstimateSettlement_m(level, "B", middle_N), settlement_m), 1e-9);
}

TEST(BridgeStatic, SpringSupportAddsItsCompression) {
  // pinned + spring k: midspan w = P L^3 / (48 EI) + (P / 2) / k / 2
  const double stiffness_N_per_m = 2e8;
  Support spring{"K", SupportKind::kSpring, stiffness_N_per_m};
  const Girder girder = BuildContinuousGirder("spring", std::vector<double>{20.0}, 10, ReferenceSection(),
                                              {{"A", SupportKind::kPinned}, spring}, {{"mid", 10.0, 0.0}});
  const StaticResult result = SolveStatic(girder, {{{"P", 10.0, 100e3}}, {}, 0.0});
  const double expected_m = 100e3 * std::pow(kSpan_m, 3) / (48.0 * kEI_Nm2) + 0.5 * 50e3 / stiffness_N_per_m;
  EXPECT_LT(RelativeError(result.sensors[0].deflection_m, expected_m), 1e-9);
  EXPECT_NEAR(result.reactions[1].vertical_force_N, 50e3, 1e-6);
}

TEST(BridgeStatic, ErrorsNameTheElement) {
  const Girder girder = ReferenceGirder(1, 4);
  EXPECT_THROW(SolveStatic(girder, {{{"P-far", 25.0, 1e3}}, {}, 0.0}), Error);
  try {
    BuildContinuousGirder("floating", std::vector<double>{20.0}, 4, ReferenceSection(),
                          {{"A", SupportKind::kRoller}, {"B", SupportKind::kRoller}});
    FAIL() << "a girder on rollers only must be refused";
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value());
    EXPECT_EQ(e.element()->id, "floating");
  }
  try {
    BuildContinuousGirder("soft", std::vector<double>{20.0}, 4, ReferenceSection(),
                          {{"A", SupportKind::kPinned}, {"K", SupportKind::kSpring}});
    FAIL() << "a spring support without stiffness must be refused";
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value());
    EXPECT_EQ(e.element()->id, "K");
  }
}

}  // namespace
}  // namespace lifeline::bridge
