// Tests for the Timoshenko girder element (beam_element.h) against hand
// solutions with shear deformation: w = bending part + shear part.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "engine/error.h"
#include "models/bridge/beam_element.h"
#include "models/bridge/bridge_reader.h"
#include "models/bridge/static_analysis.h"
#include "tests/models/bridge_test_girders.h"

namespace lifeline::bridge {
namespace {

constexpr double kEI_Nm2 = 1e10;  // ReferenceSection
constexpr double kSpan_m = 5.0;   // short and deep: shear adds ~9 % at midspan
constexpr double kForce_N = 100e3;

// A concrete section: G = 1.25e10 Pa, A_s = 5/6 * 5 m^2.
Section TimoshenkoSection(double shear_modulus_Pa = 1.25e10) {
  Section section = testing::ReferenceSection();
  section.theory = BeamTheory::kTimoshenko;
  section.shear_modulus_Pa = shear_modulus_Pa;
  section.shear_area_m2 = 5.0 / 6.0 * section.area_m2;
  return section;
}

double RelativeError(double value, double reference) { return std::abs(value / reference - 1.0); }

double SimplySupportedMidspan(const Section& section, int elements) {
  const std::vector<double> span{kSpan_m};
  const Girder girder = BuildContinuousGirder("ts", span, elements, section,
                                              {{"A", SupportKind::kPinned}, {"B", SupportKind::kRoller}},
                                              {{"mid", kSpan_m / 2.0, 0.0}});
  return SolveStatic(girder, {{{"P", kSpan_m / 2.0, kForce_N}}, {}, 0.0}).sensors[0].deflection_m;
}

TEST(BridgeTimoshenko, SimplySupportedMidspanForceAddsShear) {
  const Section section = TimoshenkoSection();
  const double bending_m = kForce_N * std::pow(kSpan_m, 3) / (48.0 * kEI_Nm2);
  const double shear_m = kForce_N * kSpan_m / (4.0 * section.shear_modulus_Pa * section.shear_area_m2);
  for (int elements : {2, 10}) {
    const double w_m = SimplySupportedMidspan(section, elements);
    EXPECT_LT(RelativeError(w_m, bending_m + shear_m), 1e-6) << elements << " elements";
    EXPECT_GT(w_m, bending_m * 1.05);  // shear really counts here
  }
}

TEST(BridgeTimoshenko, StiffShearReturnsEulerBernoulli) {
  const double euler_m = SimplySupportedMidspan(testing::ReferenceSection(), 10);
  const double stiff_m = SimplySupportedMidspan(TimoshenkoSection(1e20), 10);
  EXPECT_LT(RelativeError(stiff_m, euler_m), 1e-8);
  EXPECT_LT(RelativeError(euler_m, kForce_N * std::pow(kSpan_m, 3) / (48.0 * kEI_Nm2)), 1e-9);
  EXPECT_EQ(ShearParameter(testing::ReferenceSection(), 2.0), 0.0);
}

// Cantilever fixed at x = 0 (a girder needs two supports, so K is assembled here).
TEST(BridgeTimoshenko, CantileverTipForce) {
  const Section section = TimoshenkoSection();
  const int elements = 4;
  const double element_m = kSpan_m / elements;
  const int dofs = 3 * (elements + 1);
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(dofs, dofs);
  for (int e = 0; e < elements; ++e) k.block<6, 6>(3 * e, 3 * e) += ElementStiffness(section, element_m);
  Eigen::VectorXd f = Eigen::VectorXd::Zero(dofs - 3);
  f(dofs - 3 - 2) = kForce_N;  // downward at the tip
  const Eigen::VectorXd u = k.bottomRightCorner(dofs - 3, dofs - 3).ldlt().solve(f);
  const double expected_m = kForce_N * std::pow(kSpan_m, 3) / (3.0 * kEI_Nm2) +
                            kForce_N * kSpan_m / (section.shear_modulus_Pa * section.shear_area_m2);
  EXPECT_LT(RelativeError(u(dofs - 3 - 2), expected_m), 1e-6);
  // the section rotation at the tip is the bending one, P L^2 / (2 EI)
  EXPECT_LT(RelativeError(u(dofs - 3 - 1), kForce_N * kSpan_m * kSpan_m / (2.0 * kEI_Nm2)), 1e-6);
}

constexpr const char* kJson = R"({"section": {"E_Pa": 3e10, "I_m4": 0.5, "A_m2": 4, "mass_kg_per_m": 1e4,
  "theory": "timoshenko", "G_Pa": 1.2e10},
  "spans_m": [20], "elements_per_span": 4,
  "supports": [{"id": "A", "kind": "pinned"}, {"id": "B", "kind": "roller"}]})";

TEST(BridgeTimoshenko, ReaderTheoryKey) {
  const BridgeInput input = ReadBridgeJson(kJson, "t.json");
  const Section& section = input.girder.sections[0];
  EXPECT_EQ(section.theory, BeamTheory::kTimoshenko);
  EXPECT_EQ(section.shear_modulus_Pa, 1.2e10);
  EXPECT_NEAR(section.shear_area_m2, 4.0 * 5.0 / 6.0, 1e-12);  // default kappa = 5/6
  std::string no_g = kJson;
  no_g.replace(no_g.find(", \"G_Pa\": 1.2e10"), 16, "");
  EXPECT_THROW(ReadBridgeJson(no_g, "t.json"), Error);
  std::string unknown = kJson;
  unknown.replace(unknown.find("\"timoshenko\""), 12, "\"reissner\"");
  EXPECT_THROW(ReadBridgeJson(unknown, "t.json"), Error);
  std::string euler = kJson;
  euler.replace(euler.find("\"timoshenko\""), 12, "\"euler-bernoulli\"");
  EXPECT_EQ(ReadBridgeJson(euler, "t.json").girder.sections[0].theory, BeamTheory::kEulerBernoulli);
  Section bad = TimoshenkoSection();
  bad.shear_area_m2 = 0.0;
  const std::vector<double> span{kSpan_m};
  EXPECT_THROW(
      BuildContinuousGirder("bad", span, 2, bad, {{"A", SupportKind::kPinned}, {"B", SupportKind::kRoller}}),
      Error);
}

}  // namespace
}  // namespace lifeline::bridge
