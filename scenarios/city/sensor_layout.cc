// Places the demo city's sensors and writes the registry file (see sensor_layout.h).
#include "scenarios/city/sensor_layout.h"

#include <fmt/format.h>

#include <set>

#include "scenarios/city/json_lines.h"
#include "scenarios/city/swmm_inp_writer.h"

namespace lifeline::city {
namespace {

class SensorList {
 public:
  void Add(std::string id, const char* system, std::string element, const char* asset_class, const char* quantity,
           const char* unit, const Point3& position, double sampling_period_s) {
    sensors.push_back({std::move(id), system, std::move(element), asset_class, quantity, unit, position,
                       sampling_period_s});
  }
  std::vector<CitySensor> sensors;
};

void PlaceWaterSensors(const CitySystems& city, SensorList& list) {
  const WaterNetwork& water = city.water;
  const WaterLink& pump = water.links[water.pump_link];
  list.Add("WQ-PU1", "water", pump.id, "pump", "flow_m3_per_s", "m3/s", water.nodes[pump.to].position, 60.0);
  list.Add("WL-T1", "water", water.nodes[water.tank.node].id, "tank", "level_m", "m",
           water.nodes[water.tank.node].position, 60.0);
  for (const WaterLink& link : water.links) {
    if (link.kind != WaterLinkKind::kPressureReducingValve) continue;
    list.Add("WP-" + link.id, "water", link.id, "prv", "pressure_Pa", "Pa", water.nodes[link.to].position, 60.0);
  }
  for (const District& district : city.districts.districts) {
    int highest = district.order.front();
    for (const int node : district.order) {
      if (city.layout.intersections[node].z_m > city.layout.intersections[highest].z_m) highest = node;
    }
    const WaterNode& junction = water.nodes[water.node_of_intersection[highest]];
    list.Add("WP-" + district.id, "water", junction.id, "junction", "pressure_Pa", "Pa", junction.position, 60.0);
  }
  for (const SensitiveSite& site : city.layout.sites) {
    const WaterNode& junction = water.nodes[water.node_of_intersection[site.node]];
    list.Add("WN-" + site.id, "water", junction.id, "junction", "leak_noise_dB", "dB", junction.position, 3600.0);
  }
}

void PlaceDrainageSensors(const CitySystems& city, SensorList& list) {
  const DrainageNetwork& drainage = city.drainage;
  Point3 centre{0.5 * city.layout.extent_m(), 0.5 * city.layout.extent_m(), 0.0};
  centre.z_m = city.layout.terrain.Elevation_m(centre.x_m, centre.y_m);
  list.Add("DR-RG1", "drainage", kRainGaugeId, "rain_gauge", "rainfall_mm_per_h", "mm/h", centre, 60.0);
  for (const SewerConduit& conduit : drainage.conduits) {
    if (!drainage.manholes[conduit.to].is_outfall) continue;
    const Manhole& manhole = drainage.manholes[conduit.from];
    list.Add("DF-" + drainage.manholes[conduit.to].id, "drainage", manhole.id, "sewer_manhole", "freeboard_m", "m",
             manhole.position, 60.0);
  }
  for (const District& district : city.districts.districts) {
    int lowest = district.order.front();
    for (const int node : district.order) {
      if (city.layout.intersections[node].z_m < city.layout.intersections[lowest].z_m) lowest = node;
    }
    const Manhole& manhole = drainage.manholes[lowest];  // intersection manholes come first, in intersection order
    list.Add("DF-" + district.id, "drainage", manhole.id, "sewer_manhole", "freeboard_m", "m", manhole.position, 60.0);
  }
  for (const SensitiveSite& site : city.layout.sites) {
    const Manhole& manhole = drainage.manholes[site.node];
    list.Add("DM-" + site.id, "drainage", manhole.id, "sewer_manhole", "methane_pct_lel", "%LEL", manhole.position, 30.0);
  }
}

void PlaceGasSensors(const CitySystems& city, SensorList& list) {
  const GasNetwork& gas = city.gas;
  const GasNode& gate = gas.nodes[gas.gate_node];
  list.Add("GP-GG1", "gas", gate.id, "city_gate", "pressure_Pa", "Pa", gate.position, 10.0);
  for (const GasLink& link : gas.links) {
    if (link.kind == "regulator") {
      const GasNode& outlet = gas.nodes[link.to];
      list.Add("GP-" + outlet.id, "gas", outlet.id, "regulator_outlet", "pressure_Pa", "Pa", outlet.position, 10.0);
    } else if (link.from == gas.gate_node) {
      list.Add("GQ-" + link.id, "gas", link.id, "gas_pipe", "flow_Nm3_per_s", "Nm3/s", gate.position, 10.0);
    }
  }
}

void PlaceHeatingSensors(const CitySystems& city, SensorList& list) {
  const HeatingNetwork& heating = city.heating;
  const HeatingNode& plant = heating.nodes[heating.plant_node];
  list.Add("HT-HP1", "heating", plant.id, "plant", "supply_temperature_C", "degC", plant.position, 60.0);
  list.Add("HP-HP1", "heating", plant.id, "plant", "pressure_Pa", "Pa", plant.position, 60.0);
  for (const HeatingNode& node : heating.nodes) {
    if (node.kind != "substation") continue;
    list.Add("HTS-" + node.id, "heating", node.id, "substation", "supply_temperature_C", "degC", node.position, 60.0);
    list.Add("HTR-" + node.id, "heating", node.id, "substation", "return_temperature_C", "degC", node.position, 60.0);
  }
}

void PlaceBridgeSensors(const CitySystems& city, SensorList& list) {
  for (const CityBridge& bridge : city.bridges) {
    for (const BridgeMeasuringPoint& point : bridge.measuring_points) {
      const bool strain = point.fibre_below_axis_m < 0.0;
      list.Add((strain ? "BS-" : "BD-") + point.id, "bridge", point.id, "bridge_span",
               strain ? "strain_microstrain" : "deflection_m", strain ? "ue" : "m", point.position, 0.01);
    }
    const BridgeMeasuringPoint& main_mid = bridge.measuring_points[bridge.is_continuous ? 1 : 0];
    list.Add("BA-" + main_mid.id, "bridge", main_mid.id, "bridge_span", "acceleration_m_per_s2", "m/s2",
             main_mid.position, 0.005);
    for (const BridgeSupportPlace& support : bridge.supports) {
      list.Add("BB-" + support.id, "bridge", support.id, "bridge_support", "support_displacement_m", "m",
               support.position, 1.0);
    }
  }
}

void PlaceTunnelSensors(const CitySystems& city, SensorList& list) {
  const UtilityTunnel& tunnel = city.tunnel;
  for (const TunnelSection& section : tunnel.sections) {
    const Point3 middle{0.5 * (section.intake.x_m + section.exhaust.x_m), 0.5 * (section.intake.y_m + section.exhaust.y_m),
                        0.5 * (section.intake.z_m + section.exhaust.z_m)};
    for (const TunnelCompartment& compartment : tunnel.compartments) {
      const std::string element = tunnel.CompartmentSectionId(section, compartment);
      if (compartment.utility == "gas") {
        list.Add("TM-" + element, "tunnel", element, "tunnel_gas_compartment", "methane_pct_lel", "%LEL", middle, 10.0);
        list.Add("TO-" + element, "tunnel", element, "tunnel_gas_compartment", "oxygen_pct_vol", "%vol", middle, 60.0);
      } else if (compartment.utility == "water") {
        list.Add("TL-" + element, "tunnel", element, "tunnel_sump", "level_m", "m", section.intake, 60.0);
      } else {
        list.Add("TT-" + element, "tunnel", element, "tunnel_compartment", "air_temperature_C", "degC", middle, 60.0);
      }
    }
  }
}

}  // namespace

std::vector<CitySensor> PlaceSensors(const CitySystems& city) {
  SensorList list;
  PlaceWaterSensors(city, list);
  PlaceDrainageSensors(city, list);
  PlaceGasSensors(city, list);
  PlaceHeatingSensors(city, list);
  PlaceBridgeSensors(city, list);
  PlaceTunnelSensors(city, list);
  return std::move(list.sensors);
}

void WriteSensorsJson(const std::vector<CitySensor>& sensors, const std::string& path) {
  TextFileWriter out(path);
  out.Print("{{\n  \"format\": \"lifeline-sensors\",\n  \"version\": 1,\n");
  // Every asset class used, with no overrides: the quantity defaults apply until an operator sets them.
  std::set<std::string> classes;
  for (const CitySensor& s : sensors) classes.insert(s.asset_class);
  OrderedJson asset_classes = OrderedJson::object();
  for (const std::string& name : classes) asset_classes[name] = OrderedJson::object();
  out.Print("  \"asset_classes\": {},\n", asset_classes.dump());
  WriteJsonArray(out, "sensors", sensors.size(), [&](size_t k) {
    const CitySensor& s = sensors[k];
    return OrderedJson{{"id", s.id},
                       {"system", s.system},
                       {"element", s.element},
                       {"asset_class", s.asset_class},
                       {"quantity", s.quantity},
                       {"unit", s.unit},
                       {"x_m", Rounded(s.position.x_m, 2)},
                       {"y_m", Rounded(s.position.y_m, 2)},
                       {"z_m", Rounded(s.position.z_m, 3)},
                       {"sampling_period_s", s.sampling_period_s}};
  }, true);
  out.Print("}}\n");
  out.Close();
}

}  // namespace lifeline::city
