// What the demo-city generator is asked for: the seed, the size, the block
// pitch and the burial depths of each buried system.
//
// The burial depths are common Chinese practice, taken from secondary sources
// and marked (verify) in docs/city.md; they are defaults, every one can be
// overridden from the command line.
#pragma once

#include <cstdint>

namespace lifeline::city {

// Minimum cover (ground surface to the top of the pipe or structure) of each system, m.
struct BurialDepths {
  double water_main_cover_m = 1.2;          // water mains under carriageways (GB 50013, frost; verify)
  double water_distribution_cover_m = 1.0;  // water distribution pipes (GB 50013 >= 0.7 m; verify)
  double sewer_min_cover_m = 1.0;           // gravity sewers under carriageways (GB 50014 >= 0.7 m; verify)
  double sewer_max_depth_m = 8.0;           // deepest open-cut manhole invert below ground (verify)
  double gas_cover_m = 0.9;                 // gas pipes under carriageways (GB 50028 >= 0.9 m; verify)
  double heating_cover_m = 1.0;             // direct-buried heating pipes (CJJ 34 >= 0.8 m; verify)
  double tunnel_cover_m = 3.0;              // utility tunnel roof below ground (GB 50838 practice; verify)
};

struct CityOptions {
  std::uint64_t seed = 1;        // the one seed of every random choice
  int size_blocks = 18;          // blocks along each side of the (square) city, >= 8
  double block_pitch_m = 150.0;  // distance between neighbouring street lines, m
  BurialDepths burial;           // cover depths of the buried systems
};

}  // namespace lifeline::city
