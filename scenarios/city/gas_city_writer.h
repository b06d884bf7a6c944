// The demo city's gas network and its JSON file (format in docs/city.md).
//
// A city gate station east of the city takes gas from the sub-high-pressure
// transmission line and feeds a medium-pressure A (0.2-0.4 MPa) network laid
// along every main street: the main streets form rings around each district.
// Each district has one regulator station at its entry that reduces to low
// pressure (< 0.01 MPa, GB 50028 classes) and branched low-pressure mains
// along its minor streets to the blocks. MP pipes leaving a main crossing have
// an isolation valve at their start. Sizing: peak-hour load (residents x
// 0.1 Nm3/h, commercial 5 and industrial 20 Nm3/h per ha; verify) at <= 15 m/s
// actual velocity on MP (at 0.3 MPa gauge) and <= 6 m/s on LP; MP at least
// DN200, LP at least DN100.
#pragma once

#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "scenarios/city/city_layout.h"
#include "scenarios/city/street_network.h"

namespace lifeline::city {

struct GasNode {
  std::string id;                       // "GG1", "G4_8" (MP), "GL5_9" (LP), "GR-D3" (regulator outlet)
  std::string kind;                     // "city_gate", "junction", "regulator_outlet"
  std::string pressure_class;           // "SHP-B", "MP-A", "LP"
  Point3 position;                      // z = pipe centreline, m
  double ground_elevation_m = 0.0;      // m
  double design_pressure_Pa = 0.0;      // gauge, the class's operating pressure
  double design_load_Nm3_per_s = 0.0;   // peak-hour load taken here, normal m3/s
};

struct GasLink {
  std::string id;                      // "GP<segment>" (MP), "GL<segment>" (LP), "REG-D3", "GP-GATE"
  std::string kind;                    // "pipe", "regulator"
  std::string pressure_class;          // the class it operates in (regulator: its outlet class)
  int from = 0;
  int to = 0;
  double length_m = 0.0;
  double diameter_m = 0.0;             // regulators: 0
  std::string material;                // "steel", "PE", ""
  bool isolation_valve = false;        // an isolation valve at its from end
  double design_flow_Nm3_per_s = 0.0;  // peak-hour flow it was sized for
};

struct GasNetwork {
  std::vector<GasNode> nodes;
  std::vector<GasLink> links;
  int gate_node = -1;
};

GasNetwork DesignGasNetwork(const CityLayout& layout, const Districts& districts, const BurialDepths& burial);
NetworkGraph BuildGasGraph(const GasNetwork& gas);
void WriteGasJson(const GasNetwork& gas, const std::string& path);

}  // namespace lifeline::city
