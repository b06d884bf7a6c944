// Pipe head loss laws, as EPANET 2.3 evaluates them (hydcoeffs.c).
//
// Friction, with resistance r from pipe length L, diameter D, roughness:
//   Hazen-Williams  h = r Q^1.852,  r = 10.667 L / (C^1.852 D^4.871)
//                   (EPANET's 4.727 in ft/cfs, converted to SI exactly)
//   Darcy-Weisbach  h = f r Q^2,    r = L / (2 g D A^2), g = 32.2 ft/s2 (EPANET's)
//                   f = 64/Re (Re <= 2000), Dunlop's cubic (2000 < Re < 4000),
//                   Swamee-Jain (Re >= 4000), with df/dQ in the gradient
//   Chezy-Manning   h = r Q^2,      r = (4 n / (1.49 pi D^2))^2 (D/4)^-1.333 L  (ft, converted)
// Minor loss h = m Q^2, m = K / (2 g A^2) = 0.02517 K / D^4 in ft/cfs (EPANET's constant).
// Near zero flow the H-W gradient is floored at kMinGradient (EPANET's RQtol) and
// the law becomes linear there, so that the gradient method never divides by zero.
#pragma once

#include "models/water/water_network.h"

namespace lifeline::water {

// Head loss across a link and its derivative with respect to flow.
struct HeadLossGradient {
  double head_loss_m = 0.0;          // from -> to, signed with the flow
  double gradient_s_per_m2 = 0.0;    // d(head loss)/dQ, > 0
};

inline constexpr double kHazenWilliamsExponent = 1.852;

// Friction resistance r of a pipe (units depend on the law, see above).
double PipeResistance(HeadlossFormula formula, double length_m, double diameter_m, double roughness);

// Minor loss resistance m = 0.02517 K / D^4 (EPANET), in s2/m5.
double MinorLossResistance_s2_per_m5(double loss_coefficient, double diameter_m);

// Pipe or check-valve pipe that is open, at flow Q.
struct PipeHydraulics {
  HeadlossFormula formula = HeadlossFormula::kHazenWilliams;
  double resistance = 0.0;                // r from PipeResistance
  double minor_resistance_s2_per_m5 = 0.0;
  double diameter_m = 0.0;                // D-W only
  double roughness_m = 0.0;               // D-W only
};
HeadLossGradient PipeHeadLoss(const PipeHydraulics& pipe, double kinematic_viscosity_m2_per_s,
                              double flow_m3_per_s);

// Darcy-Weisbach friction factor for turbulent and transitional flow and its
// derivative df/dQ (EPANET's frictionFactor): q = |Q|, relative roughness e/D,
// s = viscosity x diameter (m3/s), so that q/s = Re pi / 4.
double FrictionFactor(double q_m3_per_s, double relative_roughness, double s_m3_per_s, double& dfdq);

}  // namespace lifeline::water
