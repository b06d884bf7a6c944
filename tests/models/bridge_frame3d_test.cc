// Tests for the 3D frame element and the space-frame static solver
// (frame3d_element.h, frame3d_static.h) against hand solutions.
#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <cmath>

#include "engine/error.h"
#include "models/bridge/frame3d_static.h"

namespace lifeline::bridge {
namespace {

constexpr double kE_Pa = 2.1e11;
constexpr double kG_Pa = 8.1e10;
constexpr double kLength_m = 3.0;
constexpr double kForce_N = 10e3;

// A = 0.01 m^2, J = 2e-5, I_y = 8e-5, I_z = 2e-5 m^4 (I_y != I_z on purpose).
FrameSection3d Section(double iy_m4 = 8e-5, double iz_m4 = 2e-5) {
  return {kE_Pa, kG_Pa, 0.01, 2e-5, iy_m4, iz_m4};
}

double RelativeError(double value, double reference) { return std::abs(value / reference - 1.0); }

// Cantilever from the origin to tip_m in `elements` members, fixed at the origin.
SpaceFrame Cantilever(const Eigen::Vector3d& tip_m, const Eigen::Vector3d& reference, int elements,
                      const FrameSection3d& section) {
  SpaceFrame frame;
  for (int k = 0; k <= elements; ++k) frame.node_m.push_back(tip_m * k / elements);
  for (int k = 0; k < elements; ++k) frame.members.push_back({k, k + 1, section, reference});
  frame.supports.push_back({0});
  return frame;
}

Eigen::Vector3d TipTranslation(const Frame3dStaticResult& result, int tip) {
  return result.displacement.segment<3>(6 * tip);
}

TEST(BridgeFrame3d, CantileverAlongXBendsAboutTheRightAxis) {
  const FrameSection3d section = Section();
  const SpaceFrame frame = Cantilever({kLength_m, 0, 0}, {0, 1, 0}, 4, section);  // y' = Y, z' = Z
  const double l3 = std::pow(kLength_m, 3);
  const Frame3dStaticResult in_y = SolveFrame3dStatic(frame, {{4, {0, kForce_N, 0, 0, 0, 0}}});
  EXPECT_LT(
      RelativeError(in_y.displacement(6 * 4 + 1), kForce_N * l3 / (3 * kE_Pa * section.second_moment_z_m4)),
      1e-9);
  EXPECT_LT(RelativeError(in_y.displacement(6 * 4 + 5),
                          kForce_N * kLength_m * kLength_m / (2 * kE_Pa * section.second_moment_z_m4)),
            1e-9);  // rz = +dv/dx
  EXPECT_NEAR(in_y.displacement(6 * 4 + 2), 0.0, 1e-15);
  EXPECT_LT(RelativeError(in_y.reaction(1), -kForce_N), 1e-9);
  EXPECT_LT(RelativeError(in_y.reaction(5), -kForce_N * kLength_m), 1e-9);
  const Frame3dStaticResult in_z = SolveFrame3dStatic(frame, {{4, {0, 0, kForce_N, 0, 0, 0}}});
  EXPECT_LT(
      RelativeError(in_z.displacement(6 * 4 + 2), kForce_N * l3 / (3 * kE_Pa * section.second_moment_y_m4)),
      1e-9);
  EXPECT_LT(RelativeError(in_z.displacement(6 * 4 + 4),
                          -kForce_N * kLength_m * kLength_m / (2 * kE_Pa * section.second_moment_y_m4)),
            1e-9);  // ry = -dw/dx
  // With the reference vector along Z, y' = Z: a Z load now bends about I_z.
  const SpaceFrame turned = Cantilever({kLength_m, 0, 0}, {0, 0, 1}, 1, section);
  const Frame3dStaticResult turned_z = SolveFrame3dStatic(turned, {{1, {0, 0, kForce_N, 0, 0, 0}}});
  EXPECT_LT(
      RelativeError(turned_z.displacement(6 + 2), kForce_N * l3 / (3 * kE_Pa * section.second_moment_z_m4)),
      1e-9);
}

TEST(BridgeFrame3d, AxialAndTorsion) {
  const FrameSection3d section = Section();
  const SpaceFrame frame = Cantilever({kLength_m, 0, 0}, {0, 1, 0}, 3, section);
  const double torque_Nm = 2e3;
  const Frame3dStaticResult result = SolveFrame3dStatic(frame, {{3, {kForce_N, 0, 0, torque_Nm, 0, 0}}});
  EXPECT_LT(RelativeError(result.displacement(6 * 3), kForce_N * kLength_m / (kE_Pa * section.area_m2)),
            1e-9);
  EXPECT_LT(RelativeError(result.displacement(6 * 3 + 3),
                          torque_Nm * kLength_m / (kG_Pa * section.torsion_constant_m4)),
            1e-9);
  EXPECT_LT(RelativeError(result.reaction(3), -torque_Nm), 1e-9);
}

TEST(BridgeFrame3d, ObliqueCantileverMatchesTheOneAlongX) {
  const FrameSection3d section = Section();
  const Eigen::Vector3d axis = Eigen::Vector3d(1, 2, 2) / 3.0;  // unit
  const Eigen::Vector3d reference(0, 0, 1);
  // local y' by hand: the part of the reference vector across the member
  const Eigen::Vector3d y_local = (reference - reference.dot(axis) * axis).normalized();
  const Eigen::Vector3d z_local = axis.cross(y_local);
  const SpaceFrame frame = Cantilever(axis * kLength_m, reference, 2, section);
  const double l3 = std::pow(kLength_m, 3);
  const auto tip = [&](const Eigen::Vector3d& force_N) {
    return TipTranslation(SolveFrame3dStatic(frame, {{2, {force_N(0), force_N(1), force_N(2), 0, 0, 0}}}), 2);
  };
  const Eigen::Vector3d along_y = tip(kForce_N * y_local);
  EXPECT_LT(RelativeError(along_y.dot(y_local), kForce_N * l3 / (3 * kE_Pa * section.second_moment_z_m4)),
            1e-9);
  EXPECT_LT((along_y - along_y.dot(y_local) * y_local).norm(), 1e-12 * along_y.norm());
  const Eigen::Vector3d along_z = tip(kForce_N * z_local);
  EXPECT_LT(RelativeError(along_z.dot(z_local), kForce_N * l3 / (3 * kE_Pa * section.second_moment_y_m4)),
            1e-9);
  const Eigen::Vector3d axial = tip(kForce_N * axis);
  EXPECT_LT(RelativeError(axial.dot(axis), kForce_N * kLength_m / (kE_Pa * section.area_m2)), 1e-9);
  // Torque about the member axis twists it by T L / (G J).
  const Eigen::Vector3d torque_Nm = 2e3 * axis;
  const Frame3dStaticResult twisted =
      SolveFrame3dStatic(frame, {{2, {0, 0, 0, torque_Nm(0), torque_Nm(1), torque_Nm(2)}}});
  const Eigen::Vector3d rotation = twisted.displacement.segment<3>(6 * 2 + 3);
  EXPECT_LT(RelativeError(rotation.dot(axis), 2e3 * kLength_m / (kG_Pa * section.torsion_constant_m4)), 1e-9);
}

// L-frame: column fixed at the origin up to (0, 0, H), beam to (B, 0, H), load at the beam tip.
TEST(BridgeFrame3d, LFrameHandSolution) {
  const double i_m4 = 5e-5;  // I_y = I_z: both members bend alike in every plane
  const FrameSection3d section = Section(i_m4, i_m4);
  const double height_m = 4.0, beam_m = 3.0;
  SpaceFrame frame;
  frame.node_m = {{0, 0, 0}, {0, 0, height_m}, {beam_m, 0, height_m}};
  frame.members = {{0, 1, section, {1, 0, 0}}, {1, 2, section, {0, 0, 1}}};
  frame.supports = {{0}};
  const double ei = kE_Pa * i_m4;
  // Vertical load -P: beam cantilever + column top rotation (M = P B) times B + column shortening.
  const Frame3dStaticResult down = SolveFrame3dStatic(frame, {{2, {0, 0, -kForce_N, 0, 0, 0}}});
  const double down_m = kForce_N * std::pow(beam_m, 3) / (3 * ei) +
                        kForce_N * beam_m * beam_m * height_m / ei +
                        kForce_N * height_m / (kE_Pa * section.area_m2);
  EXPECT_LT(RelativeError(-down.displacement(6 * 2 + 2), down_m), 1e-9);
  // column top sways by M H^2 / (2 EI) toward +x (it leans toward the load)
  EXPECT_LT(RelativeError(down.displacement(6 * 1), kForce_N * beam_m * height_m * height_m / (2 * ei)),
            1e-9);
  EXPECT_LT(RelativeError(down.reaction(2), kForce_N), 1e-9);
  EXPECT_LT(RelativeError(down.reaction(4), -kForce_N * beam_m), 1e-9);  // base moment about Y
  // Out-of-plane load +P in Y: beam bending + column bending + column torsion (T = P B) times B.
  const Frame3dStaticResult side = SolveFrame3dStatic(frame, {{2, {0, kForce_N, 0, 0, 0, 0}}});
  const double side_m = kForce_N * std::pow(beam_m, 3) / (3 * ei) +
                        kForce_N * std::pow(height_m, 3) / (3 * ei) +
                        kForce_N * beam_m * beam_m * height_m / (kG_Pa * section.torsion_constant_m4);
  EXPECT_LT(RelativeError(side.displacement(6 * 2 + 1), side_m), 1e-9);
  EXPECT_LT(RelativeError(side.reaction(5), -kForce_N * beam_m), 1e-9);  // base torque about Z
}

TEST(BridgeFrame3d, BadInputIsAnError) {
  const FrameSection3d section = Section();
  EXPECT_THROW(Frame3dRotation({0, 0, 0}, {1, 1, 0}, {2, 2, 0}), Error);  // reference along the member
  EXPECT_THROW(Frame3dRotation({1, 2, 3}, {1, 2, 3}, {0, 0, 1}), Error);  // coincident nodes
  EXPECT_THROW(Frame3dLocalStiffness(Section(0.0, 2e-5), 1.0), Error);
  SpaceFrame frame = Cantilever({kLength_m, 0, 0}, {0, 1, 0}, 2, section);
  frame.supports[0].restrained[3] = false;  // torsion free at the root: a mechanism
  EXPECT_THROW(SolveFrame3dStatic(frame, {{2, {0, kForce_N, 0, 0, 0, 0}}}), Error);
  frame.supports[0].restrained[3] = true;
  EXPECT_THROW(SolveFrame3dStatic(frame, {{7, {0, kForce_N, 0, 0, 0, 0}}}), Error);
  frame.members.push_back({0, 9, section, {0, 1, 0}});
  EXPECT_THROW(SolveFrame3dStatic(frame, {}), Error);
}

}  // namespace
}  // namespace lifeline::bridge
