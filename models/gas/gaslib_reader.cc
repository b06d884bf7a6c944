// GasLib .net + .scn -> GasNetwork (see gaslib_reader.h).
#include "models/gas/gaslib_reader.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"
#include "models/gas/gaslib_xml.h"

namespace lifeline::gas {
namespace {

constexpr double kGasLibViscosity_Pa_s = 1.1e-5;

// Reads <child value=".." unit=".."/> of an element, converted to SI; errors name the file, line and element.
class Quantities {
 public:
  explicit Quantities(std::string source) : source_(std::move(source)) {}

  Error Fail(const XmlElement& element, const std::string& message) const {
    const auto id = element.attributes.find("id");
    return Error::AtLine(source_, element.line,
                         fmt::format("<{}{}>: {}", element.local_name(),
                                     id == element.attributes.end() ? std::string() : " id=\"" + id->second + "\"", message));
  }

  std::string Attribute(const XmlElement& element, const char* key) const {
    const auto it = element.attributes.find(key);
    if (it == element.attributes.end()) throw Fail(element, fmt::format("no '{}' attribute", key));
    return it->second;
  }

  double Value(const XmlElement& element, const char* key = "value") const {
    const std::string text = Attribute(element, key);
    const std::optional<double> value = ParseNumber(text);
    if (!value) throw Fail(element, fmt::format("'{}' = '{}' is not a number", key, text));
    return *value;
  }

  // <name value unit/> as SI: m, Pa, K, kg/m3, normal m3/s
  double Si(const XmlElement& parent, std::string_view name) const {
    const XmlElement* child = parent.Child(name);
    if (!child) throw Fail(parent, fmt::format("no <{}>", name));
    const double value = Value(*child);
    const auto unit_it = child->attributes.find("unit");
    const std::string unit = unit_it == child->attributes.end() ? "" : unit_it->second;
    if (unit == "m" || unit == "kg_per_m_cube" || unit == "") return value;
    if (unit == "km") return 1000.0 * value;
    if (unit == "mm") return units::MillimetresToMetres(value);
    if (unit == "bar") return units::BarToPascal(value);
    if (unit == "Celsius") return units::CelsiusToKelvin(value);
    if (unit == "K") return value;
    if (unit == "1000m_cube_per_hour") return units::CubicMetresPerHourToCubicMetresPerSecond(1000.0 * value);
    throw Fail(*child, fmt::format("unknown unit '{}'", unit));
  }

