// Gas network helpers: ambient pressure, gas density, splitting a pipe (see gas_network.h).
#include "models/gas/gas_network.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"

namespace lifeline::gas {

double AmbientPressure_Pa(double height_m) {
  return kNormalPressure_Pa * std::pow(1.0 - 0.0065 * height_m / 288.15, 5.255);
}

double GasFluid::Density_kg_per_m3(double pressure_Pa, double temperature_K) const {
  return normal_density_kg_per_m3 * (pressure_Pa / kNormalPressure_Pa) *
         (kNormalTemperature_K / temperature_K) / Compressibility(pressure_Pa);
}

double GasFluid::GasConstant_J_per_kg_K() const {
  return kNormalPressure_Pa / (normal_density_kg_per_m3 * kNormalTemperature_K);
}

double Link::Area_m2() const { return std::numbers::pi / 4.0 * diameter_m * diameter_m; }

GasNetwork SplitPipe(const GasNetwork& network, LinkIndex pipe, double offset_from_start_m,
                     const std::string& junction_id) {
  const NetworkGraph& graph = network.graph;
  const LinkProperties& split = graph.link(pipe);
  if (network.links[pipe].kind != LinkKind::kPipe) {
    throw Error::AtElement(kSystem, split.id, "only a pipe can be split");
  }
  if (!(offset_from_start_m > 0.0 && offset_from_start_m < split.length_m)) {
    throw Error::AtElement(kSystem, split.id,
                           fmt::format("split point {} m must lie inside the pipe (0, {}) m",
                                       offset_from_start_m, split.length_m));
  }
  const double share = offset_from_start_m / split.length_m;
  const NodeIndex from = graph.link_from(pipe), to = graph.link_to(pipe);

  GasNetwork result;
  result.title = network.title;
  result.fluid = network.fluid;
  result.friction = network.friction;
  NetworkGraphBuilder builder(kSystem);
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    builder.AddNode(graph.node(n));
    result.junctions.push_back(network.junctions[n]);
  }
  // the new junction: interpolated position, height and temperature; no sink
  const Point3& a = graph.node(from).position;
  const Point3& b = graph.node(to).position;
  const Point3 position{a.x_m + share * (b.x_m - a.x_m), a.y_m + share * (b.y_m - a.y_m), a.z_m + share * (b.z_m - a.z_m)};
  builder.AddNode({junction_id, "junction", position});
  Junction middle;
  middle.height_m = network.junctions[from].height_m +
                    share * (network.junctions[to].height_m - network.junctions[from].height_m);
  middle.temperature_K = network.junctions[from].temperature_K +
                         share * (network.junctions[to].temperature_K - network.junctions[from].temperature_K);
  result.junctions.push_back(middle);

  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const LinkProperties& properties = graph.link(l);
    const std::string& from_id = graph.node(graph.link_from(l)).id;
    const std::string& to_id = graph.node(graph.link_to(l)).id;
    if (l != pipe) {
      builder.AddLink(properties, from_id, to_id);
      result.links.push_back(network.links[l]);
      continue;
    }
    // the minor loss stays with the first part
    LinkProperties first = properties, second = properties;
    first.id = properties.id + "/a";
    first.length_m = offset_from_start_m;
    second.id = properties.id + "/b";
    second.length_m = properties.length_m - offset_from_start_m;
    builder.AddLink(first, from_id, junction_id);
    result.links.push_back(network.links[l]);
    builder.AddLink(second, junction_id, to_id);
    Link second_link = network.links[l];
    second_link.loss_coefficient = 0.0;
    second_link.reference_velocity_m_per_s.reset();
    result.links.push_back(second_link);
    result.links[static_cast<size_t>(l)].reference_velocity_m_per_s.reset();
  }
  result.graph = builder.Build();
  return result;
}

}  // namespace lifeline::gas
