// Vehicle crossing by Newmark integration (see moving_load.h).
#include "models/bridge/moving_load.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include "engine/error.h"
#include "models/bridge/band_matrix.h"
#include "models/bridge/beam_element.h"
#include "models/bridge/girder_matrices.h"

namespace lifeline::bridge {
namespace {

using SparseMatrix = Eigen::SparseMatrix<double>;

// value = sum weight * u[index] over the integrated (free bending) DOFs.
using FreeShape = std::vector<std::pair<int, double>>;

// The free DOFs the crossing integrates: axial and bending DOFs do not couple
// in a straight girder and axle forces are vertical, so the axial DOFs stay
// at rest and only the free w and theta move.
struct MovingDofs {
  std::vector<int> dofs;   // global DOFs, increasing
  std::vector<int> index;  // by global DOF: index into dofs, -1 if not integrated
};

MovingDofs FreeBendingDofs(const Girder& girder) {
  const DofPartition partition = PartitionDofs(girder);
  MovingDofs moving;
  moving.index.assign(girder.dof_count(), -1);
  for (const int dof : partition.free_dofs) {
    if (dof == AxialDof(dof / 3)) continue;
    moving.index[dof] = static_cast<int>(moving.dofs.size());
    moving.dofs.push_back(dof);
  }
  return moving;
}

// An element row vector (beam_element.h) as a shape on the free DOFs.
FreeShape OnFreeDofs(const MovingDofs& moving, int element, const ElementVector& shape) {
  FreeShape free_shape;
  for (int k = 0; k < 6; ++k) {
    const int index = moving.index[3 * element + k];
    if (index >= 0 && shape(k) != 0.0) free_shape.emplace_back(index, shape(k));
  }
  return free_shape;
}

FreeShape DeflectionShapeAt(const Girder& girder, const MovingDofs& moving, double x_m) {
  const GirderPoint point = girder.Locate(x_m);
  return OnFreeDofs(moving, point.element,
                    DeflectionShape(girder.element_length_m(point.element), point.local_x_m));
}

// eps = du/dx - z d2w/dx2 (girder_matrices.h)
FreeShape StrainShapeAt(const Girder& girder, const MovingDofs& moving, const Sensor& sensor) {
  const GirderPoint point = girder.Locate(sensor.x_m);
  const double length_m = girder.element_length_m(point.element);
  return OnFreeDofs(
      moving, point.element,
      AxialStrainShape(length_m) - sensor.fibre_below_axis_m * CurvatureShape(length_m, point.local_x_m));
}

double Apply(const FreeShape& shape, const Eigen::VectorXd& values) {
  double sum = 0.0;
  for (const auto& [index, weight] : shape) sum += weight * values(index);
  return sum;
}

void CheckInputs(const Vehicle& vehicle, const CrossingOptions& options) {
  if (!(vehicle.speed_m_per_s > 0.0))
    throw Error::AtElement(kSystem, vehicle.id, "vehicle speed must be positive");
  if (vehicle.axles.empty()) throw Error::AtElement(kSystem, vehicle.id, "a vehicle needs at least one axle");
  for (const Axle& axle : vehicle.axles) {
    if (!(axle.offset_m >= 0.0)) throw Error::AtElement(kSystem, vehicle.id, "axle offsets must be >= 0");
  }
  if (!(options.time_step_s > 0.0) || options.steps_per_output < 1 || !(options.after_exit_s >= 0.0)) {
    throw Error::AtElement(kSystem, vehicle.id,
                           "crossing needs time_step_s > 0, steps_per_output >= 1, after_exit_s >= 0");
  }
}

}  // namespace

double SensorHistory::DynamicAmplification() const {
  return max_static_deflection_m > 0.0 ? max_deflection_m / max_static_deflection_m
                                       : std::numeric_limits<double>::quiet_NaN();
}

RayleighDamping RayleighDamping::FromDampingRatio(double ratio, double frequency_a_Hz,
                                                  double frequency_b_Hz) {
  const double omega_a = 2.0 * std::numbers::pi * frequency_a_Hz;
  const double omega_b = 2.0 * std::numbers::pi * frequency_b_Hz;
  return {2.0 * ratio * omega_a * omega_b / (omega_a + omega_b), 2.0 * ratio / (omega_a + omega_b)};
}

CrossingResult SimulateCrossing(const Girder& girder, const Vehicle& vehicle,
                                const CrossingOptions& options) {
  CheckInputs(vehicle, options);
  const GirderMatrices matrices = AssembleGirderMatrices(girder);
  const MovingDofs moving = FreeBendingDofs(girder);
  const SparseMatrix sparse_stiffness = SubMatrix(matrices.stiffness, moving.dofs, moving.dofs);
  const SparseMatrix sparse_mass = SubMatrix(matrices.mass, moving.dofs, moving.dofs);
  const long free_count = sparse_stiffness.rows();

  // Newmark constants (gamma = 1/2, beta = 1/4) folded with Rayleigh damping
  const double dt = options.time_step_s;
  const double a_m = options.damping.mass_coefficient_per_s;
  const double a_k = options.damping.stiffness_coefficient_s;
  const double c0 = 4.0 / (dt * dt);
  const double c1 = 2.0 / dt;
  const double c2 = 4.0 / dt;
  // the girder's DOFs follow x: K and M are band matrices
  const SymmetricBandMatrix stiffness(sparse_stiffness);
  const SymmetricBandMatrix mass(sparse_mass);
  const SparseMatrix effective = (1.0 + c1 * a_k) * sparse_stiffness + (c0 + c1 * a_m) * sparse_mass;
  const BandCholesky effective_solver{SymmetricBandMatrix(effective)};
  const BandCholesky stiffness_solver(stiffness);
  const BandCholesky mass_solver(mass);

  // each sensor's shape and influence line (static deflection under a unit force at it)
  std::vector<FreeShape> sensor_shape;
  std::vector<FreeShape> sensor_strain_shape;
  std::vector<Eigen::VectorXd> influence;
  for (const Sensor& sensor : girder.sensors) {
    sensor_shape.push_back(DeflectionShapeAt(girder, moving, sensor.x_m));
    sensor_strain_shape.push_back(StrainShapeAt(girder, moving, sensor));
    Eigen::VectorXd unit = Eigen::VectorXd::Zero(free_count);
    for (const auto& [index, weight] : sensor_shape.back()) unit(index) += weight;
    stiffness_solver.SolveInPlace(unit);
    influence.push_back(std::move(unit));
  }

  const double max_offset_m =
      std::max_element(vehicle.axles.begin(), vehicle.axles.end(), [](const Axle& a, const Axle& b) {
        return a.offset_m < b.offset_m;
      })->offset_m;
  CrossingResult result;
  result.last_axle_exit_s = (girder.length_m() + max_offset_m) / vehicle.speed_m_per_s;
  result.steps = static_cast<long>(std::ceil((result.last_axle_exit_s + options.after_exit_s) / dt - 1e-9));
  for (const Sensor& sensor : girder.sensors) result.sensors.push_back({sensor.id, {}, {}, {}, 0.0, 0.0});

  Eigen::VectorXd load = Eigen::VectorXd::Zero(free_count);
  FreeShape load_entries;  // the nonzero (index, force) entries of load
  // the load vector at a time; returns whether an axle is on the girder
  auto set_load = [&](double time_s) {
    for (const auto& [index, force_N] : load_entries) load(index) = 0.0;
    load_entries.clear();
    for (const Axle& axle : vehicle.axles) {
      const double x_m = vehicle.speed_m_per_s * time_s - axle.offset_m;
      if (x_m < 0.0 || x_m > girder.length_m()) continue;
      for (const auto& [index, weight] : DeflectionShapeAt(girder, moving, x_m)) {
        load(index) += axle.force_N * weight;
        load_entries.emplace_back(index, axle.force_N * weight);
      }
    }
    return !load_entries.empty();
  };
  // records maxima while an axle is on, and the output rows
  Eigen::VectorXd displacement = Eigen::VectorXd::Zero(free_count);
  Eigen::VectorXd velocity = Eigen::VectorXd::Zero(free_count);
  Eigen::VectorXd acceleration = Eigen::VectorXd::Zero(free_count);
  auto observe = [&](long step, bool axle_on) {
    for (size_t s = 0; s < result.sensors.size(); ++s) {
      SensorHistory& history = result.sensors[s];
      const double deflection_m = Apply(sensor_shape[s], displacement);
      if (axle_on) {
        history.max_deflection_m = std::max(history.max_deflection_m, deflection_m);
        history.max_static_deflection_m =
            std::max(history.max_static_deflection_m, Apply(load_entries, influence[s]));
      }
      if (step % options.steps_per_output == 0) {
        history.deflection_m.push_back(deflection_m);
        history.acceleration_m_per_s2.push_back(Apply(sensor_shape[s], acceleration));
        history.strain.push_back(Apply(sensor_strain_shape[s], displacement));
      }
    }
    if (step % options.steps_per_output == 0) result.time_s.push_back(static_cast<double>(step) * dt);
  };

  // from rest: M a0 = f0
  const bool on_at_start = set_load(0.0);
  acceleration = load;
  mass_solver.SolveInPlace(acceleration);
  observe(0, on_at_start);

  Eigen::VectorXd history_term(free_count);
  Eigen::VectorXd damping_term(free_count);
  Eigen::VectorXd next(free_count);
  Eigen::VectorXd next_acceleration(free_count);
  for (long step = 1; step <= result.steps; ++step) {
    const bool axle_on = set_load(static_cast<double>(step) * dt);
    history_term = c0 * displacement + c2 * velocity + acceleration;
    damping_term = c1 * displacement + velocity;
    next = load;
    history_term += a_m * damping_term;
    mass.MultiplyAdd(history_term, next);
    if (a_k != 0.0) {
      damping_term *= a_k;
      stiffness.MultiplyAdd(damping_term, next);
    }
    effective_solver.SolveInPlace(next);
    next_acceleration = c0 * (next - displacement) - c2 * velocity - acceleration;
    velocity += 0.5 * dt * (acceleration + next_acceleration);
    acceleration.swap(next_acceleration);
    displacement.swap(next);
    observe(step, axle_on);
  }
  return result;
}

}  // namespace lifeline::bridge
