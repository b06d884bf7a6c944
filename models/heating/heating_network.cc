// Heating network helpers (see heating_network.h).
#include "models/heating/heating_network.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"

namespace lifeline::heating {

std::vector<double> HeatingNetwork::FixedWithdrawal_kg_per_s() const {
  std::vector<double> withdrawal(junctions.size(), 0.0);
  for (const Consumer& consumer : consumers) withdrawal[consumer.junction] += consumer.mass_flow_kg_per_s;
  return withdrawal;
}

double LeakMassFlow_kg_per_s(const Leak& leak, double density_kg_per_m3, double gauge_pressure_Pa, double* derivative) {
  constexpr double kSmoothing_Pa = 100.0;
  const double p = gauge_pressure_Pa;
  const double scale = leak.discharge_coefficient * leak.hole_area_m2 * std::sqrt(2.0 * density_kg_per_m3);
  const double s = p * p + kSmoothing_Pa * kSmoothing_Pa;
  const double root4 = std::pow(s, 0.25);
  if (derivative) *derivative = scale * (1.0 / root4 - 0.5 * p * p / (root4 * s));
  return scale * p / root4;
}

HeatingNetwork WithBurst(const HeatingNetwork& network, const std::string& pipe_id, double fraction_from_start,
                         double hole_diameter_m, double discharge_coefficient) {
  const NetworkGraph& graph = network.graph;
  const LinkIndex burst = graph.LinkIndexOf(pipe_id);
  if (network.links[burst].kind != LinkKind::kPipe) throw Error::AtElement(kSystem, pipe_id, "only a pipe can burst");
  if (!(fraction_from_start > 0.0 && fraction_from_start < 1.0) || !(hole_diameter_m > 0.0)) {
    throw Error::AtElement(kSystem, pipe_id,
                           fmt::format("burst at fraction {} with a {} m hole: the fraction must lie in (0, 1) and "
                                       "the hole be positive", fraction_from_start, hole_diameter_m));
  }
  HeatingNetwork split = network;
  NetworkGraphBuilder builder(kSystem);
  for (NodeIndex j = 0; j < graph.node_count(); ++j) builder.AddNode(graph.node(j));
  const NodeProperties& from = graph.node(graph.link_from(burst));
  const NodeProperties& to = graph.node(graph.link_to(burst));
  const double f = fraction_from_start;
  const std::string burst_node = pipe_id + "@burst";
  builder.AddNode({burst_node, "burst",
                   {from.position.x_m + f * (to.position.x_m - from.position.x_m),
                    from.position.y_m + f * (to.position.y_m - from.position.y_m),
                    from.position.z_m + f * (to.position.z_m - from.position.z_m)}});
  Junction burst_junction = network.junctions[graph.link_from(burst)];
  burst_junction.height_m += f * (network.junctions[graph.link_to(burst)].height_m - burst_junction.height_m);
  burst_junction.reference_pressure_Pa.reset();
  split.junctions.push_back(burst_junction);

  split.links.clear();
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    LinkProperties properties = graph.link(l);
    Link link = network.links[l];
    if (l != burst) {
      builder.AddLink(properties, graph.node(graph.link_from(l)).id, graph.node(graph.link_to(l)).id);
      split.links.push_back(link);
      continue;
    }
    link.reference_velocity_m_per_s.reset();
    link.reference_section_temperatures_K.clear();
    Link first = link, second = link;
    first.length_m = f * link.length_m;
    second.length_m = (1.0 - f) * link.length_m;
    first.sections = std::max(1, static_cast<int>(std::lround(f * link.sections)));
    second.sections = std::max(1, link.sections - first.sections);
    builder.AddLink({pipe_id, properties.kind, first.length_m, properties.is_isolation_valve}, from.id, burst_node);
    split.links.push_back(first);
    builder.AddLink({pipe_id + "@downstream", properties.kind, second.length_m, properties.is_isolation_valve}, burst_node, to.id);
    split.links.push_back(second);
  }
  split.graph = builder.Build();
  split.leaks.push_back({split.graph.NodeIndexOf(burst_node),
                         std::numbers::pi * hole_diameter_m * hole_diameter_m / 4.0, discharge_coefficient});
  return split;
}

}  // namespace lifeline::heating
