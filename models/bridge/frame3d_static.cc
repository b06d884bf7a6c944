// Space-frame static analysis (see frame3d_static.h).
#include "models/bridge/frame3d_static.h"

#include <fmt/format.h>

#include <Eigen/Dense>

#include "engine/error.h"

namespace lifeline::bridge {
namespace {

void CheckNode(int node, int node_count, const char* what) {
  if (node < 0 || node >= node_count) {
    throw Error(fmt::format("3D frame: {} refers to node {} of {}", what, node, node_count));
  }
}

}  // namespace

Frame3dStaticResult SolveFrame3dStatic(const SpaceFrame& frame, const std::vector<Frame3dLoad>& loads) {
  const int node_count = static_cast<int>(frame.node_m.size());
  const Eigen::Index dof_count = 6 * static_cast<Eigen::Index>(node_count);
  Eigen::MatrixXd stiffness = Eigen::MatrixXd::Zero(dof_count, dof_count);
  for (const Frame3dMember& member : frame.members) {
    CheckNode(member.node_i, node_count, "member");
    CheckNode(member.node_j, node_count, "member");
    const Frame3dMatrix k =
        Frame3dGlobalStiffness(member.section, frame.node_m[static_cast<size_t>(member.node_i)],
                               frame.node_m[static_cast<size_t>(member.node_j)], member.reference);
    const int base[2] = {6 * member.node_i, 6 * member.node_j};
    for (int a = 0; a < 2; ++a) {
      for (int b = 0; b < 2; ++b) stiffness.block<6, 6>(base[a], base[b]) += k.block<6, 6>(6 * a, 6 * b);
    }
  }
  Eigen::VectorXd force = Eigen::VectorXd::Zero(dof_count);
  for (const Frame3dLoad& load : loads) {
    CheckNode(load.node, node_count, "load");
    for (int k = 0; k < 6; ++k) force(6 * load.node + k) += load.force[static_cast<size_t>(k)];
  }
  std::vector<bool> restrained(static_cast<size_t>(dof_count), false);
  for (const Frame3dSupport& support : frame.supports) {
    CheckNode(support.node, node_count, "support");
    for (int k = 0; k < 6; ++k) {
      if (support.restrained[static_cast<size_t>(k)])
        restrained[static_cast<size_t>(6 * support.node + k)] = true;
    }
  }
  std::vector<Eigen::Index> free;
  for (Eigen::Index i = 0; i < dof_count; ++i) {
    if (!restrained[static_cast<size_t>(i)]) free.push_back(i);
  }
  const Eigen::Index n = static_cast<Eigen::Index>(free.size());
  Eigen::MatrixXd k_ff(n, n);
  Eigen::VectorXd f_f(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    f_f(i) = force(free[static_cast<size_t>(i)]);
    for (Eigen::Index j = 0; j < n; ++j)
      k_ff(i, j) = stiffness(free[static_cast<size_t>(i)], free[static_cast<size_t>(j)]);
  }
  Frame3dStaticResult result;
  result.displacement = Eigen::VectorXd::Zero(dof_count);
  if (n > 0) {
    const Eigen::LDLT<Eigen::MatrixXd> solver(k_ff);
    const Eigen::VectorXd pivots = solver.vectorD().cwiseAbs();
    if (solver.info() != Eigen::Success || !solver.isPositive() ||
        !(pivots.minCoeff() > 1e-12 * pivots.maxCoeff())) {
      throw Error("3D frame: the supports do not hold the frame (singular stiffness, a mechanism)");
    }
    const Eigen::VectorXd u_f = solver.solve(f_f);
    for (Eigen::Index i = 0; i < n; ++i) result.displacement(free[static_cast<size_t>(i)]) = u_f(i);
  }
  result.reaction = stiffness * result.displacement - force;
  for (Eigen::Index i = 0; i < n; ++i) result.reaction(free[static_cast<size_t>(i)]) = 0.0;
  return result;
}

}  // namespace lifeline::bridge
