// The 3D frame element (see frame3d_element.h).
#include "models/bridge/frame3d_element.h"

#include <Eigen/Geometry>
#include <cmath>

#include "engine/error.h"

namespace lifeline::bridge {

Frame3dMatrix Frame3dLocalStiffness(const FrameSection3d& section, double length_m) {
  const FrameSection3d& s = section;
  const bool positive = s.elastic_modulus_Pa > 0.0 && s.shear_modulus_Pa > 0.0 && s.area_m2 > 0.0 &&
                        s.torsion_constant_m4 > 0.0 && s.second_moment_y_m4 > 0.0 &&
                        s.second_moment_z_m4 > 0.0 && length_m > 0.0;
  if (!positive) throw Error("3D frame member needs positive E, G, A, J, I_y, I_z and length");
  const double L = length_m;
  const double E = s.elastic_modulus_Pa;
  Frame3dMatrix k = Frame3dMatrix::Zero();
  const auto pair = [&k](int a, int b, double value) {  // value on (a,a), (b,b); -value on (a,b)
    k(a, a) += value;
    k(b, b) += value;
    k(a, b) -= value;
    k(b, a) -= value;
  };
  pair(0, 6, E * s.area_m2 / L);
  pair(3, 9, s.shear_modulus_Pa * s.torsion_constant_m4 / L);
  // Bending: w = translation DOF, r = rotation DOF, sign +1 if r = +dw/dx.
  const auto bending = [&k, L](int w1, int r1, int w2, int r2, double ei, double sign) {
    const double a = 12 * ei / (L * L * L), b = sign * 6 * ei / (L * L), c = 4 * ei / L, d = 2 * ei / L;
    const int dof[4] = {w1, r1, w2, r2};
    // clang-format off
    const double m[4][4] = {{a, b, -a, b}, {b, c, -b, d}, {-a, -b, a, -b}, {b, d, -b, c}};
    // clang-format on
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) k(dof[i], dof[j]) += m[i][j];
    }
  };
  bending(1, 5, 7, 11, E * s.second_moment_z_m4, 1.0);   // v, rz = +dv/dx
  bending(2, 4, 8, 10, E * s.second_moment_y_m4, -1.0);  // w, ry = -dw/dx
  return k;
}

Eigen::Matrix3d Frame3dRotation(const Eigen::Vector3d& node_i_m, const Eigen::Vector3d& node_j_m,
                                const Eigen::Vector3d& reference) {
  const Eigen::Vector3d axis = node_j_m - node_i_m;
  const double length_m = axis.norm();
  if (!(length_m > 0.0)) throw Error("3D frame member has coincident nodes");
  const Eigen::Vector3d x = axis / length_m;
  const Eigen::Vector3d z_raw = x.cross(reference);
  if (!(z_raw.norm() > 1e-9 * reference.norm())) {
    throw Error("3D frame member: reference vector is zero or parallel to the member");
  }
  const Eigen::Vector3d z = z_raw.normalized();
  const Eigen::Vector3d y = z.cross(x);
  Eigen::Matrix3d rotation;
  rotation.row(0) = x.transpose();
  rotation.row(1) = y.transpose();
  rotation.row(2) = z.transpose();
  return rotation;
}

Frame3dMatrix Frame3dGlobalStiffness(const FrameSection3d& section, const Eigen::Vector3d& node_i_m,
                                     const Eigen::Vector3d& node_j_m, const Eigen::Vector3d& reference) {
  const Eigen::Matrix3d rotation = Frame3dRotation(node_i_m, node_j_m, reference);
  Frame3dMatrix transform = Frame3dMatrix::Zero();
  for (int block = 0; block < 4; ++block) transform.block<3, 3>(3 * block, 3 * block) = rotation;
  const Frame3dMatrix local = Frame3dLocalStiffness(section, (node_j_m - node_i_m).norm());
  return transform.transpose() * local * transform;
}

}  // namespace lifeline::bridge
