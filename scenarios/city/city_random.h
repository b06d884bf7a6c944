// The generator's random numbers: uniform draws from an explicitly seeded
// std::mt19937_64, computed from its raw 64-bit output so that the same seed
// gives the same city with any standard library (the std distributions are
// implementation-defined).
#pragma once

#include <random>

namespace lifeline::city {

// A uniform draw in [0, 1) with 53 random bits.
inline double Uniform01(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

// A uniform draw in [low, high).
inline double UniformIn(std::mt19937_64& rng, double low, double high) {
  return low + (high - low) * Uniform01(rng);
}

}  // namespace lifeline::city
