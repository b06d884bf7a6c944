// The 3D Euler-Bernoulli frame element: 12 DOFs, axial, two bending planes, torsion.
//
// Node DOFs (global): [ux, uy, uz, rx, ry, rz] (metres, radians). Element DOFs
// d = [node i DOFs, node j DOFs]. Local axes: x' = (X_j - X_i) / L; z' is
// normalise(x' x v) for the reference vector v (not parallel to x'), y' = z' x x'
// (so v lies in the x'-y' plane). Local stiffness k (L length, E, G, A, J,
// I_y about y', I_z about z'):
//   axial   EA/L on (u1,u2) [1 -1; -1 1];   torsion GJ/L on (rx1,rx2) [1 -1; -1 1]
//   x'-y' plane (v, rz):  EI_z/L^3 [12 6L -12 6L; 6L 4L^2 -6L 2L^2; -12 -6L 12 -6L; 6L 2L^2 -6L 4L^2]
//   x'-z' plane (w, ry):  EI_y/L^3 [12 -6L -12 -6L; -6L 4L^2 6L 2L^2; -12 6L 12 6L; -6L 2L^2 6L 4L^2]
//   (ry = -dw/dx, rz = +dv/dx by the right-hand rule).
// Global: K = T^T k T, T = blockdiag(R, R, R, R), R rows = x', y', z' in global.
#pragma once

#include <Eigen/Core>

namespace lifeline::bridge {

struct FrameSection3d {
  double elastic_modulus_Pa = 0.0;   // E
  double shear_modulus_Pa = 0.0;     // G
  double area_m2 = 0.0;              // A
  double torsion_constant_m4 = 0.0;  // J
  double second_moment_y_m4 = 0.0;   // I_y: bending in the local x'-z' plane
  double second_moment_z_m4 = 0.0;   // I_z: bending in the local x'-y' plane
};

using Frame3dMatrix = Eigen::Matrix<double, 12, 12>;

// Local stiffness of a member of length_m; an Error for non-positive input.
Frame3dMatrix Frame3dLocalStiffness(const FrameSection3d& section, double length_m);

// R (rows x', y', z'); an Error for coincident nodes or v parallel to the member.
Eigen::Matrix3d Frame3dRotation(const Eigen::Vector3d& node_i_m, const Eigen::Vector3d& node_j_m,
                                const Eigen::Vector3d& reference);

// Global stiffness T^T k T.
Frame3dMatrix Frame3dGlobalStiffness(const FrameSection3d& section, const Eigen::Vector3d& node_i_m,
                                     const Eigen::Vector3d& node_j_m, const Eigen::Vector3d& reference);

}  // namespace lifeline::bridge
