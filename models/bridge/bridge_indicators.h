// Bridge monitoring indicators (what a twice-daily health assessment reads).
//
//   live-load deflection: w_live <= L / n, n = 600 for concrete, 500 for steel
//     (configurable); utilisation = w_live / (L / n).
//   overweight vehicle: gross mass = sum of axle masses vs the legal gross
//     mass (49 t by default); excess = gross / legal - 1.
//   frequency after temperature compensation: a linear law f = f0 + b T fitted
//     by least squares on a baseline; shift = (f_meas - f(T_meas)) / f(T_meas).
//   settlement from a reaction change: with R_1 the support's reaction per
//     metre of its own settlement (one static solve), s = dR / R_1.
// The dynamic amplification factor is computed with the crossing (moving_load.h).
#pragma once

#include <span>
#include <string>

#include "models/bridge/girder.h"

namespace lifeline::bridge {

enum class GirderMaterial { kConcrete, kSteel };

// 600 for concrete, 500 for steel.
double DeflectionLimitSpanRatio(GirderMaterial material);

struct DeflectionCheck {
  double live_deflection_m = 0.0;
  double limit_m = 0.0;      // span / ratio
  double utilisation = 0.0;  // live / limit
  bool exceeds = false;
};
DeflectionCheck CheckLiveLoadDeflection(double live_deflection_m, double span_m, double span_over_limit);

struct WeightCheck {
  double gross_mass_kg = 0.0;
  double legal_gross_mass_kg = 0.0;
  double excess_fraction = 0.0;  // gross / legal - 1 (negative when under)
  bool overweight = false;
};
inline constexpr double kDefaultLegalGrossMass_kg = 49000.0;
WeightCheck CheckGrossWeight(std::span<const double> axle_masses_kg,
                             double legal_gross_mass_kg = kDefaultLegalGrossMass_kg);

struct FrequencyTemperatureLaw {
  double frequency_at_zero_C_Hz = 0.0;
  double slope_Hz_per_K = 0.0;
  double FrequencyAt_Hz(double temperature_C) const {
    return frequency_at_zero_C_Hz + slope_Hz_per_K * temperature_C;
  }
};
// Least squares over a baseline; needs two or more distinct temperatures.
FrequencyTemperatureLaw FitFrequencyTemperature(std::span<const double> temperature_C,
                                                std::span<const double> frequency_Hz);
// Relative shift of a measured frequency from the law at its temperature (negative = drop).
double CompensatedFrequencyShift(const FrequencyTemperatureLaw& law, double temperature_C,
                                 double frequency_Hz);

// Downward settlement of a support that explains a change of its vertical
// reaction (N, upward positive) with everything else unchanged.
double EstimateSettlement_m(const Girder& girder, const std::string& support_id, double reaction_change_N);

}  // namespace lifeline::bridge
