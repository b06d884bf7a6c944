// Linear static analysis of a 3D space frame (frame3d_element.h members).
//
// Six DOFs per node [ux, uy, uz, rx, ry, rz]. Assemble K = sum T^T k T, split
// free (f) and restrained (r, displacement 0) DOFs and solve K_ff u_f = f_f
// densely (L D L^T; small frames, up to a few thousand DOFs). Reactions
// r = K u - f on the restrained DOFs (the support's force/moment on the frame,
// in the global axes). A mechanism (singular K_ff) is an Error.
#pragma once

#include <Eigen/Core>
#include <array>
#include <vector>

#include "models/bridge/frame3d_element.h"

namespace lifeline::bridge {

struct Frame3dMember {
  int node_i = 0;
  int node_j = 0;
  FrameSection3d section;
  Eigen::Vector3d reference{0.0, 0.0, 1.0};  // fixes the local y' (frame3d_element.h)
};

struct Frame3dSupport {
  int node = 0;
  std::array<bool, 6> restrained{true, true, true, true, true, true};  // ux uy uz rx ry rz
};

struct Frame3dLoad {
  int node = 0;
  std::array<double, 6> force{};  // Fx Fy Fz [N], Mx My Mz [N m], global axes
};

struct SpaceFrame {
  std::vector<Eigen::Vector3d> node_m;
  std::vector<Frame3dMember> members;
  std::vector<Frame3dSupport> supports;
};

struct Frame3dStaticResult {
  Eigen::VectorXd displacement;  // 6 per node [m, rad]
  Eigen::VectorXd reaction;      // 6 per node, zero on free DOFs [N, N m]
};

Frame3dStaticResult SolveFrame3dStatic(const SpaceFrame& frame, const std::vector<Frame3dLoad>& loads);

}  // namespace lifeline::bridge
