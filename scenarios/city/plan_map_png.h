// A plan-view map of the whole city as a PNG: terrain tint, land-use blocks,
// the river, streets, every utility network (each drawn slightly offset from
// the street centreline so that they stay visible side by side), the utility
// tunnel, bridges, sensitive sites and sensors. Lines are rasterized here
// (stamped disks along each segment); libpng writes the file. Colours are
// listed in docs/city.md.
#pragma once

#include <string>
#include <vector>

#include "scenarios/city/sensor_layout.h"

namespace lifeline::city {

// Writes the map with its longer side max_side_px pixels (>= 64); a file that
// cannot be written is an Error naming it.
void WritePlanMapPng(const CitySystems& city, const std::vector<CitySensor>& sensors, int max_side_px,
                     const std::string& path);

}  // namespace lifeline::city
