// Global matrices, partition, loads and point response (see girder_matrices.h).
#include "models/bridge/girder_matrices.h"

#include <algorithm>
#include <cmath>

#include "models/bridge/beam_element.h"

namespace lifeline::bridge {

Eigen::Matrix<int, 6, 1> ElementDofs(int element) {
  Eigen::Matrix<int, 6, 1> dofs;
  for (int k = 0; k < 6; ++k) dofs(k) = 3 * element + k;
  return dofs;
}

Eigen::Matrix<double, 6, 1> ElementDisplacements(const Eigen::VectorXd& displacement, int element) {
  return displacement.segment<6>(3 * element);
}

GirderMatrices AssembleGirderMatrices(const Girder& girder) {
  std::vector<Eigen::Triplet<double>> stiffness;
  std::vector<Eigen::Triplet<double>> mass;
  for (int element = 0; element < girder.element_count(); ++element) {
    const double length_m = girder.element_length_m(element);
    const ElementMatrix k = ElementStiffness(girder.sections[element], length_m);
    const ElementMatrix m = ElementConsistentMass(girder.sections[element], length_m);
    const auto dofs = ElementDofs(element);
    for (int i = 0; i < 6; ++i) {
      for (int j = 0; j < 6; ++j) {
        if (k(i, j) != 0.0) stiffness.emplace_back(dofs(i), dofs(j), k(i, j));
        if (m(i, j) != 0.0) mass.emplace_back(dofs(i), dofs(j), m(i, j));
      }
    }
  }
  for (const Support& support : girder.supports) {
    if (support.kind == SupportKind::kSpring) {
      stiffness.emplace_back(DeflectionDof(support.node), DeflectionDof(support.node),
                             support.spring_stiffness_N_per_m);
    }
  }
  GirderMatrices matrices;
  matrices.stiffness.resize(girder.dof_count(), girder.dof_count());
  matrices.stiffness.setFromTriplets(stiffness.begin(), stiffness.end());
  matrices.mass.resize(girder.dof_count(), girder.dof_count());
  matrices.mass.setFromTriplets(mass.begin(), mass.end());
  return matrices;
}

DofPartition PartitionDofs(const Girder& girder) {
  DofPartition partition;
  std::vector<bool> restrained(girder.dof_count(), false);
  partition.prescribed_m = Eigen::VectorXd::Zero(girder.dof_count());
  for (const Support& support : girder.supports) {
    const bool axial = support.kind == SupportKind::kPinned || support.kind == SupportKind::kFixed;
    if (axial) restrained[AxialDof(support.node)] = true;
    if (support.kind != SupportKind::kSpring) {
      restrained[DeflectionDof(support.node)] = true;
      partition.prescribed_m(DeflectionDof(support.node)) = support.settlement_m;
    }
    if (support.kind == SupportKind::kFixed) restrained[RotationDof(support.node)] = true;
  }
  partition.free_index.assign(girder.dof_count(), -1);
  for (int dof = 0; dof < girder.dof_count(); ++dof) {
    if (restrained[dof]) {
      partition.restrained_dofs.push_back(dof);
    } else {
      partition.free_index[dof] = static_cast<int>(partition.free_dofs.size());
      partition.free_dofs.push_back(dof);
    }
  }
  return partition;
}

Eigen::SparseMatrix<double> SubMatrix(const Eigen::SparseMatrix<double>& matrix, const std::vector<int>& rows,
                                      const std::vector<int>& columns) {
  std::vector<int> row_index(matrix.rows(), -1);
  for (size_t r = 0; r < rows.size(); ++r) row_index[rows[r]] = static_cast<int>(r);
  std::vector<Eigen::Triplet<double>> entries;
  for (size_t c = 0; c < columns.size(); ++c) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(matrix, columns[c]); it; ++it) {
      const int r = row_index[it.row()];
      if (r >= 0) entries.emplace_back(r, static_cast<int>(c), it.value());
    }
  }
  Eigen::SparseMatrix<double> sub(static_cast<long>(rows.size()), static_cast<long>(columns.size()));
  sub.setFromTriplets(entries.begin(), entries.end());
  return sub;
}

void AddPointForce(const Girder& girder, double x_m, double force_N, Eigen::VectorXd& load) {
  const GirderPoint point = girder.Locate(x_m);
  load.segment<6>(3 * point.element) +=
      force_N * DeflectionShape(girder.element_length_m(point.element), point.local_x_m);
}

void AddUniformForce(const Girder& girder, double from_m, double to_m, double force_N_per_m,
                     Eigen::VectorXd& load) {
  const double gauss = 0.5 / std::sqrt(3.0);
  for (int element = 0; element < girder.element_count(); ++element) {
    const double start_m = std::max(from_m, girder.node_x_m[element]);
    const double end_m = std::min(to_m, girder.node_x_m[element + 1]);
    if (end_m <= start_m) continue;
    const double length_m = girder.element_length_m(element);
    const double middle_m = 0.5 * (start_m + end_m) - girder.node_x_m[element];
    const double half_m = 0.5 * (end_m - start_m);
    for (const double offset : {-gauss, gauss}) {
      const double s_m = middle_m + 2.0 * offset * half_m;
      load.segment<6>(3 * element) += force_N_per_m * half_m * DeflectionShape(length_m, s_m);
    }
  }
}

void AddUniformTemperature(const Girder& girder, double temperature_change_K, Eigen::VectorXd& load) {
  for (int element = 0; element < girder.element_count(); ++element) {
    load.segment<6>(3 * element) += ThermalNodalForces(girder.sections[element], temperature_change_K);
  }
}

void AddSpringSettlements(const Girder& girder, Eigen::VectorXd& load) {
  for (const Support& support : girder.supports) {
    if (support.kind == SupportKind::kSpring) {
      load(DeflectionDof(support.node)) += support.spring_stiffness_N_per_m * support.settlement_m;
    }
  }
}

double DeflectionAt_m(const Girder& girder, const Eigen::VectorXd& displacement, double x_m) {
  const GirderPoint point = girder.Locate(x_m);
  return DeflectionShape(girder.element_length_m(point.element), point.local_x_m)
      .dot(ElementDisplacements(displacement, point.element));
}

double RotationAt_rad(const Girder& girder, const Eigen::VectorXd& displacement, double x_m) {
  const GirderPoint point = girder.Locate(x_m);
  return RotationShape(girder.element_length_m(point.element), point.local_x_m)
      .dot(ElementDisplacements(displacement, point.element));
}

double StrainAt(const Girder& girder, const Eigen::VectorXd& displacement, double x_m,
                double fibre_below_axis_m) {
  const GirderPoint point = girder.Locate(x_m);
  const double length_m = girder.element_length_m(point.element);
  const auto d = ElementDisplacements(displacement, point.element);
  return AxialStrainShape(length_m).dot(d) -
         fibre_below_axis_m * CurvatureShape(length_m, point.local_x_m).dot(d);
}

}  // namespace lifeline::bridge
