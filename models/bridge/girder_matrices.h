// Global matrices and load vectors of a girder, and its response at a point.
//
// Global DOF of node n: 3n (axial u), 3n+1 (deflection w, down), 3n+2 (theta).
// K and M are the element matrices (beam_element.h) summed over elements, K
// with each spring support's stiffness added on its node's w. Restrained DOFs
// are the supports' (pinned: u, w; roller: w; fixed: u, w, theta); the others
// are free. Prescribed displacements are the settlements of restrained w; a
// spring with settlement s pulls with k s on its node.
//
// Loads (positive down) become consistent nodal forces f = integral N^T q ds:
// a point force P at s gives P N(s); a uniform q over [a, b] is integrated by
// two-point Gauss per element (exact for the cubic N).
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <vector>

#include "models/bridge/girder.h"

namespace lifeline::bridge {

inline int AxialDof(int node) { return 3 * node; }
inline int DeflectionDof(int node) { return 3 * node + 1; }
inline int RotationDof(int node) { return 3 * node + 2; }

struct GirderMatrices {
  Eigen::SparseMatrix<double> stiffness;  // K, N/m (springs included)
  Eigen::SparseMatrix<double> mass;       // M, kg (consistent)
};
GirderMatrices AssembleGirderMatrices(const Girder& girder);

struct DofPartition {
  std::vector<int> free_dofs;        // global DOFs, increasing
  std::vector<int> restrained_dofs;  // global DOFs, increasing
  std::vector<int> free_index;       // by global DOF: index into free_dofs, -1 if restrained
  Eigen::VectorXd prescribed_m;      // by global DOF: settlement on restrained w, else 0
};
DofPartition PartitionDofs(const Girder& girder);

// Rows and columns of a global matrix kept by two index lists.
Eigen::SparseMatrix<double> SubMatrix(const Eigen::SparseMatrix<double>& matrix, const std::vector<int>& rows,
                                      const std::vector<int>& columns);

// Load vectors (global, size dof_count), added to `load`.
void AddPointForce(const Girder& girder, double x_m, double force_N, Eigen::VectorXd& load);
void AddUniformForce(const Girder& girder, double from_m, double to_m, double force_N_per_m,
                     Eigen::VectorXd& load);
void AddUniformTemperature(const Girder& girder, double temperature_change_K, Eigen::VectorXd& load);
void AddSpringSettlements(const Girder& girder, Eigen::VectorXd& load);

// The 6 element DOFs of the element holding a point, and their global DOF numbers.
Eigen::Matrix<double, 6, 1> ElementDisplacements(const Eigen::VectorXd& displacement, int element);
Eigen::Matrix<int, 6, 1> ElementDofs(int element);

// Response at x_m from a global displacement vector.
double DeflectionAt_m(const Girder& girder, const Eigen::VectorXd& displacement, double x_m);
double RotationAt_rad(const Girder& girder, const Eigen::VectorXd& displacement, double x_m);
// Total (kinematic) strain at a fibre below the axis: eps = du/dx - z d2w/dx2.
double StrainAt(const Girder& girder, const Eigen::VectorXd& displacement, double x_m,
                double fibre_below_axis_m);

}  // namespace lifeline::bridge
