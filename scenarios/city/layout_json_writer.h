// Writes the city layout as JSON (format in docs/city.md): the terrain
// function and its coefficients, the river, the street graph (intersections,
// streets, segments), the land-use blocks and the sensitive sites.
#pragma once

#include <string>

#include "scenarios/city/city_layout.h"

namespace lifeline::city {

void WriteLayoutJson(const CityLayout& layout, const std::string& path);

}  // namespace lifeline::city
