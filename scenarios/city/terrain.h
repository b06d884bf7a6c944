// The city's ground: a smooth analytic elevation field and the river that
// crosses the city from west to east.
//
// Elevation (m above the local datum):
//   z(x, y) = z0 - f_east * x + s_valley * (sqrt(d^2 + w^2) - w) + sum_k a_k sin(kx_k x + p_k) cos(ky_k y + q_k)
// with d = y - y_river(x) the distance from the river centreline, w a 40 m
// rounding of the valley floor, and two seeded long waves. The valley slope is
// larger than the steepest the waves can make, so the ground always falls
// toward the river (what the gravity sewers rely on).
// River centreline: y_river(x) = y0 + A sin(2 pi x / lambda + phase).
#pragma once

#include <array>
#include <random>

namespace lifeline::city {

struct River {
  double centre_y_m = 0.0;      // mean northing of the centreline, m
  double amplitude_m = 0.0;     // meander amplitude, m
  double wavelength_m = 1.0;    // meander wavelength, m
  double phase_rad = 0.0;       // meander phase, rad
  double width_m = 30.0;        // water surface width, m
  double bed_below_bank_m = 3.0;  // river bed below the bank, m

  double CentreY_m(double x_m) const;
};

// One long smooth wave of the terrain.
struct TerrainWave {
  double amplitude_m = 0.0;             // m
  double wavenumber_x_per_m = 0.0;      // rad/m
  double wavenumber_y_per_m = 0.0;      // rad/m
  double phase_x_rad = 0.0;             // rad
  double phase_y_rad = 0.0;             // rad
};

struct Terrain {
  double base_elevation_m = 40.0;        // ground at the river bank, west edge, m
  double eastward_fall_per_m = 0.001;    // the whole city tilts down to the east (the river flows east)
  double valley_slope_per_m = 0.008;     // rise per metre away from the river
  double valley_floor_rounding_m = 40.0;   // w above, m
  std::array<TerrainWave, 2> waves;      // seeded long waves
  River river;

  double Elevation_m(double x_m, double y_m) const;
  // Largest slope the waves can add anywhere (|grad| bound), m/m.
  double MaxWaveSlope() const;
};

// A seeded terrain whose river runs at mean northing river_centre_y_m.
Terrain MakeTerrain(std::mt19937_64& rng, double river_centre_y_m);

}  // namespace lifeline::city
