// A vehicle crossing the girder: moving axle forces, Newmark time integration.
//
// Axle forces P_i (down) ride at x_i(t) = speed t - offset_i, entering at x = 0;
// an axle acts while 0 <= x_i <= length, as the consistent nodal force
// P_i N(x_i) (girder_matrices.h). Axial and bending DOFs do not couple in a
// straight girder, so the vertical axles move only the free bending DOFs
// (w, theta); on those, from rest:
//   M a + C v + K u = f(t),   C = a_M M + a_K K  (Rayleigh; zero by default),
// integrated by Newmark's average-acceleration rule (gamma = 1/2, beta = 1/4,
// unconditionally stable, no numerical damping):
//   (K + 4/dt^2 M + 2/dt C) u1 = f1 + M (4/dt^2 u0 + 4/dt v0 + a0) + C (2/dt u0 + v0)
//   a1 = 4/dt^2 (u1 - u0) - 4/dt v0 - a0,   v1 = v0 + dt/2 (a0 + a1).
// Settlements are static and not part of this motion. Sensors record
// deflection, acceleration and strain (the girder_matrices.h definitions).
//
// For each sensor the quasi-static deflection under the same axles is
// w_st(t) = sum_i P_i G(x_i) with G the sensor's influence line (by Maxwell's
// reciprocity the static deflection under a unit force at the sensor, one
// solve). The dynamic amplification factor at a sensor is
//   DAF = max w(t) / max w_st(t), both maxima over the steps while an axle is on the girder.
#pragma once

#include <string>
#include <vector>

#include "models/bridge/girder.h"

namespace lifeline::bridge {

struct Axle {
  double offset_m = 0.0;  // behind the first axle, >= 0
  double force_N = 0.0;   // downward
};

struct Vehicle {
  std::string id;
  double speed_m_per_s = 0.0;
  std::vector<Axle> axles;
};

// C = mass_coefficient_per_s M + stiffness_coefficient_s K.
struct RayleighDamping {
  double mass_coefficient_per_s = 0.0;
  double stiffness_coefficient_s = 0.0;
  // The damping ratio `ratio` at the two frequencies:
  //   a_M = 2 zeta w_a w_b / (w_a + w_b),  a_K = 2 zeta / (w_a + w_b).
  static RayleighDamping FromDampingRatio(double ratio, double frequency_a_Hz, double frequency_b_Hz);
};

struct CrossingOptions {
  double time_step_s = 1e-3;
  int steps_per_output = 1;   // output every n-th step
  double after_exit_s = 0.0;  // free vibration after the last axle has left
  RayleighDamping damping;
};

struct SensorHistory {
  std::string sensor_id;
  std::vector<double> deflection_m;           // downward, at output times
  std::vector<double> acceleration_m_per_s2;  // downward, at output times
  std::vector<double> strain;                 // at the sensor's fibre, at output times
  double max_deflection_m = 0.0;              // max dynamic while an axle is on
  double max_static_deflection_m = 0.0;       // max quasi-static while an axle is on
  // max / max static; NaN where the axles never deflect the sensor (over a support)
  double DynamicAmplification() const;
};

struct CrossingResult {
  std::vector<double> time_s;          // output times, from 0
  std::vector<SensorHistory> sensors;  // in the order of girder.sensors
  double last_axle_exit_s = 0.0;
  long steps = 0;
};

CrossingResult SimulateCrossing(const Girder& girder, const Vehicle& vehicle, const CrossingOptions& options);

}  // namespace lifeline::bridge
