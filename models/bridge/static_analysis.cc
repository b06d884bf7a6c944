// Linear static analysis (see static_analysis.h).
#include "models/bridge/static_analysis.h"

#include <Eigen/SparseCholesky>

#include "engine/error.h"
#include "models/bridge/beam_element.h"
#include "models/bridge/girder_matrices.h"

namespace lifeline::bridge {
namespace {

Eigen::VectorXd LoadVector(const Girder& girder, const StaticLoads& loads) {
  Eigen::VectorXd load = Eigen::VectorXd::Zero(girder.dof_count());
  for (const PointForce& force : loads.point_forces) {
    if (!(force.x_m >= 0.0 && force.x_m <= girder.length_m())) {
      throw Error::AtElement(kSystem, force.id, "point force lies outside the girder");
    }
    AddPointForce(girder, force.x_m, force.force_N, load);
  }
  for (const UniformForce& force : loads.uniform_forces) {
    if (!(force.from_m >= 0.0 && force.to_m <= girder.length_m() && force.from_m < force.to_m)) {
      throw Error::AtElement(kSystem, force.id, "uniform force needs 0 <= from_m < to_m <= girder length");
    }
    AddUniformForce(girder, force.from_m, force.to_m, force.force_N_per_m, load);
  }
  AddUniformTemperature(girder, loads.temperature_change_K, load);
  AddSpringSettlements(girder, load);
  return load;
}

}  // namespace

StaticResult SolveStatic(const Girder& girder, const StaticLoads& loads) {
  const GirderMatrices matrices = AssembleGirderMatrices(girder);
  const DofPartition partition = PartitionDofs(girder);
  const Eigen::VectorXd load = LoadVector(girder, loads);

  Eigen::VectorXd restrained_m(partition.restrained_dofs.size());
  for (size_t r = 0; r < partition.restrained_dofs.size(); ++r) {
    restrained_m(static_cast<long>(r)) = partition.prescribed_m(partition.restrained_dofs[r]);
  }
  Eigen::VectorXd free_load(partition.free_dofs.size());
  for (size_t f = 0; f < partition.free_dofs.size(); ++f)
    free_load(static_cast<long>(f)) = load(partition.free_dofs[f]);
  free_load -= SubMatrix(matrices.stiffness, partition.free_dofs, partition.restrained_dofs) * restrained_m;

  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(
      SubMatrix(matrices.stiffness, partition.free_dofs, partition.free_dofs));
  if (solver.info() != Eigen::Success) {
    throw Error::AtElement(kSystem, girder.title,
                           "the stiffness matrix is singular: the supports do not hold the girder");
  }
  const Eigen::VectorXd free_m = solver.solve(free_load);

  StaticResult result;
  result.displacement = partition.prescribed_m;
  for (size_t f = 0; f < partition.free_dofs.size(); ++f)
    result.displacement(partition.free_dofs[f]) = free_m(static_cast<long>(f));

  const Eigen::VectorXd reaction = matrices.stiffness * result.displacement - load;
  for (const Support& support : girder.supports) {
    SupportReaction out{support.id};
    if (support.kind == SupportKind::kSpring) {
      out.vertical_force_N = support.spring_stiffness_N_per_m *
                             (result.displacement(DeflectionDof(support.node)) - support.settlement_m);
    } else {
      out.vertical_force_N = -reaction(DeflectionDof(support.node));
    }
    if (partition.free_index[AxialDof(support.node)] < 0)
      out.horizontal_force_N = reaction(AxialDof(support.node));
    if (partition.free_index[RotationDof(support.node)] < 0)
      out.moment_Nm = reaction(RotationDof(support.node));
    result.reactions.push_back(out);
  }

  for (const Sensor& sensor : girder.sensors) {
    result.sensors.push_back({sensor.id, DeflectionAt_m(girder, result.displacement, sensor.x_m),
                              RotationAt_rad(girder, result.displacement, sensor.x_m),
                              StrainAt(girder, result.displacement, sensor.x_m, sensor.fibre_below_axis_m)});
  }
  for (int element = 0; element < girder.element_count(); ++element) {
    const Section& section = girder.sections[element];
    const double strain = AxialStrainShape(girder.element_length_m(element))
                              .dot(ElementDisplacements(result.displacement, element));
    result.element_axial_force_N.push_back(
        section.elastic_modulus_Pa * section.area_m2 *
        (strain - section.thermal_expansion_per_K * loads.temperature_change_K));
  }
  return result;
}

}  // namespace lifeline::bridge
