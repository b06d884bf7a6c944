// Pipe head loss laws (see headloss.h).
#include "models/water/headloss.h"

#include <cmath>
#include <numbers>

#include "models/water/hydraulic_constants.h"

namespace lifeline::water {
namespace {

constexpr double kPi = std::numbers::pi;

// Darcy-Weisbach constants of EPANET's frictionFactor().
constexpr double kA1 = 1000.0 * kPi;                  // Re = 4000 as q/s
constexpr double kA2 = 500.0 * kPi;                   // Re = 2000 as q/s
constexpr double kA8 = 4.61841319859066668690e+00;    // 5.74 (pi/4)^0.9
constexpr double kA9 = -8.68588963806503655300e-01;   // -2 / ln(10)
constexpr double kAB = 3.28895476345399058690e-03;    // 5.74 / 4000^0.9
constexpr double kAC = -5.14214965799093883760e-03;   // -2 0.9 2 / ln(10) x kAB

// EPANET's gravity in its D-W resistance: 32.2 ft/s2.
constexpr double kEpanetGravity_m_per_s2 = 32.2 * kFoot_m;

}  // namespace

double PipeResistance(HeadlossFormula formula, double length_m, double diameter_m, double roughness) {
  const double length_ft = length_m / kFoot_m, diameter_ft = diameter_m / kFoot_m;
  switch (formula) {
    case HeadlossFormula::kHazenWilliams: {
      const double r_ft = 4.727 * length_ft / std::pow(roughness, kHazenWilliamsExponent) / std::pow(diameter_ft, 4.871);
      return r_ft * kFoot_m / std::pow(kCfs_m3_per_s, kHazenWilliamsExponent);
    }
    case HeadlossFormula::kDarcyWeisbach: {
      const double area_m2 = kPi * diameter_m * diameter_m / 4.0;
      return length_m / 2.0 / kEpanetGravity_m_per_s2 / diameter_m / (area_m2 * area_m2);
    }
    case HeadlossFormula::kChezyManning: {
      const double a = 4.0 * roughness / (1.49 * kPi * diameter_ft * diameter_ft);
      const double r_ft = a * a * std::pow(diameter_ft / 4.0, -1.333) * length_ft;
      return r_ft * kFoot_m / (kCfs_m3_per_s * kCfs_m3_per_s);
    }
  }
  return 0.0;
}

double MinorLossResistance_s2_per_m5(double loss_coefficient, double diameter_m) {
  const double diameter_ft = diameter_m / kFoot_m;
  const double m_ft = 0.02517 * loss_coefficient / std::pow(diameter_ft, 4);
  return m_ft * kFoot_m / (kCfs_m3_per_s * kCfs_m3_per_s);
}

double FrictionFactor(double q, double relative_roughness, double s, double& dfdq) {
  const double w = q / s;
  if (w >= kA1) {
    // Swamee-Jain: f = 0.25 / log10(e/3.7D + 5.74/Re^0.9)^2
    const double y1 = kA8 / std::pow(w, 0.9);
    const double y2 = relative_roughness / 3.7 + y1;
    const double y3 = kA9 * std::log(y2);
    const double f = 1.0 / (y3 * y3);
    dfdq = 1.8 * f * y1 * kA9 / y2 / y3 / q;
    return f;
  }
  // Dunlop's cubic interpolation between Re = 2000 and 4000
  const double y2 = relative_roughness / 3.7 + kAB;
  const double y3 = kA9 * std::log(y2);
  const double fa = 1.0 / (y3 * y3);
  const double fb = (2.0 + kAC / (y2 * y3)) * fa;
  const double r = w / kA2;
  const double x1 = 7.0 * fa - fb;
  const double x2 = 0.128 - 17.0 * fa + 2.5 * fb;
  const double x3 = -0.128 + 13.0 * fa - (fb + fb);
  const double x4 = 0.032 - 3.0 * fa + 0.5 * fb;
  dfdq = (x2 + r * (2.0 * x3 + r * 3.0 * x4)) / s / kA2;
  return x1 + r * (x2 + r * (x3 + r * x4));
}

HeadLossGradient PipeHeadLoss(const PipeHydraulics& pipe, double kinematic_viscosity_m2_per_s, double flow) {
  const double q = std::abs(flow);
  const double ml = pipe.minor_resistance_s2_per_m5;
  HeadLossGradient out;
  if (pipe.formula == HeadlossFormula::kDarcyWeisbach) {
    const double s = kinematic_viscosity_m2_per_s * pipe.diameter_m;
    if (q <= kA2 * s) {
      // laminar: f = 64 / Re, so f r Q^2 = 16 pi s r Q
      const double r = 16.0 * kPi * s * pipe.resistance;
      out.head_loss_m = flow * (r + ml * q);
      out.gradient_s_per_m2 = r + 2.0 * ml * q;
    } else {
      double dfdq = 0.0;
      const double f = FrictionFactor(q, pipe.roughness_m / pipe.diameter_m, s, dfdq);
      const double r1 = f * pipe.resistance + ml;
      out.head_loss_m = r1 * q * flow;
      out.gradient_s_per_m2 = 2.0 * r1 * q + dfdq * pipe.resistance * q * q;
    }
    return out;
  }
  const double n = pipe.formula == HeadlossFormula::kHazenWilliams ? kHazenWilliamsExponent : 2.0;
  double hgrad = n * pipe.resistance * std::pow(q, n - 1.0);
  double hloss = 0.0;
  if (hgrad < kMinGradient_s_per_m2) {
    // linear near zero flow (EPANET 2.2-2.3.5; its development branch uses RQtol / n)
    hgrad = kMinGradient_s_per_m2;
    hloss = hgrad * q;
  } else {
    hloss = hgrad * q / n;
  }
  if (ml > 0.0) {
    hloss += ml * q * q;
    hgrad += 2.0 * ml * q;
  }
  out.head_loss_m = flow < 0.0 ? -hloss : hloss;
  out.gradient_s_per_m2 = hgrad;
  return out;
}

}  // namespace lifeline::water
