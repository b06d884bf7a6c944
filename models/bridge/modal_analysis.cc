// Natural frequencies and mode shapes (see modal_analysis.h).
#include "models/bridge/modal_analysis.h"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "models/bridge/girder_matrices.h"

namespace lifeline::bridge {
namespace {

constexpr int kMaxDenseDofs = 4000;

}  // namespace

std::vector<Mode> SolveModes(const Girder& girder, int mode_count) {
  const GirderMatrices matrices = AssembleGirderMatrices(girder);
  const DofPartition partition = PartitionDofs(girder);
  const int free_count = static_cast<int>(partition.free_dofs.size());
  if (free_count > kMaxDenseDofs) {
    throw Error::AtElement(
        kSystem, girder.title,
        fmt::format("{} free DOFs: modal analysis is dense, use at most {}", free_count, kMaxDenseDofs));
  }
  const Eigen::MatrixXd stiffness = SubMatrix(matrices.stiffness, partition.free_dofs, partition.free_dofs);
  const Eigen::MatrixXd mass = SubMatrix(matrices.mass, partition.free_dofs, partition.free_dofs);
  Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::MatrixXd> solver(stiffness, mass);
  if (solver.info() != Eigen::Success) {
    throw Error::AtElement(kSystem, girder.title,
                           "the generalized eigenproblem K phi = omega^2 M phi did not converge");
  }

  std::vector<Mode> modes;
  const int count = std::min(mode_count, free_count);
  for (int k = 0; k < count; ++k) {
    const double omega_squared = solver.eigenvalues()(k);
    if (!(omega_squared > 0.0)) {
      throw Error::AtElement(kSystem, girder.title,
                             "a zero-frequency mode: the supports do not hold the girder");
    }
    Mode mode;
    mode.frequency_Hz = std::sqrt(omega_squared) / (2.0 * std::numbers::pi);
    const Eigen::VectorXd free_shape = solver.eigenvectors().col(k);
    const Eigen::VectorXd mass_times_shape = mass * free_shape;
    double axial_energy = 0.0;
    mode.shape = Eigen::VectorXd::Zero(girder.dof_count());
    for (int f = 0; f < free_count; ++f) {
      const int dof = partition.free_dofs[f];
      mode.shape(dof) = free_shape(f);
      if (dof == AxialDof(dof / 3)) axial_energy += free_shape(f) * mass_times_shape(f);
    }
    mode.kind = axial_energy > 0.5 * free_shape.dot(mass_times_shape) ? ModeKind::kAxial : ModeKind::kBending;
    modes.push_back(std::move(mode));
  }
  return modes;
}

std::vector<Mode> BendingModes(const std::vector<Mode>& modes) {
  std::vector<Mode> bending;
  std::copy_if(modes.begin(), modes.end(), std::back_inserter(bending),
               [](const Mode& mode) { return mode.kind == ModeKind::kBending; });
  return bending;
}

}  // namespace lifeline::bridge
