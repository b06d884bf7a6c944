// The city manifest (city.json): the one file every other command opens. It
// names the seed and size the city was generated from, the coordinate frame,
// every file of the city (relative to the manifest), the burial depths used,
// and element counts and lengths per system. Format in docs/city.md.
#pragma once

#include <string>
#include <vector>

#include "scenarios/city/city_model.h"

namespace lifeline::city {

// File names of a generated city, relative to its folder.
struct CityFileNames {
  std::string manifest = "city.json";
  std::string layout = "layout.json";
  std::string water = "water.inp";
  std::string drainage = "drainage.inp";
  std::string gas = "gas.json";
  std::string heating = "heating.json";
  std::string tunnel = "tunnel.json";
  std::string sensors = "sensors.json";
  std::string map = "map.png";
  int map_side_px = 0;               // the map's side, px
  std::vector<std::string> bridges;  // "bridges/B1.json", ...
};

void WriteCityManifest(const CityModel& model, const CityFileNames& files, const std::string& path);

}  // namespace lifeline::city
