// The whole demo city in memory: the layout and every system designed on it.
// GenerateCityModel is deterministic: one std::mt19937_64 seeded with
// options.seed drives every random choice (only the layout draws from it),
// and every container is iterated in a fixed order.
#pragma once

#include <vector>

#include "scenarios/city/bridge_city_writer.h"
#include "scenarios/city/city_layout.h"
#include "scenarios/city/city_options.h"
#include "scenarios/city/drainage_network.h"
#include "scenarios/city/gas_city_writer.h"
#include "scenarios/city/heating_city_writer.h"
#include "scenarios/city/sensor_layout.h"
#include "scenarios/city/street_network.h"
#include "scenarios/city/tunnel_city_writer.h"
#include "scenarios/city/water_network.h"

namespace lifeline::city {

struct CityModel {
  CityOptions options;
  CityLayout layout;
  Districts districts;
  WaterNetwork water;
  DrainageNetwork drainage;
  GasNetwork gas;
  HeatingNetwork heating;
  std::vector<CityBridge> bridges;
  UtilityTunnel tunnel;
  std::vector<CitySensor> sensors;

  CitySystems Systems() const {
    return {layout, districts, water, drainage, gas, heating, bridges, tunnel};
  }
};

CityModel GenerateCityModel(const CityOptions& options);

}  // namespace lifeline::city
