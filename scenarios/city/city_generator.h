// `lifeline city generate`: generates the demo city for a seed and size and
// writes all its files into one folder (the manifest city.json names them).
// The same options always give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "scenarios/city/city_options.h"

namespace lifeline::city {

struct GenerateOptions {
  CityOptions city;
  std::string out_dir;        // created when missing
  int map_side_px = 1600;     // the plan-view map's side, px
};

struct GenerateReport {
  std::string manifest_path;
  std::vector<std::string> lines;  // a short human-readable summary
};

GenerateReport GenerateCity(const GenerateOptions& options);

}  // namespace lifeline::city
