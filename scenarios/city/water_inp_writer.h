// Writes the city's water network as an EPANET 2.2 input file (.inp).
//
// Only syntax EPANET 2.2 accepts, in its standard section order: [TITLE]
// [JUNCTIONS] [RESERVOIRS] [TANKS] [PIPES] [PUMPS] [VALVES] [PATTERNS] [CURVES]
// [TIMES] [REPORT] [OPTIONS] [COORDINATES] [END]. Units LPS (flows L/s,
// lengths m, diameters mm, heads m), Hazen-Williams headloss, 24 h duration
// with hourly steps. Isolation valves are TCVs with loss coefficient 0 (open);
// PRV settings are downstream pressure heads in m. The pump has a one-point
// curve at its design flow and head. Junction elevations are the pipe
// centrelines (so computed pressures are at the pipe).
#pragma once

#include <string>

#include "scenarios/city/water_network.h"

namespace lifeline::city {

void WriteWaterInp(const WaterNetwork& water, const std::string& title, const std::string& path);

}  // namespace lifeline::city
