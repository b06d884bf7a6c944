// The planar Euler-Bernoulli / Timoshenko frame element: axial bar plus Hermite beam.
//
// Element DOFs d = [u1, w1, theta1, u2, w2, theta2] (girder.h signs: w down,
// theta = dw/dx). With xi = s / L on the element of length L:
//   u(s) = (1 - xi) u1 + xi u2
//   w(s) = N1 w1 + N2 theta1 + N3 w2 + N4 theta2,
//     N1 = 1 - 3xi^2 + 2xi^3, N2 = L (xi - 2xi^2 + xi^3),
//     N3 = 3xi^2 - 2xi^3,     N4 = L (xi^3 - xi^2).
// Stiffness (exact for a prismatic member):
//   axial  EA/L [1 -1; -1 1]
//   bending EI/L^3 [12 6L -12 6L; 6L 4L^2 -6L 2L^2; -12 -6L 12 -6L; 6L 2L^2 -6L 4L^2]
// Timoshenko (section.theory == kTimoshenko; theta is then the section
// rotation, w' = theta + shear strain), phi = 12 EI / (G A_s L^2):
//   bending EI/((1+phi) L^3) [12 6L -12 6L; 6L (4+phi)L^2 -6L (2-phi)L^2;
//                             -12 -6L 12 -6L; 6L (2-phi)L^2 -6L (4+phi)L^2]
// (exact nodal stiffness of a prismatic shear-flexible member; phi = 0 is
// Euler-Bernoulli). The mass stays the Euler-Bernoulli consistent one below
// (no rotary inertia), and the shape functions below stay the Hermite ones.
// Consistent mass (m = mass per length):
//   axial  mL/6 [2 1; 1 2]
//   bending mL/420 [156 22L 54 -13L; 22L 4L^2 13L -3L^2; 54 13L 156 -22L; -13L -3L^2 -22L 4L^2]
// Strain at a fibre z below the axis: eps = du/ds - z d2w/ds2.
// A uniform temperature change dT gives the equivalent nodal forces
//   EA alpha dT [-1, 0, 0, 1, 0, 0], and the axial force is N = EA (du/ds - alpha dT).
#pragma once

#include <Eigen/Core>

#include "models/bridge/girder.h"

namespace lifeline::bridge {

using ElementMatrix = Eigen::Matrix<double, 6, 6>;
using ElementVector = Eigen::Matrix<double, 6, 1>;

// phi = 12 EI / (G A_s L^2) for a Timoshenko section, 0 for Euler-Bernoulli.
double ShearParameter(const Section& section, double length_m);

ElementMatrix ElementStiffness(const Section& section, double length_m);
ElementMatrix ElementConsistentMass(const Section& section, double length_m);

// Row vectors over d at s (0 <= s <= length_m): value = shape.dot(d).
ElementVector DeflectionShape(double length_m, double s_m);
ElementVector RotationShape(double length_m, double s_m);
ElementVector CurvatureShape(double length_m, double s_m);  // d2w/ds2
ElementVector AxialStrainShape(double length_m);            // du/ds

// Equivalent nodal forces of a uniform temperature change.
ElementVector ThermalNodalForces(const Section& section, double temperature_change_K);

}  // namespace lifeline::bridge