 private:
  std::string source_;
};

}  // namespace

GasLibInstance ReadGasLib(const std::string& net_path, const std::string& scn_path, const GasLibOptions& options) {
  const XmlElement net = ParseXml(ReadTextFile(net_path), net_path);
  const XmlElement scn = ParseXml(ReadTextFile(scn_path), scn_path);
  const Quantities q(net_path), qs(scn_path);
  const XmlElement* nodes = net.Child("nodes");
  const XmlElement* connections = net.Child("connections");
  if (!nodes || !connections) throw q.Fail(net, "needs <framework:nodes> and <framework:connections>");

  GasLibInstance instance;
  GasNetwork& network = instance.network;
  network.title = net_path;
  network.friction = FrictionModel::kNikuradse;
  network.fluid.viscosity_Pa_s = kGasLibViscosity_Pa_s;

  // the gas and temperature of the sources
  double density_sum = 0.0, temperature_sum = 0.0;
  int sources = 0;
  for (const XmlElement& node : nodes->children) {
    if (node.local_name() != "source") continue;
    density_sum += q.Si(node, "normDensity");
    temperature_sum += q.Si(node, "gasTemperature");
    ++sources;
  }
  if (sources == 0) throw q.Fail(*nodes, "no <source>");
  network.fluid.normal_density_kg_per_m3 = density_sum / sources;
  const double temperature_K = temperature_sum / sources;

  NetworkGraphBuilder builder(kSystem);
  std::map<std::string, double> pressure_max_Pa;
  for (const XmlElement& node : nodes->children) {
    const std::string_view kind = node.local_name();
    if (kind != "source" && kind != "sink" && kind != "innode") throw q.Fail(node, "unknown node element");
    const std::string id = q.Attribute(node, "id");
    Junction junction;
    junction.height_m = q.Si(node, "height");
    junction.temperature_K = temperature_K;
    if (kind == "source") pressure_max_Pa[id] = q.Si(node, "pressureMax");
    const double x = node.attributes.contains("x") ? q.Value(node, "x") : 0.0;
    const double y = node.attributes.contains("y") ? q.Value(node, "y") : 0.0;
    builder.AddNode({id, std::string(kind), Point3{x, y, junction.height_m}});
    network.junctions.push_back(junction);
  }

  for (const XmlElement& element : connections->children) {
    const std::string_view kind = element.local_name();
    const std::string id = q.Attribute(element, "id");
    Link link;
    LinkProperties properties{id, std::string(kind), 0.0, false};
    if (kind == "pipe") {
      properties.length_m = q.Si(element, "length");
      link.diameter_m = q.Si(element, "diameter");
      link.roughness_m = q.Si(element, "roughness");
    } else if (kind == "shortPipe" || kind == "valve") {
      link.kind = LinkKind::kValve;
      link.diameter_m = 1.0;  // no loss: the area does not enter
      properties.is_isolation_valve = kind == "valve";
    } else if (kind == "resistor") {
      link.kind = LinkKind::kValve;
      link.diameter_m = q.Si(element, "diameter");
      const XmlElement* drag = element.Child("dragFactor");
      if (!drag) throw q.Fail(element, "no <dragFactor>");
      link.loss_coefficient = q.Value(*drag);
    } else if (kind == "controlValve") {
      // fully open: a pressure drop of 0, allowed when its smallest differential is 0
      if (q.Si(element, "pressureDifferentialMin") != 0.0) {
        throw q.Fail(element, "a control valve with a minimum pressure differential is not supported yet");
      }
      link.kind = LinkKind::kValve;
      link.diameter_m = 1.0;
    } else if (kind == "compressorStation") {
      link.kind = LinkKind::kCompressor;
      link.compression_ratio = options.compression_ratio;
    } else {
      throw q.Fail(element, "this element is not supported yet");
    }
    if (link.kind == LinkKind::kPipe && !(properties.length_m > 0.0 && link.diameter_m > 0.0)) {
      throw q.Fail(element, "length and diameter must be positive");
    }
    try {
      builder.AddLink(std::move(properties), q.Attribute(element, "from"), q.Attribute(element, "to"));
    } catch (const Error& e) {
      throw q.Fail(element, e.message());
    }
    network.links.push_back(link);
  }
  network.graph = builder.Build();

  // the nomination: fixed flows; the slack entry balances
  const XmlElement* scenario = scn.Child("scenario");
  if (!scenario) throw qs.Fail(scn, "no <scenario>");
  std::map<std::string, double> entry_kg_per_s;
  for (const XmlElement& node : scenario->children) {
    if (node.local_name() != "node") continue;
    const std::string id = qs.Attribute(node, "id"), type = qs.Attribute(node, "type");
    double lower = 0.0, upper = -1.0;
    for (const XmlElement& flow : node.children) {
      if (flow.local_name() != "flow") continue;
      const double value_m3_per_s = units::CubicMetresPerHourToCubicMetresPerSecond(1000.0 * qs.Value(flow));
      (qs.Attribute(flow, "bound") == "lower" ? lower : upper) = value_m3_per_s;
    }
    if (lower != upper) throw qs.Fail(node, "the flow must be nominated (lower = upper bound)");
    const auto n = network.graph.FindNode(id);
    if (!n) throw qs.Fail(node, "no such node in the network");
    const double mass_flow = lower * network.fluid.normal_density_kg_per_m3;
    if (type == "entry") {
      entry_kg_per_s[id] = mass_flow;
      network.junctions[*n].sink_kg_per_s -= mass_flow;
    } else if (type == "exit") {
      network.junctions[*n].sink_kg_per_s += mass_flow;
      instance.total_exit_kg_per_s += mass_flow;
    } else {
      throw qs.Fail(node, fmt::format("unknown type '{}' (entry, exit)", type));
    }
  }
  if (entry_kg_per_s.empty()) throw qs.Fail(*scenario, "no entry is nominated");
  instance.slack_entry = options.slack_entry;
  if (instance.slack_entry.empty()) {
    for (const auto& [id, flow] : entry_kg_per_s) {
      if (instance.slack_entry.empty() || flow > entry_kg_per_s[instance.slack_entry]) instance.slack_entry = id;
    }
  }
  if (!entry_kg_per_s.contains(instance.slack_entry) || !pressure_max_Pa.contains(instance.slack_entry)) {
    throw Error(fmt::format("{}: slack '{}' is not a nominated source", scn_path, instance.slack_entry));
  }
  Junction& slack = network.junctions[network.graph.NodeIndexOf(instance.slack_entry)];
  instance.slack_nominated_kg_per_s = entry_kg_per_s[instance.slack_entry];
  slack.sink_kg_per_s = 0.0;
  slack.fixed_pressure_Pa = pressure_max_Pa[instance.slack_entry];
  return instance;
}

}  // namespace lifeline::gas
