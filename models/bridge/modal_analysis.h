// Natural frequencies and mode shapes of a girder.
//
// The generalized eigenproblem on the free DOFs,
//   K_ff phi = omega^2 M_ff phi,   f = omega / (2 pi),
// with the consistent mass matrix, solved densely (Eigen's
// GeneralizedSelfAdjointEigenSolver; fine up to a few thousand DOFs).
// Shapes are mass-normalised (phi^T M phi = 1) and scattered to global DOFs
// (zero on restrained DOFs). Axial and bending DOFs do not couple in a straight
// girder, so each mode is either a bending (vertical) or an axial mode; its
// kind is the part holding most of its kinetic energy phi^T M phi.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "models/bridge/girder.h"

namespace lifeline::bridge {

enum class ModeKind { kBending, kAxial };

struct Mode {
  double frequency_Hz = 0.0;
  ModeKind kind = ModeKind::kBending;
  Eigen::VectorXd shape;  // global DOFs, mass-normalised
};

// The mode_count lowest modes (all when fewer DOFs), by increasing frequency.
std::vector<Mode> SolveModes(const Girder& girder, int mode_count);

// The lowest bending modes only.
std::vector<Mode> BendingModes(const std::vector<Mode>& modes);

}  // namespace lifeline::bridge
