// Pipe sizing from a design flow: the smallest standard diameter that carries
// it within a velocity limit (pressure pipes) or flowing full (gravity sewers).
//
// Pressure pipe: Q <= v_max * pi d^2 / 4.
// Gravity sewer, full pipe (Manning): Q_full = (1/n) A R^(2/3) sqrt(s), A = pi d^2/4, R = d/4.
// Both pick from an ascending list, so the chosen diameter never decreases
// when the design flow grows: sizing along a tree from the periphery to the
// source gives diameters that never increase from the source outward.
#pragma once

#include <span>

namespace lifeline::city {

// Standard nominal diameters, m (ascending).
std::span<const double> WaterDiameters_m();     // DN100 .. DN2400 ductile iron
std::span<const double> SewerDiameters_m();     // DN300 .. DN3000 concrete
std::span<const double> GasDiameters_m();       // DN100 .. DN600 PE/steel
std::span<const double> HeatingDiameters_m();   // DN50 .. DN1400 pre-insulated steel

// Smallest diameter >= min_diameter_m with flow / area <= max_velocity_m_per_s; the largest when none does.
double PressurePipeDiameter_m(double flow_m3_per_s, double max_velocity_m_per_s, double min_diameter_m,
                              std::span<const double> diameters_m);

// Full-pipe Manning capacity, m3/s.
double FullPipeCapacity_m3_per_s(double diameter_m, double slope, double manning_n);

}  // namespace lifeline::city
