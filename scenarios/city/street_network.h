// The street network as a NetworkGraph (system "street") and the two street
// trees every utility is laid along:
//   - the main-street tree: a breadth-first tree over the main streets from a
//     root intersection (where a source, gate or plant connects); the main
//     segments not in it close the loops of looped mains;
//   - the districts: each rectangle of main streets with minor streets inside
//     is one district (a DMA for water, a low-pressure zone for gas, a
//     substation area for heating), fed at one entry intersection on its
//     southern main street, with a breadth-first tree over its minor streets.
#pragma once

#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "scenarios/city/city_layout.h"

namespace lifeline::city {

// Intersections "X<c>_<r>" (kind "intersection"), segments (kind "street" or "bridge").
NetworkGraph BuildStreetGraph(const CityLayout& layout);

struct StreetTree {
  std::vector<int> order;           // reached intersections, root first, breadth-first
  std::vector<int> parent_segment;  // per intersection: the segment to its parent, -1 for the root or unreached
};

// Breadth-first over main-street segments from root_node (a main intersection).
StreetTree MainStreetTree(const CityLayout& layout, int root_node);

struct District {
  std::string id;              // "D1", "D2", ...
  int entry_node = 0;          // intersection on the southern main street where the district is fed
  int entry_segment = 0;       // the minor segment from entry_node into the district
  std::vector<int> order;      // interior intersections, breadth-first from the one entry_segment reaches
  bool is_low_lying = false;   // borders a riverside avenue (the lowest ground)
};

struct Districts {
  std::vector<District> districts;
  std::vector<int> parent_segment;  // per intersection: segment toward the district entry, -1 outside districts
};

Districts FindDistricts(const CityLayout& layout);

}  // namespace lifeline::city
