// Friction laws of pipes (see pipe_friction.h).
#include "engine/pipe_friction.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "engine/error.h"

namespace lifeline {
namespace {

constexpr double kLn10 = std::numbers::ln10;

double Reynolds(double mass_flow_kg_per_s, double diameter_m, double viscosity_Pa_s) {
  return 4.0 * std::abs(mass_flow_kg_per_s) / (std::numbers::pi * diameter_m * viscosity_Pa_s);
}

// lambda(Re) * m|m| with lambda held below min_reynolds; dRe/dm = Re/|m| = 4/(pi d eta).
template <typename LambdaOfRe>
FrictionTerm Turbulent(double m, double diameter_m, double viscosity_Pa_s, double min_reynolds,
                       LambdaOfRe lambda_of_re) {
  const double re = Reynolds(m, diameter_m, viscosity_Pa_s);
  const double dre_dabs_m = 4.0 / (std::numbers::pi * diameter_m * viscosity_Pa_s);
  const bool held = re < min_reynolds;
  const auto [lambda, dlambda_dre] = lambda_of_re(held ? min_reynolds : re);
  FrictionTerm term;
  term.lambda = lambda;
  term.value_kg2_per_s2 = lambda * m * std::abs(m);
  term.derivative_kg_per_s = 2.0 * lambda * std::abs(m) + (held ? 0.0 : dlambda_dre * dre_dabs_m * m * m);
  return term;
}

}  // namespace

ColebrookFactor Colebrook(double reynolds, double relative_roughness) {
  // g(x) = x + 2 log10(2.51 x / Re + r / 3.71) = 0 with x = 1/sqrt(lambda); g increases with x.
  const double a = 2.51 / reynolds, b = relative_roughness / 3.71;
  auto g = [&](double x) { return x + 2.0 * std::log10(a * x + b); };
  auto dg_dx = [&](double x) { return 1.0 + 2.0 / kLn10 * a / (a * x + b); };
  // bracket: g(0+) < 0 when b < 1; grow the upper end until g > 0
  double low = 0.0, high = 20.0;
  while (g(high) <= 0.0) high *= 2.0;
  double x = std::clamp(high / 2.0, 1.0, high);
  for (int iteration = 0; iteration < 100; ++iteration) {
    const double gx = g(x);
    if (gx > 0.0) high = x; else low = x;
    double next = x - gx / dg_dx(x);
    if (!(next > low && next < high)) next = 0.5 * (low + high);  // safeguard: bisect
    const bool done = std::abs(next - x) <= 1e-15 * x;
    x = next;
    if (done) break;
  }
  // implicit derivative: dx/dRe = -(dg/dRe) / (dg/dx), dg/dRe = 2/ln10 * (-2.51 x / Re^2) / (a x + b)
  const double dg_dre = 2.0 / kLn10 * (-2.51 * x / (reynolds * reynolds)) / (a * x + b);
  const double dx_dre = -dg_dre / dg_dx(x);
  return {1.0 / (x * x), -2.0 / (x * x * x) * dx_dre};
}

FrictionTerm PipeFrictionTerm(FrictionModel model, double mass_flow_kg_per_s, double diameter_m,
                              double roughness_m, double viscosity_Pa_s) {
  const double m = mass_flow_kg_per_s;
  const double r = roughness_m / diameter_m;
  switch (model) {
    case FrictionModel::kNikuradse: {
      // 64/Re * m|m| = 16 pi d eta m: linear, smooth through zero
      const double laminar_slope = 16.0 * std::numbers::pi * diameter_m * viscosity_Pa_s;
      const double rough = r > 0.0 ? 1.0 / std::pow(2.0 * std::log10(1.0 / r) + 1.14, 2) : 0.0;
      FrictionTerm term;
      const double re = Reynolds(m, diameter_m, viscosity_Pa_s);
      term.lambda = rough + (re > 0.0 ? 64.0 / re : 0.0);
      term.value_kg2_per_s2 = laminar_slope * m + rough * m * std::abs(m);
      term.derivative_kg_per_s = laminar_slope + 2.0 * rough * std::abs(m);
      return term;
    }
    case FrictionModel::kColebrook:
      return Turbulent(m, diameter_m, viscosity_Pa_s, kColebrookMinReynolds, [&](double re) {
        const ColebrookFactor f = Colebrook(re, r);
        return std::pair{f.lambda, f.dlambda_dRe};
      });
    case FrictionModel::kSwameeJain:
      return Turbulent(m, diameter_m, viscosity_Pa_s, kSwameeJainMinReynolds, [&](double re) {
        const double arg = r / 3.7 + 5.74 * std::pow(re, -0.9);
        const double l = std::log10(arg);
        const double darg_dre = -0.9 * 5.74 * std::pow(re, -1.9);
        return std::pair{0.25 / (l * l), -0.5 / (l * l * l) * darg_dre / (arg * kLn10)};
      });
  }
  return {};
}

FrictionModel FrictionModelFromName(const std::string_view name) {
  if (name == "nikuradse") return FrictionModel::kNikuradse;
  if (name == "colebrook" || name == "prandtl-colebrook") return FrictionModel::kColebrook;
  if (name == "swamee-jain") return FrictionModel::kSwameeJain;
  throw Error(fmt::format("unknown friction model '{}' (nikuradse, colebrook, swamee-jain)", name));
}

}  // namespace lifeline
