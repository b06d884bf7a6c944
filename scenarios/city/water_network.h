// The demo city's water supply, designed from the layout.
//
// A clear-water reservoir at the treatment plant west of the city feeds a pump
// station; a transmission main joins the looped mains that run along every
// main street (sized along the breadth-first main-street tree from the plant,
// the remaining main segments close the loops). Each district is fed from the
// mains through one valve (a PRV in the low-lying districts beside the river,
// an isolation valve elsewhere) and supplied by branched distribution pipes
// along its minor streets. An elevated tank stands at the highest main
// crossing. Isolation valves sit at the start of every main leaving a main
// crossing. Every street segment is laid as three pipes (service junctions
// every third of a block).
//
// Design demand of a block: residents x 0.22 m3/d plus area x a land-use rate
// (commercial 60, industrial 40, park 5 m3/ha/d; verify), at the block's
// north-east corner. Pipes are sized for the peak hour (1.5 x average) at
// 1.0 m/s; mains at least DN200, distribution at least DN100. Every link is
// oriented from the source toward the periphery, and the diameters along the
// design tree never increase in that direction.
#pragma once

#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "scenarios/city/city_layout.h"
#include "scenarios/city/street_network.h"

namespace lifeline::city {

enum class WaterLinkKind { kPipe, kPump, kPressureReducingValve, kIsolationValve };

struct WaterNode {
  std::string id;                     // "J3_4", "JE3_4-1", "R1", "T1", "PS1"
  std::string kind;                   // "junction", "reservoir", "tank"
  Point3 position;                    // z = pipe centreline (junction), tank bottom, reservoir water level; m
  double ground_elevation_m = 0.0;    // ground surface above the node, m
  double base_demand_m3_per_s = 0.0;  // average demand, m3/s
};

struct WaterLink {
  std::string id;
  WaterLinkKind kind = WaterLinkKind::kPipe;
  int from = 0;                        // node index (upstream in the design)
  int to = 0;                          // node index
  double length_m = 0.0;               // 0 for pumps and valves
  double diameter_m = 0.0;             // pumps: 0
  double hazen_williams_c = 130.0;     // pipes only
  double setting = 0.0;                // PRV: downstream pressure head, m; isolation valve (TCV): loss coefficient 0
  bool is_main = false;                // transmission or looped main
  double design_flow_m3_per_s = 0.0;   // peak-hour flow it was sized for (0 for loop closers)
};

struct WaterTank {
  int node = -1;
  double bottom_elevation_m = 0.0;  // m
  double initial_level_m = 4.0;     // m
  double min_level_m = 0.5;         // m
  double max_level_m = 6.0;         // m
  double diameter_m = 20.0;         // m
};

struct WaterNetwork {
  std::vector<WaterNode> nodes;
  std::vector<WaterLink> links;
  int reservoir_node = -1;
  double reservoir_head_m = 0.0;          // water level in the clear well, m
  WaterTank tank;
  int pump_link = -1;
  double pump_design_flow_m3_per_s = 0.0;  // the pump curve's design point
  double pump_design_head_m = 0.0;
  std::vector<double> demand_pattern;      // 24 hourly multipliers, mean 1
  std::vector<int> node_of_intersection;   // water node at each intersection
};

WaterNetwork DesignWaterNetwork(const CityLayout& layout, const Districts& districts, const BurialDepths& burial);

// Nodes (kind "junction", "reservoir", "tank") and links (kind "pipe", "pump", "prv", "isolation_valve").
NetworkGraph BuildWaterGraph(const WaterNetwork& water);

// "pipe", "pump", "prv", "isolation_valve".
const char* WaterLinkKindName(WaterLinkKind kind);

}  // namespace lifeline::city
