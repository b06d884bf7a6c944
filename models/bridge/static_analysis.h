// Linear static analysis of a girder.
//
// Partitioned into free (f) and restrained (r) DOFs (girder_matrices.h):
//   K_ff u_f = f_f - K_fr u_r,     u_r = prescribed settlements,
// solved by sparse LDL^T. The support reactions follow from the full system,
// r = K u - f on the restrained DOFs (force on the girder in the DOF's sense),
// reported with the vertical component positive upward; a spring support
// reacts with k (w - s) upward. Element axial forces are N = EA (du/dx - alpha dT).
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "models/bridge/girder.h"

namespace lifeline::bridge {

struct PointForce {
  std::string id;
  double x_m = 0.0;
  double force_N = 0.0;  // downward
};

struct UniformForce {
  std::string id;
  double from_m = 0.0;
  double to_m = 0.0;
  double force_N_per_m = 0.0;  // downward
};

struct StaticLoads {
  std::vector<PointForce> point_forces;
  std::vector<UniformForce> uniform_forces;
  double temperature_change_K = 0.0;  // uniform over the girder
};

struct SupportReaction {
  std::string support_id;
  double vertical_force_N = 0.0;    // upward on the girder
  double horizontal_force_N = 0.0;  // along +x on the girder
  double moment_Nm = 0.0;           // in the sense of theta (fixed supports only)
};

struct SensorReading {
  std::string sensor_id;
  double deflection_m = 0.0;  // downward
  double rotation_rad = 0.0;
  double strain = 0.0;  // at the sensor's fibre, tension positive
};

struct StaticResult {
  Eigen::VectorXd displacement;               // global DOFs (girder_matrices.h)
  std::vector<SupportReaction> reactions;     // in the order of girder.supports
  std::vector<SensorReading> sensors;         // in the order of girder.sensors
  std::vector<double> element_axial_force_N;  // by element, tension positive
};

StaticResult SolveStatic(const Girder& girder, const StaticLoads& loads);

}  // namespace lifeline::bridge
