// The demo city's gas JSON -> GasNetwork (see city_gas_reader.h).
#include "models/gas/city_gas_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/error.h"
#include "engine/input_file.h"
#include "models/gas/pandapipes_reader.h"

namespace lifeline::gas {
namespace {

using Json = nlohmann::json;

struct Where {
  const std::string& source;
  Error Fail(const std::string& id, const std::string& message) const {
    return Error::AtElement(kSystem, id, fmt::format("{}: {}", source, message));
  }
  double Number(const Json& item, const char* key, const std::string& id) const {
    if (!item.contains(key) || !item[key].is_number()) throw Fail(id, fmt::format("'{}' must be a number", key));
    const double value = item[key].get<double>();
    if (!std::isfinite(value)) throw Fail(id, fmt::format("'{}' is not finite", key));
    return value;
  }
  std::string Text(const Json& item, const char* key, const std::string& id) const {
    if (!item.contains(key) || !item[key].is_string()) throw Fail(id, fmt::format("'{}' must be a string", key));
    return item[key].get<std::string>();
  }
};

}  // namespace

GasNetwork ReadCityGasJson(const std::string& json_text, const std::string& source_name) {
  const Json root = ParseJson(json_text, source_name);
  const Where where{source_name};
  if (root.value("format", std::string()) != "lifeline-city-gas") {
    throw Error(fmt::format("{}: not a 'lifeline-city-gas' file", source_name));
  }
  if (!root.contains("nodes") || !root["nodes"].is_array() || !root.contains("links") || !root["links"].is_array()) {
    throw Error(fmt::format("{}: needs 'nodes' and 'links' arrays", source_name));
  }

  GasNetwork network;
  network.title = source_name;
  network.friction = FrictionModel::kColebrook;
  network.fluid.normal_density_kg_per_m3 = kCityGasNormalDensity_kg_per_m3;
  network.fluid.viscosity_Pa_s = kCityGasViscosity_Pa_s;

  NetworkGraphBuilder builder(kSystem);
  std::map<std::string, double> design_gauge_Pa;
  std::vector<NodeIndex> gates;
  for (const Json& item : root["nodes"]) {
    const std::string id = where.Text(item, "id", "?");
    const std::string kind = where.Text(item, "kind", id);
    if (kind != "city_gate" && kind != "junction" && kind != "regulator_outlet") {
      throw where.Fail(id, fmt::format("unknown node kind '{}' (city_gate, junction, regulator_outlet)", kind));
    }
    Junction junction;
    junction.height_m = where.Number(item, "z_m", id);
    junction.temperature_K = kCityGasTemperature_K;
    junction.sink_kg_per_s = where.Number(item, "design_load_Nm3_per_s", id) * kCityGasNormalDensity_kg_per_m3;
    design_gauge_Pa[id] = where.Number(item, "design_pressure_Pa", id);
    const NodeIndex n = builder.AddNode({id, kind, Point3{where.Number(item, "x_m", id), where.Number(item, "y_m", id),
                                                          junction.height_m}});
    if (kind == "city_gate") gates.push_back(n);
    network.junctions.push_back(junction);
  }
  if (gates.empty()) throw Error(fmt::format("{}: no city_gate node", source_name));

  std::vector<std::pair<std::string, std::string>> ends;  // from, to ids by link
  for (const Json& item : root["links"]) {
    const std::string id = where.Text(item, "id", "?");
    const std::string kind = where.Text(item, "kind", id);
    const std::string from = where.Text(item, "from", id), to = where.Text(item, "to", id);
    Link link;
    LinkProperties properties{id, kind, 0.0, item.value("isolation_valve", false)};
    if (kind == "pipe") {
      link.kind = LinkKind::kPipe;
      properties.length_m = where.Number(item, "length_m", id);
      link.diameter_m = where.Number(item, "diameter_m", id);
      if (!(properties.length_m > 0.0) || !(link.diameter_m > 0.0)) throw where.Fail(id, "length and diameter must be positive");
      const std::string material = where.Text(item, "material", id);
      if (material == "steel") {
        link.roughness_m = kSteelRoughness_m;
      } else if (material == "PE") {
        link.roughness_m = kPolyethyleneRoughness_m;
      } else {
        throw where.Fail(id, fmt::format("unknown pipe material '{}' (steel, PE)", material));
      }
    } else if (kind == "regulator") {
      link.kind = LinkKind::kRegulator;
      if (!design_gauge_Pa.contains(to)) throw where.Fail(id, fmt::format("unknown outlet node '{}'", to));
    } else {
      throw where.Fail(id, fmt::format("unknown link kind '{}' (pipe, regulator)", kind));
    }
    builder.AddLink(std::move(properties), from, to);
    ends.emplace_back(from, to);
    network.links.push_back(link);
  }
  network.graph = builder.Build();

  // set-points in absolute pressure at each node's height
  auto absolute = [&](const std::string& id, double gauge_Pa) {
    return gauge_Pa + AmbientPressure_Pa(network.junctions[network.graph.NodeIndexOf(id)].height_m);
  };
  for (LinkIndex l = 0; l < network.graph.link_count(); ++l) {
    Link& link = network.links[l];
    if (link.kind != LinkKind::kRegulator) continue;
    const double set_gauge_Pa = design_gauge_Pa[ends[l].second];
    link.outlet_set_pressure_Pa = absolute(ends[l].second, set_gauge_Pa);
    link.lockout_inlet_pressure_Pa = absolute(ends[l].first, set_gauge_Pa + kRegulatorLockoutMargin_Pa);
  }
  for (const NodeIndex gate : gates) {
    double outlet_gauge_Pa = 0.0;
    for (const LinkIndex l : network.graph.links_at(gate)) {
      const NodeIndex other = network.graph.link_from(l) == gate ? network.graph.link_to(l) : network.graph.link_from(l);
      outlet_gauge_Pa = std::max(outlet_gauge_Pa, design_gauge_Pa[network.graph.node(other).id]);
    }
    if (!(outlet_gauge_Pa > 0.0)) throw where.Fail(network.graph.node(gate).id, "the city gate feeds no node with a design pressure");
    network.junctions[gate].fixed_pressure_Pa = absolute(network.graph.node(gate).id, outlet_gauge_Pa);
  }
  return network;
}

GasNetwork ReadGasNetworkFile(const std::string& path) {
  const std::string content = ReadTextFile(path);
  const Json root = ParseJson(content, path);
  if (root.is_object() && root.value("format", std::string()) == "lifeline-city-gas") return ReadCityGasJson(content, path);
  return ReadPandapipesJson(content, path);
}

}  // namespace lifeline::gas
