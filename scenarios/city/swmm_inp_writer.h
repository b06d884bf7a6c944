// Writes the city's storm sewers as a SWMM 5.2 input file (.inp).
//
// Only syntax SWMM 5.2 accepts, sections in the usual order: [TITLE]
// [OPTIONS] [EVAPORATION] [RAINGAGES] [SUBCATCHMENTS] [SUBAREAS]
// [INFILTRATION] [JUNCTIONS] [OUTFALLS] [CONDUITS] [XSECTIONS] [TIMESERIES]
// [REPORT] [MAP] [COORDINATES] [Polygons] [SYMBOLS]. Flow units CMS (areas
// in ha, lengths m, rainfall mm/h), dynamic-wave routing, link offsets as
// depths, Horton infiltration, a 6 h simulation of the 2 h design storm.
// Junction elevations are inverts; MaxDepth reaches the rim.
#pragma once

#include <string>

#include "scenarios/city/city_layout.h"
#include "scenarios/city/drainage_network.h"

namespace lifeline::city {

inline constexpr const char* kRainGaugeId = "RG1";
inline constexpr const char* kDesignStormId = "DS-P3";

void WriteSwmmInp(const DrainageNetwork& drainage, const CityLayout& layout, const std::string& title,
                  const std::string& path);

}  // namespace lifeline::city
