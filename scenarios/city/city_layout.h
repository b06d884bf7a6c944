// The city layout: a perturbed street grid with main and minor streets, the
// river corridor, land-use blocks with population, and sensitive sites.
//
// The city is size x size blocks of block_pitch_m. Street lines run north-south
// (columns 0..size) and east-west (rows 0..size); every fourth line and the
// edges are main streets, and so are the two riverside avenues. Main streets
// are straight; minor street intersections are jittered. The river runs west
// to east through block row river_block_row (the river corridor, no blocks
// built there); streets cross it only on bridges: a three-span continuous
// girder on every main north-south street and one simple span on a minor one.
#pragma once

#include <array>
#include <random>
#include <string>
#include <vector>

#include "engine/geometry.h"
#include "scenarios/city/city_options.h"
#include "scenarios/city/terrain.h"

namespace lifeline::city {

enum class LandUse { kResidential, kCommercial, kIndustrial, kPark, kRiver };

// "residential", "commercial", "industrial", "park", "river".
const char* LandUseName(LandUse land_use);

struct Street {
  std::string id;           // "ST-NS3" (north-south, column 3) or "ST-EW5" (east-west, row 5)
  std::string name;         // e.g. "Renmin Road"
  bool is_main = false;     // main street (mains, trunks, rings run here)
  bool runs_north_south = false;
  int line = 0;             // column (north-south) or row (east-west) index
  double width_m = 0.0;     // kerb to kerb, m
};

// The street between two neighbouring intersections.
struct StreetSegment {
  std::string id;       // "E3_4" (east from column 3, row 4) or "N3_4" (north from it)
  int street = 0;       // index into CityLayout::streets
  int from_node = 0;    // intersection index (west or south end)
  int to_node = 0;      // intersection index (east or north end)
  double length_m = 0.0;
  int bridge = -1;      // index into CityLayout::bridges, -1 when not a bridge
};

struct Block {
  std::string id;                 // "K3_4": the block east and north of intersection (3, 4)
  int column = 0;                 // 0 .. size-1
  int row = 0;                    // 0 .. size-1
  LandUse land_use = LandUse::kResidential;
  std::array<int, 4> corner_nodes{};  // SW, SE, NE, NW intersections
  double area_m2 = 0.0;           // between the street centrelines
  double population = 0.0;        // residents (night-time), persons
  Point3 centroid;                // z = ground, m
};

struct SensitiveSite {
  std::string id;        // "SCH-1", "HOS-1", "STA-1", "MKT-1"
  std::string kind;      // "school", "hospital", "station", "market"
  int block = -1;        // index into CityLayout::blocks; -1 for a station at an intersection
  int node = -1;         // nearest intersection
  Point3 position;       // z = ground, m
  double persons = 0.0;  // people present at the busiest hour
};

struct BridgeSite {
  std::string id;           // "B1", "B2", ...
  int segment = 0;          // the street segment it carries
  bool is_continuous = false;  // three-span continuous girder (true) or simple span
};

struct CityLayout {
  int size_blocks = 0;
  double block_pitch_m = 0.0;
  int river_block_row = 0;                 // the block row the river runs through
  Terrain terrain;
  std::vector<Point3> intersections;       // index = row * (size + 1) + column; z = ground, m
  std::vector<bool> main_column;           // size + 1 flags
  std::vector<bool> main_row;              // size + 1 flags
  std::vector<Street> streets;
  std::vector<StreetSegment> segments;
  std::vector<std::array<int, 4>> segments_at;  // per intersection: east, north, west, south segment or -1
  std::vector<Block> blocks;
  std::vector<SensitiveSite> sites;
  std::vector<BridgeSite> bridges;

  int NodeAt(int column, int row) const { return row * (size_blocks + 1) + column; }
  int ColumnOf(int node) const { return node % (size_blocks + 1); }
  int RowOf(int node) const { return node / (size_blocks + 1); }
  bool IsMainSegment(int segment) const { return streets[segments[segment].street].is_main; }
  // The intersection at the other end of a segment.
  int OtherEnd(int segment, int node) const {
    const StreetSegment& s = segments[segment];
    return s.from_node == node ? s.to_node : s.from_node;
  }
  // "X3_4".
  std::string IntersectionId(int node) const;
  // Width and height of the built area, m.
  double extent_m() const { return size_blocks * block_pitch_m; }
};

// Lays out a city; a size below 8 or above 2000 blocks is an Error.
CityLayout GenerateCityLayout(const CityOptions& options, std::mt19937_64& rng);

}  // namespace lifeline::city
