// Reads a heating network from pandapipes JSON in its "simple" conversion
// (../shared/data/heating/README.md): tables junction, pipe, valve,
// heat_exchanger, circ_pump_mass, circ_pump_pressure, ext_grid, sink, source as
// lists of row objects; a liquid
// fluid with constant density, viscosity and heat capacity; friction_model.
//
// Converted here and nowhere else: bar -> Pa, km -> m, mm -> m. Element ids
// are the pandapipes names, or "<table>_<index>" where a name is missing or
// repeated. Elements out of service are left out. Reference results (p_om,
// v_om, T_om) are kept with their elements. Problems are Errors naming the
// file and the element.
#pragma once

#include <string>

#include "models/heating/heating_network.h"

namespace lifeline::heating {

HeatingNetwork ReadPandapipesHeatingJson(const std::string& json_text, const std::string& source_name);

// Reads the file; an unreadable file is an Error naming it.
HeatingNetwork ReadPandapipesHeatingFile(const std::string& path);

}  // namespace lifeline::heating
