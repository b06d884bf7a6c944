// Tank network helpers (see tank_network.h).
#include "models/tank_network/tank_network.h"

namespace lifeline::tank_network {

double TankNetwork::DemandAt(NodeIndex n, double time_s) const {
  const Node& node = nodes[n];
  if (node.kind != NodeKind::kJunction) return 0.0;
  const double multiplier = node.pattern >= 0 ? patterns[node.pattern].ValueAt(time_s) : 1.0;
  return node.base_demand_m3_per_s * multiplier;
}

}  // namespace lifeline::tank_network
