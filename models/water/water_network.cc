// Time-dependent boundary values of a WaterNetwork (see water_network.h).
#include "models/water/water_network.h"

namespace lifeline::water {

double WaterNetwork::JunctionDemandAt_m3_per_s(NodeIndex n, double time_s) const {
  double demand = 0.0;
  for (const Demand& d : nodes[n].demands) {
    const int pattern = d.pattern >= 0 ? d.pattern : options.default_pattern;
    const double multiplier = pattern >= 0 ? patterns[pattern].ValueAt(time_s) : 1.0;
    demand += d.base_m3_per_s * multiplier;
  }
  return demand * options.demand_multiplier;
}

double WaterNetwork::ReservoirHeadAt_m(NodeIndex n, double time_s) const {
  const Node& node = nodes[n];
  return node.head_pattern >= 0 ? node.elevation_m * patterns[node.head_pattern].ValueAt(time_s) : node.elevation_m;
}

}  // namespace lifeline::water
