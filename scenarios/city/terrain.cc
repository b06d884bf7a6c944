// The city's ground and river (see terrain.h).
#include "scenarios/city/terrain.h"

#include <cmath>
#include <numbers>

#include "scenarios/city/city_random.h"

namespace lifeline::city {

double River::CentreY_m(double x_m) const {
  return centre_y_m + amplitude_m * std::sin(2.0 * std::numbers::pi * x_m / wavelength_m + phase_rad);
}

double Terrain::Elevation_m(double x_m, double y_m) const {
  const double d = y_m - river.CentreY_m(x_m);
  const double w = valley_floor_rounding_m;
  double z = base_elevation_m - eastward_fall_per_m * x_m + valley_slope_per_m * (std::sqrt(d * d + w * w) - w);
  for (const TerrainWave& wave : waves) {
    z += wave.amplitude_m * std::sin(wave.wavenumber_x_per_m * x_m + wave.phase_x_rad) *
         std::cos(wave.wavenumber_y_per_m * y_m + wave.phase_y_rad);
  }
  return z;
}

double Terrain::MaxWaveSlope() const {
  double slope = 0.0;
  for (const TerrainWave& wave : waves) {
    slope += wave.amplitude_m * std::hypot(wave.wavenumber_x_per_m, wave.wavenumber_y_per_m);
  }
  return slope;
}

Terrain MakeTerrain(std::mt19937_64& rng, double river_centre_y_m) {
  Terrain terrain;
  terrain.base_elevation_m = UniformIn(rng, 30.0, 60.0);
  terrain.river.centre_y_m = river_centre_y_m;
  terrain.river.amplitude_m = UniformIn(rng, 6.0, 12.0);
  terrain.river.wavelength_m = UniformIn(rng, 1200.0, 2000.0);
  terrain.river.phase_rad = UniformIn(rng, 0.0, 2.0 * std::numbers::pi);
  for (TerrainWave& wave : terrain.waves) {
    wave.amplitude_m = UniformIn(rng, 0.5, 1.0);
    wave.wavenumber_x_per_m = 2.0 * std::numbers::pi / UniformIn(rng, 3500.0, 6000.0);
    wave.wavenumber_y_per_m = 2.0 * std::numbers::pi / UniformIn(rng, 3500.0, 6000.0);
    wave.phase_x_rad = UniformIn(rng, 0.0, 2.0 * std::numbers::pi);
    wave.phase_y_rad = UniformIn(rng, 0.0, 2.0 * std::numbers::pi);
  }
  return terrain;
}

}  // namespace lifeline::city
