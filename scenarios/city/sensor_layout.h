// Where the demo city's sensors go, and their JSON file: the sensor registry
// format of engine/live/sensor_registry.h (docs/live-data.md), one entry per
// sensor with the watched element's external id.
//
// Every asset class used is listed (with no overrides of the quantity defaults).
// Sensors sit at the riskiest places of each system:
//   water     pump flow, tank level, every PRV's outlet pressure, the highest
//             junction of every district (lowest pressure), leak-noise
//             loggers at the junction serving every sensitive site;
//   drainage  the rain gauge, the last manhole before every outfall and the
//             lowest manhole of every district (freeboard), methane in the
//             sewer manhole beside every sensitive site (gas migration);
//   gas       gate outlet pressure and flow, every regulator's outlet pressure;
//   heating   plant supply temperature and pressure, every substation's
//             supply and return temperatures;
//   bridge    deflection at every midspan, strain over the first pier,
//             acceleration at the main midspan, displacement at every bearing;
//   tunnel    per section: methane and oxygen in the gas compartment, air
//             temperature in the power and heating compartments, sump level
//             in the water compartment.
#pragma once

#include <string>
#include <vector>

#include "engine/geometry.h"
#include "scenarios/city/bridge_city_writer.h"
#include "scenarios/city/city_layout.h"
#include "scenarios/city/drainage_network.h"
#include "scenarios/city/gas_city_writer.h"
#include "scenarios/city/heating_city_writer.h"
#include "scenarios/city/street_network.h"
#include "scenarios/city/tunnel_city_writer.h"
#include "scenarios/city/water_network.h"

namespace lifeline::city {

struct CitySensor {
  std::string id;                  // "WP-D3", "DM-SCH-1", ...
  std::string system;              // "water", "drainage", "gas", "heating", "bridge", "tunnel"
  std::string element;             // external id of the watched node or link
  std::string asset_class;         // "junction", "sewer_manhole", "bridge_support", ...
  std::string quantity;            // unit in the name: "pressure_Pa", "methane_pct_lel"
  std::string unit;                // "Pa", "%LEL", "m", ...
  Point3 position;                 // m
  double sampling_period_s = 60.0; // s
};

struct CitySystems {
  const CityLayout& layout;
  const Districts& districts;
  const WaterNetwork& water;
  const DrainageNetwork& drainage;
  const GasNetwork& gas;
  const HeatingNetwork& heating;
  const std::vector<CityBridge>& bridges;
  const UtilityTunnel& tunnel;
};

std::vector<CitySensor> PlaceSensors(const CitySystems& city);
void WriteSensorsJson(const std::vector<CitySensor>& sensors, const std::string& path);

}  // namespace lifeline::city
