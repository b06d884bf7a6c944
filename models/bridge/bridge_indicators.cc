// Bridge monitoring indicators (see bridge_indicators.h).
#include "models/bridge/bridge_indicators.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "engine/error.h"
#include "models/bridge/static_analysis.h"

namespace lifeline::bridge {

double DeflectionLimitSpanRatio(GirderMaterial material) {
  return material == GirderMaterial::kSteel ? 500.0 : 600.0;
}

DeflectionCheck CheckLiveLoadDeflection(double live_deflection_m, double span_m, double span_over_limit) {
  if (!(span_m > 0.0) || !(span_over_limit > 0.0)) {
    throw Error(fmt::format("deflection check needs a positive span ({}) and limit ratio ({})", span_m,
                            span_over_limit));
  }
  DeflectionCheck check;
  check.live_deflection_m = live_deflection_m;
  check.limit_m = span_m / span_over_limit;
  check.utilisation = std::abs(live_deflection_m) / check.limit_m;
  check.exceeds = check.utilisation > 1.0;
  return check;
}

WeightCheck CheckGrossWeight(std::span<const double> axle_masses_kg, double legal_gross_mass_kg) {
  if (!(legal_gross_mass_kg > 0.0)) throw Error("the legal gross mass must be positive");
  WeightCheck check;
  check.gross_mass_kg = std::accumulate(axle_masses_kg.begin(), axle_masses_kg.end(), 0.0);
  check.legal_gross_mass_kg = legal_gross_mass_kg;
  check.excess_fraction = check.gross_mass_kg / legal_gross_mass_kg - 1.0;
  check.overweight = check.gross_mass_kg > legal_gross_mass_kg;
  return check;
}

FrequencyTemperatureLaw FitFrequencyTemperature(std::span<const double> temperature_C,
                                                std::span<const double> frequency_Hz) {
  if (temperature_C.size() != frequency_Hz.size() || temperature_C.size() < 2) {
    throw Error("frequency-temperature fit needs two or more (temperature, frequency) pairs");
  }
  const double n = static_cast<double>(temperature_C.size());
  const double mean_t = std::accumulate(temperature_C.begin(), temperature_C.end(), 0.0) / n;
  const double mean_f = std::accumulate(frequency_Hz.begin(), frequency_Hz.end(), 0.0) / n;
  double covariance = 0.0;
  double variance = 0.0;
  for (size_t k = 0; k < temperature_C.size(); ++k) {
    covariance += (temperature_C[k] - mean_t) * (frequency_Hz[k] - mean_f);
    variance += (temperature_C[k] - mean_t) * (temperature_C[k] - mean_t);
  }
  if (!(variance > 0.0)) throw Error("frequency-temperature fit needs at least two distinct temperatures");
  const double slope = covariance / variance;
  return {mean_f - slope * mean_t, slope};
}

double CompensatedFrequencyShift(const FrequencyTemperatureLaw& law, double temperature_C,
                                 double frequency_Hz) {
  const double expected_Hz = law.FrequencyAt_Hz(temperature_C);
  return (frequency_Hz - expected_Hz) / expected_Hz;
}

double EstimateSettlement_m(const Girder& girder, const std::string& support_id, double reaction_change_N) {
  Girder settled = girder;
  for (Support& support : settled.supports) support.settlement_m = support.id == support_id ? 1.0 : 0.0;
  settled.sensors.clear();
  const Support& support = girder.SupportById(support_id);
  const StaticResult unit = SolveStatic(settled, {});
  const size_t index = static_cast<size_t>(&support - girder.supports.data());
  return reaction_change_N / unit.reactions[index].vertical_force_N;
}

}  // namespace lifeline::bridge
