// Liquid water property correlations (see water_properties.h).
#include "models/heating/water_properties.h"

#include <array>
#include <cmath>

#include "engine/units.h"

namespace lifeline::heating {

double WaterDensity_kg_per_m3(double temperature_K) {
  const double t = units::KelvinToCelsius(temperature_K);
  return (999.83952 + t * (16.945176 + t * (-7.9870401e-3 + t * (-46.170461e-6 + t * (105.56302e-9 + t * -280.54253e-12))))) /
         (1.0 + 16.879850e-3 * t);
}

double WaterThermalExpansion_per_K(double temperature_K) {
  constexpr double kStep_K = 0.01;
  const double slope = (WaterDensity_kg_per_m3(temperature_K + kStep_K) - WaterDensity_kg_per_m3(temperature_K - kStep_K)) /
                       (2.0 * kStep_K);
  return -slope / WaterDensity_kg_per_m3(temperature_K);
}

double WaterViscosity_Pa_s(double temperature_K) { return 2.414e-5 * std::pow(10.0, 247.8 / (temperature_K - 140.0)); }

namespace {

struct CpEntry {
  double temperature_K;
  double cp_J_per_kgK;
};
// Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, table A.6 (saturated liquid)
constexpr std::array<CpEntry, 27> kHeatCapacity{{
    {273.15, 4217}, {275, 4211}, {280, 4198}, {285, 4189}, {290, 4184}, {295, 4181}, {300, 4179},
    {305, 4178},    {310, 4178}, {315, 4179}, {320, 4180}, {325, 4182}, {330, 4184}, {335, 4186},
    {340, 4188},    {345, 4191}, {350, 4195}, {355, 4199}, {360, 4203}, {365, 4209}, {370, 4214},
    {375, 4220},    {380, 4226}, {390, 4239}, {400, 4256}, {420, 4302}, {450, 4400},
}};
constexpr double kReference_K = 273.15;

// cp on segment k at temperature t (linear; the end segments extend the table linearly)
double SegmentCp(size_t k, double t) {
  const CpEntry& a = kHeatCapacity[k];
  const CpEntry& b = kHeatCapacity[k + 1];
  return a.cp_J_per_kgK + (b.cp_J_per_kgK - a.cp_J_per_kgK) * (t - a.temperature_K) / (b.temperature_K - a.temperature_K);
}

size_t SegmentOf(double t) {
  size_t k = 0;
  while (k + 2 < kHeatCapacity.size() && t > kHeatCapacity[k + 1].temperature_K) ++k;
  return k;
}

// integral of cp over [segment start, t] on segment k
double SegmentEnthalpy(size_t k, double t) {
  const double t0 = kHeatCapacity[k].temperature_K;
  return 0.5 * (kHeatCapacity[k].cp_J_per_kgK + SegmentCp(k, t)) * (t - t0);
}

// enthalpy at the start of each segment
std::array<double, kHeatCapacity.size()> SegmentStarts() {
  std::array<double, kHeatCapacity.size()> starts{};
  for (size_t k = 1; k < kHeatCapacity.size(); ++k) starts[k] = starts[k - 1] + SegmentEnthalpy(k - 1, kHeatCapacity[k].temperature_K);
  return starts;
}
const std::array<double, kHeatCapacity.size()> kSegmentStart = SegmentStarts();

}  // namespace

HeatCapacityLaw HeatCapacityLaw::RealWater() { return HeatCapacityLaw(0.0); }
HeatCapacityLaw HeatCapacityLaw::Constant(double heat_capacity_J_per_kgK) { return HeatCapacityLaw(heat_capacity_J_per_kgK); }

double HeatCapacityLaw::HeatCapacity_J_per_kgK(double temperature_K) const {
  return constant_J_per_kgK_ > 0.0 ? constant_J_per_kgK_ : SegmentCp(SegmentOf(temperature_K), temperature_K);
}

double HeatCapacityLaw::Enthalpy_J_per_kg(double temperature_K) const {
  if (constant_J_per_kgK_ > 0.0) return constant_J_per_kgK_ * (temperature_K - kReference_K);
  const size_t k = SegmentOf(temperature_K);
  return kSegmentStart[k] + SegmentEnthalpy(k, temperature_K);
}

double HeatCapacityLaw::TemperatureOf_K(double enthalpy_J_per_kg) const {
  if (constant_J_per_kgK_ > 0.0) return kReference_K + enthalpy_J_per_kg / constant_J_per_kgK_;
  size_t k = 0;
  while (k + 2 < kHeatCapacity.size() && enthalpy_J_per_kg > kSegmentStart[k + 1]) ++k;
  // solve c0 x + s x^2 / 2 = dh for x = t - t0, with cp = c0 + s x on the segment
  const double t0 = kHeatCapacity[k].temperature_K, c0 = kHeatCapacity[k].cp_J_per_kgK;
  const double s = (kHeatCapacity[k + 1].cp_J_per_kgK - c0) / (kHeatCapacity[k + 1].temperature_K - t0);
  const double dh = enthalpy_J_per_kg - kSegmentStart[k];
  const double x = std::abs(s) < 1e-12 ? dh / c0 : 2.0 * dh / (c0 + std::sqrt(c0 * c0 + 2.0 * s * dh));
  return t0 + x;
}

}  // namespace lifeline::heating
