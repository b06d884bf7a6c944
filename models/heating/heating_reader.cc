// pandapipes JSON reader for heating networks (see heating_reader.h).
#include "models/heating/heating_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"

namespace lifeline::heating {
namespace {

using Json = nlohmann::json;

class TableReader {
 public:
  TableReader(const Json& root, std::string source) : root_(root), source_(std::move(source)) {}

  // Rows of a table that are in service (an absent table has none).
  std::vector<const Json*> Rows(const char* table) const {
    std::vector<const Json*> rows;
    const Json& tables = root_.at("tables");
    if (!tables.contains(table)) return rows;
    for (const Json& row : tables.at(table)) {
      if (row.value("in_service", true)) rows.push_back(&row);
    }
    return rows;
  }

  // The element id of a row: its name, or "<table>_<index>".
  std::string Id(const char* table, const Json& row) {
    std::string id = row.contains("name") && row["name"].is_string() ? row["name"].get<std::string>() : "";
    if (id.empty() || !used_ids_.insert(id).second) {
      id = fmt::format("{}_{}", table, Index(table, row));
      used_ids_.insert(id);
    }
    return id;
  }

  long Index(const char* table, const Json& row) const {
    if (!row.contains("index") || !row["index"].is_number_integer()) {
      throw Error(fmt::format("{}: a row of table '{}' has no integer 'index'", source_, table));
    }
    return row["index"].get<long>();
  }

  double Number(const char* table, const Json& row, const char* key) const {
    if (!row.contains(key) || !row[key].is_number()) {
      throw Error(fmt::format("{}: {} row {}: '{}' must be a number", source_, table, Index(table, row), key));
    }
    const double value = row[key].get<double>();
    if (!std::isfinite(value)) {
      throw Error(fmt::format("{}: {} row {}: '{}' is not finite", source_, table, Index(table, row), key));
    }
    return value;
  }

  double Constant(const char* property) const {
    const Json& properties = root_.at("fluid").at("properties");
    if (!properties.contains(property) || properties[property].value("kind", "") != "constant") {
      throw Error(fmt::format("{}: fluid property '{}' must be constant for a heating network", source_, property));
    }
    return properties[property].at("value").get<double>();
  }

  const std::string& source() const { return source_; }

