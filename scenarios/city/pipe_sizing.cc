// Standard diameters and sizing rules (see pipe_sizing.h).
#include "scenarios/city/pipe_sizing.h"

#include <cmath>
#include <numbers>

namespace lifeline::city {
namespace {

constexpr double kWater_m[] = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
                               1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.4};
constexpr double kSewer_m[] = {0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.2, 1.35, 1.5, 1.65, 1.8, 2.0,
                               2.2, 2.4, 2.6, 2.8, 3.0};
constexpr double kGas_m[] = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6};
constexpr double kHeating_m[] = {0.05, 0.065, 0.08, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.35,
                                 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4};

}  // namespace

std::span<const double> WaterDiameters_m() { return kWater_m; }
std::span<const double> SewerDiameters_m() { return kSewer_m; }
std::span<const double> GasDiameters_m() { return kGas_m; }
std::span<const double> HeatingDiameters_m() { return kHeating_m; }

double PressurePipeDiameter_m(double flow_m3_per_s, double max_velocity_m_per_s, double min_diameter_m,
                              std::span<const double> diameters_m) {
  for (const double d : diameters_m) {
    if (d + 1e-9 < min_diameter_m) continue;
    if (flow_m3_per_s <= max_velocity_m_per_s * std::numbers::pi * d * d / 4.0) return d;
  }
  return diameters_m.back();
}

double FullPipeCapacity_m3_per_s(double diameter_m, double slope, double manning_n) {
  const double area_m2 = std::numbers::pi * diameter_m * diameter_m / 4.0;
  const double hydraulic_radius_m = diameter_m / 4.0;
  return area_m2 * std::pow(hydraulic_radius_m, 2.0 / 3.0) * std::sqrt(slope) / manning_n;
}

}  // namespace lifeline::city
