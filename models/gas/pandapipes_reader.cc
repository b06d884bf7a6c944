// pandapipes JSON ("simple" conversion) -> GasNetwork (see pandapipes_reader.h).
#include "models/gas/pandapipes_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"

namespace lifeline::gas {
namespace {

using Json = nlohmann::json;

// Reads one table's rows; errors name the file, the table and the element.
class TableReader {
 public:
  TableReader(std::string source, std::string table) : source_(std::move(source)), table_(std::move(table)) {}

  Error Fail(const std::string& id, const std::string& message) const {
    return Error::AtElement(kSystem, id, fmt::format("{}: {}: {}", source_, table_, message));
  }

  double Number(const Json& row, const char* key, const std::string& id) const {
    if (!row.contains(key) || !row[key].is_number()) throw Fail(id, fmt::format("'{}' must be a number", key));
    const double value = row[key].get<double>();
    if (!std::isfinite(value)) throw Fail(id, fmt::format("'{}' is not finite", key));
    return value;
  }

  double Positive(const Json& row, const char* key, const std::string& id) const {
    const double value = Number(row, key, id);
    if (!(value > 0.0)) throw Fail(id, fmt::format("'{}' = {} must be positive", key, value));
    return value;
  }

  double NonNegative(const Json& row, const char* key, const std::string& id) const {
    const double value = Number(row, key, id);
    if (value < 0.0) throw Fail(id, fmt::format("'{}' = {} must not be negative", key, value));
    return value;
  }

  std::optional<double> OptionalNumber(const Json& row, const char* key) const {
    if (!row.contains(key) || !row[key].is_number()) return std::nullopt;
    return row[key].get<double>();
  }

  bool InService(const Json& row) const { return row.value("in_service", true); }

