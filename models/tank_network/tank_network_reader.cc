// JSON reader for the tank network (see tank_network_reader.h).
#include "models/tank_network/tank_network_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"

namespace lifeline::tank_network {
namespace {

using Json = nlohmann::json;

// A required, finite number; an Error naming the element and key otherwise.
double Number(const Json& object, const char* key, const std::string& where, const std::string& id) {
  if (!object.contains(key) || !object[key].is_number()) {
    throw Error::AtElement(kSystem, id, fmt::format("{}: '{}' must be a number", where, key));
  }
  const double value = object[key].get<double>();
  if (!std::isfinite(value)) throw Error::AtElement(kSystem, id, fmt::format("{}: '{}' is not finite", where, key));
  return value;
}

double Positive(const Json& object, const char* key, const std::string& where, const std::string& id) {
  const double value = Number(object, key, where, id);
  if (!(value > 0.0)) {
    throw Error::AtElement(kSystem, id, fmt::format("{}: '{}' = {} must be positive", where, key, value));
  }
  return value;
}

std::string Text(const Json& object, const char* key, const std::string& where) {
  if (!object.contains(key) || !object[key].is_string()) {
    throw Error(fmt::format("{}: '{}' must be a string in {}", where, key, object.dump()));
  }
  return object[key].get<std::string>();
}

}  // namespace

TankNetwork ReadTankNetworkJson(const std::string& json_text, const std::string& source_name) {
  const Json root = ParseJson(json_text, source_name);

  TankNetwork network;
  network.title = root.value("title", std::string("tank network"));
  if (root.contains("duration_h")) network.duration_s = units::HoursToSeconds(Positive(root, "duration_h", source_name, ""));
  if (root.contains("report_step_min")) network.report_step_s = 60.0 * Positive(root, "report_step_min", source_name, "");

  std::map<std::string, int> pattern_index;
  if (root.contains("patterns")) {
    for (const auto& [name, pattern] : root["patterns"].items()) {
      const double step_s = units::HoursToSeconds(Positive(pattern, "step_h", source_name, name));
      if (!pattern.contains("multipliers") || !pattern["multipliers"].is_array()) {
        throw Error(fmt::format("{}: pattern '{}' needs a 'multipliers' array", source_name, name));
      }
      pattern_index[name] = static_cast<int>(network.patterns.size());
      network.patterns.push_back(TimeSeries::Pattern(name, step_s, pattern["multipliers"].get<std::vector<double>>()));
    }
  }

  NetworkGraphBuilder builder(kSystem);
  for (const Json& item : root.at("nodes")) {
    const std::string id = Text(item, "id", source_name);
    const std::string kind = Text(item, "kind", source_name);
    const std::string where = fmt::format("{}: node", source_name);
    Node node;
    node.elevation_m = Number(item, "elevation_m", where, id);
    if (kind == "reservoir") {
      node.kind = NodeKind::kReservoir;
      node.fixed_head_m = Number(item, "head_m", where, id);
    } else if (kind == "tank") {
      node.kind = NodeKind::kTank;
      node.area_m2 = Positive(item, "area_m2", where, id);
      node.max_level_m = Positive(item, "max_level_m", where, id);
      node.initial_level_m = Number(item, "level_m", where, id);
      if (node.initial_level_m < 0.0 || node.initial_level_m > node.max_level_m) {
        throw Error::AtElement(kSystem, id, fmt::format("{}: level_m {} outside [0, {}]", where,
                                                        node.initial_level_m, node.max_level_m));
      }
    } else if (kind == "junction") {
      node.kind = NodeKind::kJunction;
      node.base_demand_m3_per_s = units::LitresPerSecondToCubicMetresPerSecond(Number(item, "demand_lps", where, id));
      if (item.contains("pattern")) {
        const std::string name = Text(item, "pattern", where);
        const auto it = pattern_index.find(name);
        if (it == pattern_index.end()) {
          throw Error::AtElement(kSystem, id, fmt::format("{}: unknown pattern '{}'", where, name));
        }
        node.pattern = it->second;
      }
    } else {
      throw Error::AtElement(kSystem, id, fmt::format("{}: unknown kind '{}' (reservoir, tank, junction)", where, kind));
    }
    const Point3 position{Number(item, "x_m", where, id), Number(item, "y_m", where, id), node.elevation_m};
    builder.AddNode({id, kind, position});
    network.nodes.push_back(node);
  }

  for (const Json& item : root.at("pipes")) {
    const std::string id = Text(item, "id", source_name);
    const std::string where = fmt::format("{}: pipe", source_name);
    Pipe pipe;
    const double length_m = Positive(item, "length_m", where, id);
    pipe.diameter_m = Positive(item, "diameter_m", where, id);
    pipe.friction_factor = Positive(item, "friction_factor", where, id);
    pipe.resistance_s2_per_m5 = 8.0 * pipe.friction_factor * length_m /
                                (units::kGravity_m_per_s2 * std::numbers::pi * std::numbers::pi *
                                 std::pow(pipe.diameter_m, 5));
    LinkProperties link{id, "pipe", length_m, item.value("isolation_valve", false)};
    builder.AddLink(std::move(link), Text(item, "from", where), Text(item, "to", where));
    network.pipes.push_back(pipe);
  }
  network.graph = builder.Build();
  return network;
}

}  // namespace lifeline::tank_network
