// The demo city's district heating network and its JSON file (format in docs/city.md).
//
// A combined heat and power plant east of the city (north bank) feeds a
// branched primary network along the main streets (the breadth-first
// main-street tree from the plant): every street segment carries a supply
// pipe and a return pipe side by side. Each district has one heat-exchanger
// substation at its entry with its design load: heated floor area (residents
// x 35 m2, commercial 1.5 and industrial 0.5 m2 per m2 of block) x 45 W/m2
// (verify). Pipes are sized for the load at 120/60 degC supply/return and
// <= 1.5 m/s (pre-insulated steel, at least DN50).
#pragma once

#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "scenarios/city/city_layout.h"
#include "scenarios/city/street_network.h"

namespace lifeline::city {

struct HeatingNode {
  std::string id;                    // "HP1", "HS4_8" / "HR4_8" (supply / return), "SS-D3"
  std::string kind;                  // "plant", "supply_junction", "return_junction", "substation"
  Point3 position;                   // z = pipe centreline, m
  double ground_elevation_m = 0.0;   // m
  double design_load_W = 0.0;        // substations: design heat load, W
};

struct HeatingLink {
  std::string id;                     // "HS<segment>", "HR<segment>", "SSs-D3", "SSr-D3", "HP1-S", "HP1-R"
  std::string kind;                   // "supply_pipe", "return_pipe"
  int from = 0;                       // flow direction in the design
  int to = 0;
  double length_m = 0.0;
  double diameter_m = 0.0;
  double design_load_W = 0.0;         // heat load carried, W
  double design_flow_m3_per_s = 0.0;  // water flow at the design temperatures, m3/s
};

struct HeatingNetwork {
  std::vector<HeatingNode> nodes;
  std::vector<HeatingLink> links;
  int plant_node = -1;
  double supply_temperature_C = 120.0;  // design supply temperature, degC
  double return_temperature_C = 60.0;   // design return temperature, degC
};

HeatingNetwork DesignHeatingNetwork(const CityLayout& layout, const Districts& districts, const BurialDepths& burial);
NetworkGraph BuildHeatingGraph(const HeatingNetwork& heating);
void WriteHeatingJson(const HeatingNetwork& heating, const std::string& path);

}  // namespace lifeline::city
