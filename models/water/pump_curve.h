// Pump head curves, fitted and evaluated as EPANET 2.3 does (hydcoeffs.c, project.c).
//
// Head gain h(Q) at relative speed s (affinity laws: h_s(Q) = s^2 h(Q/s)):
//   power function  h = h0 - r Q^n, fitted to
//                   1 point (Q1, H1):   h0 = 1.33334 H1, passing (2 Q1, 0)
//                   3 points with Q = 0 first: (0, h0), (Q1, H1), (Q2, H2)
//                   n = ln((h0-H2)/(h0-H1)) / ln(Q2/Q1), r = (h0-H1)/Q1^n
//   custom          any other curve: piecewise linear through its points
//                   (heads must fall strictly with flow)
//   constant power  h = c / Q, c = P / (EPANET's 62.4 lb/ft3 water weight), x s^3
// As a link, a pump's head loss is -h(Q); see PumpHeadLoss.
#pragma once

#include <string>
#include <vector>

#include "models/water/headloss.h"
#include "models/water/water_network.h"

namespace lifeline::water {

struct PumpCurve {
  enum class Type { kPowerFunction, kCustom, kConstantPower };
  Type type = Type::kPowerFunction;
  double shutoff_head_m = 0.0;         // power function: h0
  double resistance = 0.0;             // power function: r (m per (m3/s)^n)
  double exponent = 1.0;               // power function: n
  std::vector<double> flow_m3_per_s;   // custom: curve points
  std::vector<double> head_m;
  double power_constant_m4_per_s = 0.0;  // constant power: c in h = c / Q
  double max_head_m = 0.0;             // head above which the pump cannot deliver (EPANET Hmax)
  double initial_flow_m3_per_s = 0.0;  // first flow guess at speed 1 (EPANET Q0)
};

// Fits the curve of pump link (id for errors). A curve EPANET rejects
// (error 227) is an Error naming the pump.
PumpCurve FitPumpCurve(const WaterNetwork& network, LinkIndex pump);

// Head loss (negative of the head gain) and its gradient at flow Q and
// speed s > 0, as EPANET's pumpcoeff() linearises it: custom curves by the
// segment holding Q/s; power functions floored at kMinGradient near Q = 0;
// constant power clamped to the closed (kBigGradient) or open
// (kSmallGradient) link when its gradient leaves that range.
HeadLossGradient PumpHeadLoss(const PumpCurve& curve, double speed, double flow_m3_per_s);

}  // namespace lifeline::water
