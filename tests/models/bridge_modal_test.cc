// Tests for models/bridge/modal_analysis: Euler-Bernoulli frequencies of the
// DOMAIN.md reference beam on one, two and three equal spans.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "models/bridge/girder_matrices.h"
#include "models/bridge/modal_analysis.h"
#include "tests/models/bridge_test_girders.h"

namespace lifeline::bridge {
namespace {

using testing::ReferenceGirder;

double RelativeError(double value, double reference) { return std::abs(value / reference - 1.0); }

TEST(BridgeModal, SimplySupportedFrequencies) {
  // f_n = n^2 pi / (2 L^2) sqrt(EI / m) = 3.9270, 15.708, 35.343 Hz
  const std::vector<Mode> modes = BendingModes(SolveModes(ReferenceGirder(1, 10), 8));
  ASSERT_GE(modes.size(), 3u);
  const double reference_Hz[] = {3.9270, 15.708, 35.343};
  for (int n = 1; n <= 3; ++n) {
    const double exact_Hz = n * n * std::numbers::pi / (2.0 * 400.0) * std::sqrt(1e10 / 1e4);
    EXPECT_NEAR(exact_Hz, reference_Hz[n - 1], 5e-4);
    EXPECT_LT(RelativeError(modes[n - 1].frequency_Hz, exact_Hz), 1e-3) << "mode " << n;
  }
}

TEST(BridgeModal, ShapesAreMassNormalisedSines) {
  const Girder girder = ReferenceGirder(1, 10);
  const std::vector<Mode> modes = BendingModes(SolveModes(girder, 4));
  const GirderMatrices matrices = AssembleGirderMatrices(girder);
  const Mode& first = modes[0];
  EXPECT_NEAR(first.shape.dot(matrices.mass * first.shape), 1.0, 1e-9);
  EXPECT_NEAR(first.shape.dot(matrices.mass * modes[1].shape), 0.0, 1e-9);
  // sin(pi x / L) shape: w(5 m) / w(10 m) = sin(pi / 4)
  EXPECT_NEAR(DeflectionAt_m(girder, first.shape, 5.0) / DeflectionAt_m(girder, first.shape, 10.0),
              std::sin(std::numbers::pi / 4.0), 1e-3);
}

TEST(BridgeModal, AxialModeIsRecognised) {
  // a pinned-roller bar: f = c / (4 L), c = sqrt(EA / m)
  const std::vector<Mode> modes = SolveModes(ReferenceGirder(1, 40), 12);
  const double axial_Hz = std::sqrt(3e10 * 5.0 / 1e4) / (4.0 * 20.0);
  int axial_count = 0;
  for (const Mode& mode : modes) {
    if (mode.kind != ModeKind::kAxial) continue;
    if (axial_count++ == 0) {
      EXPECT_LT(RelativeError(mode.frequency_Hz, axial_Hz), 1e-3);
    }
  }
  EXPECT_GE(axial_count, 1);
}

TEST(BridgeModal, TwoEqualSpans) {
  const std::vector<Mode> modes = BendingModes(SolveModes(ReferenceGirder(2, 10), 8));
  EXPECT_LT(RelativeError(modes[0].frequency_Hz, 3.9270), 1e-3);
  EXPECT_LT(RelativeError(modes[1].frequency_Hz / modes[0].frequency_Hz, 1.5622), 1e-3);
}

TEST(BridgeModal, ThreeEqualSpans) {
  const std::vector<Mode> modes = BendingModes(SolveModes(ReferenceGirder(3, 10), 8));
  EXPECT_LT(RelativeError(modes[0].frequency_Hz, 3.9270), 1e-3);
  EXPECT_LT(RelativeError(modes[1].frequency_Hz / modes[0].frequency_Hz, 1.2815), 1e-3);
  EXPECT_LT(RelativeError(modes[2].frequency_Hz / modes[0].frequency_Hz, 1.8713), 1e-3);
}

}  // namespace
}  // namespace lifeline::bridge
