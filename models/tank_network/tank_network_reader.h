// Reads a tank network from its JSON description (format in docs/models/tank_network.md).
// Every problem is an Error naming the source and the element or key at fault.
#pragma once

#include <string>

#include "models/tank_network/tank_network.h"

namespace lifeline::tank_network {

// source_name is the file path (or "<built-in>") used in error messages.
TankNetwork ReadTankNetworkJson(const std::string& json_text, const std::string& source_name);

// The embedded default network of the main job (data/tank_network.json).
const std::string& BuiltinTankNetworkJson();

}  // namespace lifeline::tank_network
