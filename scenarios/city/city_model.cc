// Generates the whole demo city in memory (see city_model.h).
#include "scenarios/city/city_model.h"

#include <random>

namespace lifeline::city {

CityModel GenerateCityModel(const CityOptions& options) {
  CityModel model;
  model.options = options;
  std::mt19937_64 rng(options.seed);
  model.layout = GenerateCityLayout(options, rng);
  model.districts = FindDistricts(model.layout);
  model.water = DesignWaterNetwork(model.layout, model.districts, options.burial);
  model.drainage = DesignDrainageNetwork(model.layout, options.burial);
  model.gas = DesignGasNetwork(model.layout, model.districts, options.burial);
  model.heating = DesignHeatingNetwork(model.layout, model.districts, options.burial);
  model.bridges = DesignBridges(model.layout);
  model.tunnel = DesignUtilityTunnel(model.layout, options.burial);
  model.sensors = PlaceSensors(model.Systems());
  return model;
}

}  // namespace lifeline::city
