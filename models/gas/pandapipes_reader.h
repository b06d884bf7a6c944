// Reads a gas network from pandapipes JSON in its "simple" conversion
// (../shared/data/gas/README.md): tables.junction, pipe, valve, pump, ext_grid,
// sink, source as lists of row objects; fluid (normal density, viscosity,
// compressibility constant or linear in absolute pressure in bar); pump curves
// in pump_std_types; friction_model.
//
// Units converted here and nowhere else: pressures bar gauge -> Pa absolute
// (gauge + ambient pressure at the junction height), length km -> m,
// roughness mm -> m. Junction ids are the pandapipes names (or
// "junction_<index>" where a name is missing or repeated); link ids likewise
// ("pipe_<index>", "valve_<index>", "pump_<index>"). Reference results
// (p_stanet, v_stanet) are kept with their elements. Elements out of service
// are left out. Every problem is an Error naming the file and the element.
#pragma once

#include <string>

#include "models/gas/gas_network.h"

namespace lifeline::gas {

// source_name is the file path used in error messages.
GasNetwork ReadPandapipesJson(const std::string& json_text, const std::string& source_name);

// Reads the file; an unreadable file is an Error naming it.
GasNetwork ReadPandapipesJsonFile(const std::string& path);

}  // namespace lifeline::gas
