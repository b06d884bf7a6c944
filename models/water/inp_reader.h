// Reads an EPANET 2.2 / 2.3 input file (.inp) into a WaterNetwork, in SI.
//
// Sections read into model data: [TITLE] [JUNCTIONS] [RESERVOIRS] [TANKS]
// [PIPES] [PUMPS] [VALVES] [DEMANDS] [PATTERNS] [CURVES] [CONTROLS] [STATUS]
// [OPTIONS] [TIMES] [COORDINATES] [EMITTERS]. Sections kept as text for later
// issues: [RULES] [ENERGY] [REPORT] [TAGS] [LABELS] [BACKDROP] [VERTICES]
// [QUALITY] [SOURCES] [REACTIONS] [MIXING]. Sections may come in any order.
//
// Units follow the file's FLOW UNITS option (CFS GPM MGD IMGD AFD: US
// customary; LPS LPM MLD CMH CMD CMS: SI) and are converted at import
// (inp_units.h). Every malformed line is an Error naming file and line.
#pragma once

#include <string>

#include "models/water/water_network.h"

namespace lifeline::water {

// Reads the file at path; an unreadable file is an Error naming it.
WaterNetwork ReadInpFile(const std::string& path);

// Reads .inp text; source_name is used in error messages (file:line).
WaterNetwork ReadInpText(const std::string& text, const std::string& source_name);

}  // namespace lifeline::water
