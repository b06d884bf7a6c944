// Darcy friction factor lambda of a pipe and the friction term lambda * m|m|, shared by the
// models whose pipes carry water, gas or heating water.
//
// Reynolds number from the mass flow (the same in actual and normal state):
//   Re = 4 |m| / (pi d eta)
// Friction laws (pandapipes/STANET conventions, relative roughness r = k/d):
//   Nikuradse:          lambda = 64/Re + 1 / (2 log10(d/k) + 1.14)^2
//   Prandtl-Colebrook:  1/sqrt(lambda) = -2 log10(2.51 / (Re sqrt(lambda)) + k / (3.71 d))
//   Swamee-Jain:        lambda = 0.25 / log10(k / (3.7 d) + 5.74 / Re^0.9)^2
// The laminar part of Nikuradse times m|m| is linear in m (16 pi d eta m), so it
// is smooth through zero flow. Colebrook and Swamee-Jain are evaluated at
// Re >= kColebrookMinReynolds / kSwameeJainMinReynolds (below that lambda is
// held), so lambda * m|m| stays finite and continuous at zero flow.
#pragma once

#include <string_view>

namespace lifeline {

enum class FrictionModel { kNikuradse, kColebrook, kSwameeJain };

inline constexpr double kColebrookMinReynolds = 1.0;
inline constexpr double kSwameeJainMinReynolds = 2000.0;

// lambda * m|m| and its derivative with respect to m, for one pipe.
struct FrictionTerm {
  double lambda = 0.0;                 // Darcy friction factor at this flow
  double value_kg2_per_s2 = 0.0;       // lambda * m |m|
  double derivative_kg_per_s = 0.0;    // d(lambda * m|m|) / dm
};

FrictionTerm PipeFrictionTerm(FrictionModel model, double mass_flow_kg_per_s, double diameter_m,
                              double roughness_m, double viscosity_Pa_s);

// The Colebrook friction factor and d lambda / d Re at one Reynolds number (Re > 0).
struct ColebrookFactor {
  double lambda = 0.0;
  double dlambda_dRe = 0.0;
};
ColebrookFactor Colebrook(double reynolds, double relative_roughness);

// Reads "nikuradse", "colebrook" (also "prandtl-colebrook"), "swamee-jain".
// An unknown name is an Error.
FrictionModel FrictionModelFromName(const std::string_view name);

}  // namespace lifeline
