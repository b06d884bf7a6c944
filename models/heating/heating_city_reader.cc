// Demo-city heating reader (see heating_city_reader.h).
#include "models/heating/heating_city_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"
#include "models/heating/water_properties.h"

namespace lifeline::heating {
namespace {

using Json = nlohmann::json;

constexpr double kMinimumDirectLoad_W = 1000.0;  // below this a load difference is rounding

double Number(const Json& item, const char* key, const std::string& source, const std::string& id) {
  if (!item.contains(key) || !item[key].is_number()) {
    throw Error::AtElement(kSystem, id, fmt::format("{}: '{}' must be a number", source, key));
  }
  const double value = item[key].get<double>();
  if (!std::isfinite(value)) throw Error::AtElement(kSystem, id, fmt::format("{}: '{}' is not finite", source, key));
  return value;
}

std::string Text(const Json& item, const char* key, const std::string& source) {
  if (!item.contains(key) || !item[key].is_string()) {
    throw Error(fmt::format("{}: an element has no string '{}': {}", source, key, item.dump().substr(0, 120)));
  }
  return item[key].get<std::string>();
}


HeatingNetwork FromJson(const Json& root, const std::string& source_name, const CityHeatingOptions& options) {
  if (root.value("format", "") != "lifeline-city-heating") {
    throw Error(fmt::format("{}: not a city heating file (format must be 'lifeline-city-heating')", source_name));
  }
  const double supply_K = units::CelsiusToKelvin(root.at("supply_temperature_C").get<double>());
  const double return_K = units::CelsiusToKelvin(root.at("return_temperature_C").get<double>());
  if (!(supply_K > return_K)) throw Error(fmt::format("{}: supply must be hotter than return", source_name));
  const HeatCapacityLaw water = HeatCapacityLaw::RealWater();
  const double design_enthalpy_drop = water.Enthalpy_J_per_kg(supply_K) - water.Enthalpy_J_per_kg(return_K);

  HeatingNetwork network;
  network.title = source_name;
  network.fluid = {WaterDensity_kg_per_m3(supply_K), WaterViscosity_Pa_s(supply_K), water.HeatCapacity_J_per_kgK(supply_K)};
  network.friction = FrictionModel::kColebrook;
  NetworkGraphBuilder builder(kSystem);

  auto add_junction = [&](const std::string& id, const std::string& kind, const Point3& position) {
    builder.AddNode({id, kind, position});
    network.junctions.push_back({position.z_m, return_K, {}});
  };
  auto add_link = [&](const std::string& id, const std::string& kind, const std::string& from, const std::string& to,
                      const Link& link) {
    builder.AddLink({id, kind, link.length_m, false}, from, to);
    network.links.push_back(link);
  };
  auto add_substation = [&](const std::string& id, const std::string& from, const std::string& to, double load_W) {
    Link substation;
    substation.kind = LinkKind::kSubstation;
    substation.heat_extracted_W = load_W;
    substation.fixed_mass_flow_kg_per_s = load_W / design_enthalpy_drop;
    add_link(id, "substation", from, to, substation);
  };

  // nodes; a substation node becomes its supply junction plus a return junction
  std::string plant;
  std::map<std::string, std::string> outlet_of;  // where links leaving a node start
  std::map<std::string, double> substation_load;
  for (const Json& node : root.at("nodes")) {
    const std::string id = Text(node, "id", source_name);
    const std::string kind = Text(node, "kind", source_name);
    const Point3 position{Number(node, "x_m", source_name, id), Number(node, "y_m", source_name, id),
                          Number(node, "z_m", source_name, id)};
    add_junction(id, kind, position);
    outlet_of[id] = id;
    if (kind == "plant") {
      if (!plant.empty()) throw Error::AtElement(kSystem, id, fmt::format("{}: a second plant", source_name));
      plant = id;
      add_junction(id + "/return", "plant_return", position);
    } else if (kind == "substation") {
      add_junction(id + "/return", "substation_return", position);
      outlet_of[id] = id + "/return";
      substation_load[id] = Number(node, "design_load_W", source_name, id);
    } else if (kind != "supply_junction" && kind != "return_junction") {
      throw Error::AtElement(kSystem, id, fmt::format("{}: unknown node kind '{}'", source_name, kind));
    }
  }
  if (plant.empty()) throw Error(fmt::format("{}: no plant node", source_name));

  // pipes; the load each supply junction keeps for itself is what comes in minus what goes on
  std::map<std::string, double> kept_load;
  for (const Json& item : root.at("links")) {
    const std::string id = Text(item, "id", source_name);
    const std::string kind = Text(item, "kind", source_name);
    if (kind != "supply_pipe" && kind != "return_pipe") {
      throw Error::AtElement(kSystem, id, fmt::format("{}: unknown link kind '{}'", source_name, kind));
    }
    Link pipe;
    pipe.length_m = Number(item, "length_m", source_name, id);
    pipe.diameter_m = Number(item, "diameter_m", source_name, id);
    if (!(pipe.length_m > 0.0) || !(pipe.diameter_m > 0.0)) {
      throw Error::AtElement(kSystem, id, fmt::format("{}: length and diameter must be positive", source_name));
    }
    pipe.roughness_m = options.roughness_m;
    pipe.heat_transfer_W_per_m2K = options.heat_transfer_W_per_m2K;
    pipe.ambient_temperature_K = options.soil_temperature_K;
    pipe.sections = std::max(1, static_cast<int>(std::lround(pipe.length_m / 1000.0 * options.sections_per_km)));
    const std::string from = Text(item, "from", source_name), to = Text(item, "to", source_name);
    const auto from_outlet = outlet_of.find(from);
    if (from_outlet == outlet_of.end()) {
      throw Error::AtElement(kSystem, id, fmt::format("{}: from-node '{}' is not in the file", source_name, from));
    }
    std::string start = from_outlet->second, end = to;
    if (kind == "return_pipe" && to == plant) end = plant + "/return";
    add_link(id, kind, start, end, pipe);
    if (kind == "supply_pipe") {
      const double load = item.value("design_load_W", 0.0);
      kept_load[to] += load;
      kept_load[from] -= load;
    }
  }
  for (const auto& [id, load] : substation_load) add_substation(id, id, id + "/return", load);
  for (const auto& [junction, load] : kept_load) {
    if (junction == plant || substation_load.count(junction) || load < kMinimumDirectLoad_W) continue;
    if (junction.rfind("HS", 0) != 0) {
      throw Error::AtElement(kSystem, junction, fmt::format("{}: a direct load at a node that is not a supply junction", source_name));
    }
    const std::string twin = "HR" + junction.substr(2);
    if (!outlet_of.count(twin)) {
      throw Error::AtElement(kSystem, junction, fmt::format("{}: its return twin '{}' is missing", source_name, twin));
    }
    add_substation(junction + "@direct", junction, twin, load);
  }
  network.graph = builder.Build();
  network.ext_grids.push_back({network.graph.NodeIndexOf(plant), options.supply_pressure_Pa, supply_K});
  network.ext_grids.push_back({network.graph.NodeIndexOf(plant + "/return"), options.return_pressure_Pa, return_K});
  return network;
}

}  // namespace

HeatingNetwork ReadCityHeatingJson(const std::string& json_text, const std::string& source_name,
                                   const CityHeatingOptions& options) {
  return FromJson(ParseJson(json_text, source_name), source_name, options);
}

HeatingNetwork ReadCityHeatingFile(const std::string& path, const CityHeatingOptions& options) {
  return FromJson(ReadJsonFile(path), path, options);
}

}  // namespace lifeline::heating