 private:
  std::string source_, table_;
};

const Json& Table(const Json& root, const char* name) {
  static const Json kEmpty = Json::array();
  const Json& tables = root.at("tables");
  return tables.contains(name) ? tables[name] : kEmpty;
}

// Names as ids where present and unique within the group, else "<table>_<index>".
std::vector<std::string> ElementIds(const std::vector<std::pair<const Json*, std::string>>& rows) {
  std::map<std::string, int> count;
  for (const auto& [row, table] : rows) {
    if ((*row)["name"].is_string()) ++count[(*row)["name"].get<std::string>()];
  }
  std::vector<std::string> ids;
  for (const auto& [row, table] : rows) {
    const Json& name = (*row)["name"];
    if (name.is_string() && count[name.get<std::string>()] == 1) {
      ids.push_back(name.get<std::string>());
    } else {
      ids.push_back(fmt::format("{}_{}", table, (*row).at("index").get<long>()));
    }
  }
  return ids;
}

GasFluid ReadFluid(const Json& root, const std::string& source) {
  const TableReader reader(source, "fluid");
  if (!root.contains("fluid") || !root["fluid"].contains("properties")) {
    throw Error(fmt::format("{}: no 'fluid' with 'properties'", source));
  }
  const Json& fluid = root["fluid"];
  if (fluid.value("type", std::string("gas")) != "gas") {
    throw Error(fmt::format("{}: fluid '{}' is not a gas", source, fluid.value("name", std::string("?"))));
  }
  const Json& properties = fluid["properties"];
  auto constant = [&](const char* key) {
    if (!properties.contains(key) || properties[key].value("kind", std::string()) != "constant") {
      throw reader.Fail(key, "must be a constant property");
    }
    return reader.Positive(properties[key], "value", key);
  };
  GasFluid gas;
  gas.normal_density_kg_per_m3 = constant("density");
  gas.viscosity_Pa_s = constant("viscosity");
  if (!properties.contains("compressibility")) throw reader.Fail("compressibility", "missing");
  const Json& z = properties["compressibility"];
  const std::string kind = z.value("kind", std::string());
  if (kind == "constant") {
    gas.z_offset = reader.Positive(z, "value", "compressibility");
  } else if (kind == "linear") {
    // Z = offset + slope * p_abs[bar]
    gas.z_offset = reader.Positive(z, "offset", "compressibility");
    gas.z_slope_per_Pa = reader.Number(z, "slope", "compressibility") / units::kPascalPerBar;
  } else {
    throw reader.Fail("compressibility", fmt::format("unknown kind '{}' (constant, linear)", kind));
  }
  return gas;
}

// Pump curves by std_type name.
std::map<std::string, PumpCurve> ReadPumpCurves(const Json& root, const std::string& source) {
  std::map<std::string, PumpCurve> curves;
  if (!root.contains("pump_std_types")) return curves;
  for (const auto& [name, type] : root["pump_std_types"].items()) {
    const char* key = "poly_coefficients_highest_order_first_dp_bar_vs_vdot_m3_per_h";
    if (!type.contains(key) || !type[key].is_array() || type[key].empty()) {
      throw Error::AtElement(kSystem, name, fmt::format("{}: pump_std_types: '{}' must be a non-empty array", source, key));
    }
    curves[name].coefficients_bar_per_m3_per_h = type[key].get<std::vector<double>>();
  }
  return curves;
}

}  // namespace

GasNetwork ReadPandapipesJson(const std::string& json_text, const std::string& source_name) {
  const Json root = ParseJson(json_text, source_name);
  if (!root.contains("tables") || !root["tables"].is_object()) {
    throw Error(fmt::format("{}: no 'tables' object (expected the simple pandapipes conversion)", source_name));
  }

  GasNetwork network;
  network.title = source_name;
  network.fluid = ReadFluid(root, source_name);
  network.friction = FrictionModelFromName(root.value("friction_model", std::string("nikuradse")));

  // junctions, by pandapipes index
  const TableReader junction_reader(source_name, "junction");
  std::vector<std::pair<const Json*, std::string>> junction_rows;
  for (const Json& row : Table(root, "junction")) junction_rows.emplace_back(&row, "junction");
  const std::vector<std::string> junction_ids = ElementIds(junction_rows);
  std::map<long, NodeIndex> node_of_index;
  std::map<long, std::pair<double, double>> geodata;
  for (const Json& row : Table(root, "junction_geodata")) {
    geodata[row.at("index").get<long>()] = {row.value("x", 0.0), row.value("y", 0.0)};
  }
  NetworkGraphBuilder builder(kSystem);
  for (size_t k = 0; k < junction_rows.size(); ++k) {
    const Json& row = *junction_rows[k].first;
    const std::string& id = junction_ids[k];
    if (!junction_reader.InService(row)) throw junction_reader.Fail(id, "junctions out of service are not supported");
    Junction junction;
    junction.height_m = junction_reader.Number(row, "height_m", id);
    junction.temperature_K = junction_reader.Positive(row, "tfluid_k", id);
    if (const auto p = junction_reader.OptionalNumber(row, "p_stanet")) {
      junction.reference_gauge_pressure_Pa = units::BarToPascal(*p);
    }
    const long index = row.at("index").get<long>();
    const auto [x, y] = geodata.contains(index) ? geodata[index] : std::pair{0.0, 0.0};
    node_of_index[index] = builder.AddNode({id, "junction", Point3{x, y, junction.height_m}});
    network.junctions.push_back(junction);
  }
  auto node_at = [&](const TableReader& reader, const Json& row, const char* key, const std::string& id) {
    const long index = static_cast<long>(reader.Number(row, key, id));
    const auto it = node_of_index.find(index);
    if (it == node_of_index.end()) throw reader.Fail(id, fmt::format("'{}' = {} is not a junction", key, index));
    return it->second;
  };

  // links: pipes, valves, pumps share one id space
  std::vector<std::pair<const Json*, std::string>> link_rows;
  for (const char* table : {"pipe", "valve", "pump"}) {
    for (const Json& row : Table(root, table)) link_rows.emplace_back(&row, table);
  }
  const std::vector<std::string> link_ids = ElementIds(link_rows);
  const std::map<std::string, PumpCurve> curves = ReadPumpCurves(root, source_name);
  for (size_t k = 0; k < link_rows.size(); ++k) {
    const auto& [row_pointer, table] = link_rows[k];
    const Json& row = *row_pointer;
    const std::string& id = link_ids[k];
    const TableReader reader(source_name, table);
    if (!reader.InService(row)) continue;
    Link link;
    LinkProperties properties{id, table, 0.0, false};
    if (table == "pipe") {
      link.kind = LinkKind::kPipe;
      properties.length_m = 1000.0 * reader.Positive(row, "length_km", id);
      link.diameter_m = reader.Positive(row, "diameter_m", id);
      link.roughness_m = units::MillimetresToMetres(reader.NonNegative(row, "k_mm", id));
      link.loss_coefficient = reader.NonNegative(row, "loss_coefficient", id);
      if (const auto sections = reader.OptionalNumber(row, "sections"); sections && *sections != 1.0) {
        throw reader.Fail(id, fmt::format("{} sections: only 1 section per pipe is supported", *sections));
      }
    } else if (table == "valve") {
      link.kind = LinkKind::kValve;
      link.diameter_m = reader.Positive(row, "diameter_m", id);
      link.loss_coefficient = reader.NonNegative(row, "loss_coefficient", id);
      if (!row.contains("opened") || !row["opened"].is_boolean()) throw reader.Fail(id, "'opened' must be true or false");
      link.open = row["opened"].get<bool>();
      properties.is_isolation_valve = true;
    } else {
      link.kind = LinkKind::kPump;
      const std::string type = row.value("std_type", std::string());
      const auto curve = curves.find(type);
      if (curve == curves.end()) throw reader.Fail(id, fmt::format("unknown pump std_type '{}'", type));
      link.pump = curve->second;
    }
    link.reference_velocity_m_per_s = reader.OptionalNumber(row, "v_stanet");
    const NodeIndex from = node_at(reader, row, "from_junction", id);
    const NodeIndex to = node_at(reader, row, "to_junction", id);
    builder.AddLink(std::move(properties), junction_ids[static_cast<size_t>(from)], junction_ids[static_cast<size_t>(to)]);
    network.links.push_back(link);
  }

  // external grids: fixed gauge pressure -> absolute
  const TableReader grid_reader(source_name, "ext_grid");
  for (const Json& row : Table(root, "ext_grid")) {
    const std::string id = fmt::format("ext_grid_{}", row.at("index").get<long>());
    if (!grid_reader.InService(row)) continue;
    const std::string type = row.value("type", std::string("pt"));
    if (type != "pt" && type != "p") throw grid_reader.Fail(id, fmt::format("type '{}' is not supported (pt, p)", type));
    Junction& junction = network.junctions[static_cast<size_t>(node_at(grid_reader, row, "junction", id))];
    junction.fixed_pressure_Pa = units::BarToPascal(grid_reader.Number(row, "p_bar", id)) + AmbientPressure_Pa(junction.height_m);
  }
  // sinks and sources: fixed mass flows times their scaling
  for (const auto& [table, sign] : {std::pair{"sink", 1.0}, std::pair{"source", -1.0}}) {
    const TableReader reader(source_name, table);
    for (const Json& row : Table(root, table)) {
      const std::string id = fmt::format("{}_{}", table, row.at("index").get<long>());
      if (!reader.InService(row)) continue;
      const double mass_flow = reader.Number(row, "mdot_kg_per_s", id) * row.value("scaling", 1.0);
      network.junctions[static_cast<size_t>(node_at(reader, row, "junction", id))].sink_kg_per_s += sign * mass_flow;
    }
  }
  network.graph = builder.Build();
  return network;
}

GasNetwork ReadPandapipesJsonFile(const std::string& path) {
  return ReadPandapipesJson(ReadTextFile(path), path);
}

}  // namespace lifeline::gas
