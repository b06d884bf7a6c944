// Pump curve fitting and evaluation (see pump_curve.h).
#include "models/water/pump_curve.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/error.h"
#include "engine/units.h"
#include "models/water/hydraulic_constants.h"

namespace lifeline::water {
namespace {

// EPANET's 8.814 ft4/s per hp (550 ft lbf/s / 62.4 lbf/ft3), in m4/s per W.
const double kPowerHeadConstant_m4_per_s_per_w =
    8.814 * std::pow(kFoot_m, 4) / units::kWattsPerHorsepower;

// Slope and intercept of the curve segment that holds x (EPANET's curvecoeff).
void SegmentAt(const std::vector<double>& x, const std::vector<double>& y, double at, double& intercept,
               double& slope) {
  const size_t n = x.size();
  size_t k2 = 0;
  while (k2 < n && x[k2] < at) ++k2;
  if (k2 == 0) ++k2;
  else if (k2 == n) --k2;
  const size_t k1 = k2 - 1;
  slope = (y[k2] - y[k1]) / (x[k2] - x[k1]);
  intercept = y[k1] - slope * x[k1];
}

}  // namespace

PumpCurve FitPumpCurve(const WaterNetwork& network, LinkIndex pump) {
  const Link& link = network.links[pump];
  const std::string& id = network.graph.link(pump).id;
  PumpCurve fit;
  if (link.head_curve < 0) {
    fit.type = PumpCurve::Type::kConstantPower;
    fit.power_constant_m4_per_s = kPowerHeadConstant_m4_per_s_per_w * link.power_w;
    fit.max_head_m = 1e10;
    fit.initial_flow_m3_per_s = kCfs_m3_per_s;  // EPANET: 1 cfs
    return fit;
  }
  const Curve& curve = network.curves[link.head_curve];
  const std::vector<double>& x = curve.x;
  const std::vector<double>& y = curve.y;
  const auto reject = [&](const char* why) {
    return Error::AtElement(kSystem, id, fmt::format("pump curve '{}' cannot be used: {}", curve.id, why));
  };
  double h0 = 0.0, h1 = 0.0, h2 = 0.0, q1 = 0.0, q2 = 0.0;
  if (x.size() == 1) {
    q1 = x[0];
    h1 = y[0];
    h0 = 1.33334 * h1;
    q2 = 2.0 * q1;
    h2 = 0.0;
  } else if (x.size() == 3 && x[0] == 0.0) {
    h0 = y[0];
    q1 = x[1];
    h1 = y[1];
    q2 = x[2];
    h2 = y[2];
  } else {
    if (x.empty()) throw reject("it has no points");
    for (size_t k = 1; k < y.size(); ++k) {
      if (y[k] >= y[k - 1]) throw reject("heads must fall as flow rises");
    }
    fit.type = PumpCurve::Type::kCustom;
    fit.flow_m3_per_s = x;
    fit.head_m = y;
    fit.max_head_m = y.front();
    fit.initial_flow_m3_per_s = (x.front() + x.back()) / 2.0;
    return fit;
  }
  // power function h = h0 - r Q^n through (0, h0), (q1, h1), (q2, h2)
  const double tiny_head_m = 1e-6 * kFoot_m, tiny_flow = 1e-6 * kCfs_m3_per_s;
  if (h0 < tiny_head_m || h0 - h1 < tiny_head_m || h1 - h2 < tiny_head_m || q1 < tiny_flow || q2 - q1 < tiny_flow) {
    throw reject("its points do not describe a falling power curve");
  }
  const double n = std::log((h0 - h2) / (h0 - h1)) / std::log(q2 / q1);
  if (n <= 0.0 || n > 20.0) throw reject("the fitted exponent is outside (0, 20]");
  fit.type = PumpCurve::Type::kPowerFunction;
  fit.shutoff_head_m = h0;
  fit.resistance = (h0 - h1) / std::pow(q1, n);
  fit.exponent = n;
  fit.max_head_m = h0;
  fit.initial_flow_m3_per_s = q1;
  return fit;
}

HeadLossGradient PumpHeadLoss(const PumpCurve& curve, double speed, double flow) {
  const double q = std::abs(flow);
  HeadLossGradient out;
  switch (curve.type) {
    case PumpCurve::Type::kCustom: {
      double intercept = 0.0, slope = 0.0;
      SegmentAt(curve.flow_m3_per_s, curve.head_m, q / speed, intercept, slope);
      out.gradient_s_per_m2 = -slope * speed;
      out.head_loss_m = -intercept * speed * speed + out.gradient_s_per_m2 * flow;
      return out;
    }
    case PumpCurve::Type::kConstantPower: {
      const double c = curve.power_constant_m4_per_s * speed * speed * speed;
      const double hgrad = c / q / q;
      if (hgrad > kBigGradient_s_per_m2) return {kBigGradient_s_per_m2 * flow, kBigGradient_s_per_m2};
      if (hgrad < kSmallGradient_s_per_m2) return {kSmallGradient_s_per_m2 * flow, kSmallGradient_s_per_m2};
      return {-c / flow, hgrad};
    }
    case PumpCurve::Type::kPowerFunction: break;
  }
  double n = curve.exponent;
  if (std::abs(n - 1.0) < 1e-6) n = 1.0;
  const double h0 = -speed * speed * curve.shutoff_head_m;
  const double r = curve.resistance * std::pow(speed, 2.0 - n);
  if (n == 1.0) return {h0 + r * flow, r};
  double hgrad = n * r * std::pow(q, n - 1.0);
  if (hgrad < kMinGradient_s_per_m2) {
    hgrad = kMinGradient_s_per_m2;
    return {h0 + hgrad * flow, hgrad};
  }
  return {h0 + hgrad * flow / n, hgrad};
}

}  // namespace lifeline::water
