// The planar Euler-Bernoulli frame element (see beam_element.h).
#include "models/bridge/beam_element.h"

namespace lifeline::bridge {
namespace {

// DOF positions of the bending part inside the 6-vector.
constexpr int kBending[4] = {1, 2, 4, 5};

}  // namespace

double ShearParameter(const Section& section, double length_m) {
  if (section.theory != BeamTheory::kTimoshenko) return 0.0;
  return 12.0 * section.elastic_modulus_Pa * section.second_moment_m4 /
         (section.shear_modulus_Pa * section.shear_area_m2 * length_m * length_m);
}

ElementMatrix ElementStiffness(const Section& section, double length_m) {
  const double L = length_m;
  const double axial = section.elastic_modulus_Pa * section.area_m2 / L;
  const double phi = ShearParameter(section, L);
  const double ei = section.elastic_modulus_Pa * section.second_moment_m4 / ((1.0 + phi) * L * L * L);
  const double near = (4.0 + phi) * L * L;
  const double far = (2.0 - phi) * L * L;
  Eigen::Matrix4d bending;
  // clang-format off
  bending << 12, 6 * L, -12, 6 * L,
             6 * L, near, -6 * L, far,
             -12, -6 * L, 12, -6 * L,
             6 * L, far, -6 * L, near;
  // clang-format on
  ElementMatrix k = ElementMatrix::Zero();
  k(0, 0) = k(3, 3) = axial;
  k(0, 3) = k(3, 0) = -axial;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) k(kBending[i], kBending[j]) = ei * bending(i, j);
  }
  return k;
}

ElementMatrix ElementConsistentMass(const Section& section, double length_m) {
  const double L = length_m;
  const double m = section.mass_kg_per_m * L;
  Eigen::Matrix4d bending;
  // clang-format off
  bending << 156, 22 * L, 54, -13 * L,
             22 * L, 4 * L * L, 13 * L, -3 * L * L,
             54, 13 * L, 156, -22 * L,
             -13 * L, -3 * L * L, -22 * L, 4 * L * L;
  // clang-format on
  ElementMatrix mass = ElementMatrix::Zero();
  mass(0, 0) = mass(3, 3) = m / 3.0;
  mass(0, 3) = mass(3, 0) = m / 6.0;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) mass(kBending[i], kBending[j]) = m / 420.0 * bending(i, j);
  }
  return mass;
}

ElementVector DeflectionShape(double length_m, double s_m) {
  const double L = length_m;
  const double xi = s_m / L;
  ElementVector shape = ElementVector::Zero();
  shape(1) = 1 - 3 * xi * xi + 2 * xi * xi * xi;
  shape(2) = L * (xi - 2 * xi * xi + xi * xi * xi);
  shape(4) = 3 * xi * xi - 2 * xi * xi * xi;
  shape(5) = L * (xi * xi * xi - xi * xi);
  return shape;
}

ElementVector RotationShape(double length_m, double s_m) {
  const double L = length_m;
  const double xi = s_m / L;
  ElementVector shape = ElementVector::Zero();
  shape(1) = (-6 * xi + 6 * xi * xi) / L;
  shape(2) = 1 - 4 * xi + 3 * xi * xi;
  shape(4) = (6 * xi - 6 * xi * xi) / L;
  shape(5) = 3 * xi * xi - 2 * xi;
  return shape;
}

ElementVector CurvatureShape(double length_m, double s_m) {
  const double L = length_m;
  const double xi = s_m / L;
  ElementVector shape = ElementVector::Zero();
  shape(1) = (-6 + 12 * xi) / (L * L);
  shape(2) = (-4 + 6 * xi) / L;
  shape(4) = (6 - 12 * xi) / (L * L);
  shape(5) = (-2 + 6 * xi) / L;
  return shape;
}

ElementVector AxialStrainShape(double length_m) {
  ElementVector shape = ElementVector::Zero();
  shape(0) = -1.0 / length_m;
  shape(3) = 1.0 / length_m;
  return shape;
}

ElementVector ThermalNodalForces(const Section& section, double temperature_change_K) {
  const double force_N =
      section.elastic_modulus_Pa * section.area_m2 * section.thermal_expansion_per_K * temperature_change_K;
  ElementVector forces = ElementVector::Zero();
  forces(0) = -force_N;
  forces(3) = force_N;
  return forces;
}

}  // namespace lifeline::bridge