 private:
  const Json& root_;
  std::string source_;
  std::set<std::string> used_ids_;
};


HeatingNetwork FromJson(const Json& root, const std::string& source_name) {
  if (!root.contains("tables") || !root.contains("fluid")) {
    throw Error(fmt::format("{}: not a pandapipes network (no 'tables' or 'fluid')", source_name));
  }
  TableReader reader(root, source_name);
  HeatingNetwork network;
  network.title = source_name;
  network.fluid = {reader.Constant("density"), reader.Constant("viscosity"), reader.Constant("heat_capacity")};
  network.friction = FrictionModelFromName(root.value("friction_model", std::string("colebrook")));

  NetworkGraphBuilder builder(kSystem);
  std::map<long, std::string> junction_id_of_index;
  for (const Json* row : reader.Rows("junction")) {
    const std::string id = reader.Id("junction", *row);
    junction_id_of_index[reader.Index("junction", *row)] = id;
    Junction junction;
    junction.height_m = reader.Number("junction", *row, "height_m");
    junction.initial_temperature_K = row->value("tfluid_k", 293.15);
    if (row->contains("p_om") && (*row)["p_om"].is_number()) {
      junction.reference_pressure_Pa = units::BarToPascal((*row)["p_om"].get<double>());
    }
    builder.AddNode({id, "junction", {0.0, 0.0, junction.height_m}});
    network.junctions.push_back(junction);
  }
  auto junction_id = [&](const char* table, const Json& row, const char* key) {
    const auto it = junction_id_of_index.find(static_cast<long>(reader.Number(table, row, key)));
    if (it == junction_id_of_index.end()) {
      throw Error(fmt::format("{}: {} row {}: '{}' names no junction in service", source_name, table,
                              reader.Index(table, row), key));
    }
    return it->second;
  };

  for (const Json* row : reader.Rows("pipe")) {
    Link pipe;
    pipe.length_m = 1000.0 * reader.Number("pipe", *row, "length_km");
    pipe.diameter_m = reader.Number("pipe", *row, "diameter_m");
    pipe.roughness_m = units::MillimetresToMetres(reader.Number("pipe", *row, "k_mm"));
    pipe.loss_coefficient = row->value("loss_coefficient", 0.0);
    pipe.heat_transfer_W_per_m2K = row->value("alpha_w_per_m2k", 0.0);
    pipe.ambient_temperature_K = row->value("text_k", 293.15);
    pipe.sections = std::max(1, row->value("sections", 1));
    if (row->contains("v_om") && (*row)["v_om"].is_number()) pipe.reference_velocity_m_per_s = (*row)["v_om"].get<double>();
    if (row->contains("T_om") && (*row)["T_om"].is_array()) {
      pipe.reference_section_temperatures_K = (*row)["T_om"].get<std::vector<double>>();
    }
    const std::string id = reader.Id("pipe", *row);
    if (!(pipe.diameter_m > 0.0) || !(pipe.length_m > 0.0)) {
      throw Error::AtElement(kSystem, id, fmt::format("{}: length and diameter must be positive", source_name));
    }
    builder.AddLink({id, "pipe", pipe.length_m, false}, junction_id("pipe", *row, "from_junction"),
                    junction_id("pipe", *row, "to_junction"));
    network.links.push_back(pipe);
  }
  for (const Json* row : reader.Rows("heat_exchanger")) {
    Link exchanger;
    exchanger.kind = LinkKind::kHeatExchanger;
    exchanger.diameter_m = reader.Number("heat_exchanger", *row, "diameter_m");
    exchanger.loss_coefficient = row->value("loss_coefficient", 0.0);
    exchanger.heat_extracted_W = reader.Number("heat_exchanger", *row, "qext_w");
    builder.AddLink({reader.Id("heat_exchanger", *row), "heat_exchanger", 0.0, false},
                    junction_id("heat_exchanger", *row, "from_junction"), junction_id("heat_exchanger", *row, "to_junction"));
    network.links.push_back(exchanger);
  }
  for (const Json* row : reader.Rows("valve")) {
    Link valve;
    valve.kind = LinkKind::kValve;
    valve.diameter_m = reader.Number("valve", *row, "diameter_m");
    valve.loss_coefficient = row->value("loss_coefficient", 0.0);
    valve.open = row->value("opened", true);
    builder.AddLink({reader.Id("valve", *row), "valve", 0.0, true}, junction_id("valve", *row, "from_junction"),
                    junction_id("valve", *row, "to_junction"));
    network.links.push_back(valve);
  }
  for (const Json* row : reader.Rows("circ_pump_pressure")) {
    Link pump;
    pump.kind = LinkKind::kPressurePump;
    pump.pump_lift_Pa = units::BarToPascal(reader.Number("circ_pump_pressure", *row, "plift_bar"));
    pump.pump_flow_pressure_Pa = units::BarToPascal(reader.Number("circ_pump_pressure", *row, "p_flow_bar"));
    pump.pump_flow_temperature_K = reader.Number("circ_pump_pressure", *row, "t_flow_k");
    builder.AddLink({reader.Id("circ_pump_pressure", *row), "circulation_pump", 0.0, false},
                    junction_id("circ_pump_pressure", *row, "return_junction"),
                    junction_id("circ_pump_pressure", *row, "flow_junction"));
    network.links.push_back(pump);
  }
  for (const Json* row : reader.Rows("circ_pump_mass")) {
    Link pump;
    pump.kind = LinkKind::kCirculationPump;
    pump.fixed_mass_flow_kg_per_s = reader.Number("circ_pump_mass", *row, "mdot_flow_kg_per_s");
    pump.pump_flow_pressure_Pa = units::BarToPascal(reader.Number("circ_pump_mass", *row, "p_flow_bar"));
    pump.pump_flow_temperature_K = reader.Number("circ_pump_mass", *row, "t_flow_k");
    builder.AddLink({reader.Id("circ_pump_mass", *row), "circulation_pump", 0.0, false},
                    junction_id("circ_pump_mass", *row, "return_junction"), junction_id("circ_pump_mass", *row, "flow_junction"));
    network.links.push_back(pump);
  }
  network.graph = builder.Build();

  for (const Json* row : reader.Rows("ext_grid")) {
    network.ext_grids.push_back({network.graph.NodeIndexOf(junction_id("ext_grid", *row, "junction")),
                                 units::BarToPascal(reader.Number("ext_grid", *row, "p_bar")),
                                 reader.Number("ext_grid", *row, "t_k")});
  }
  for (const char* table : {"sink", "source"}) {
    const double sign = std::string(table) == "sink" ? 1.0 : -1.0;
    for (const Json* row : reader.Rows(table)) {
      const double flow = reader.Number(table, *row, "mdot_kg_per_s") * row->value("scaling", 1.0);
      network.consumers.push_back({network.graph.NodeIndexOf(junction_id(table, *row, "junction")), sign * flow});
    }
  }
  return network;
}

}  // namespace

HeatingNetwork ReadPandapipesHeatingJson(const std::string& json_text, const std::string& source_name) {
  return FromJson(ParseJson(json_text, source_name), source_name);
}

HeatingNetwork ReadPandapipesHeatingFile(const std::string& path) { return FromJson(ReadJsonFile(path), path); }

}  // namespace lifeline::heating
