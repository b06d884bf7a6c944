// Reads a bridge from its JSON description (format in docs/models/bridge.md).
// Every problem is an Error naming the file and the element or key at fault;
// a JSON syntax error names the file and line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/bridge/bridge_indicators.h"
#include "models/bridge/girder.h"
#include "models/bridge/moving_load.h"
#include "models/bridge/static_analysis.h"

namespace lifeline::bridge {

struct BridgeInput {
  Girder girder;
  StaticLoads static_loads;
  int mode_count = 6;
  double deflection_limit_span_ratio = 600.0;  // from "material", or given
  std::optional<Vehicle> vehicle;
  std::vector<double> axle_masses_kg;  // the vehicle's, for the weight check
  double legal_gross_mass_kg = kDefaultLegalGrossMass_kg;
  CrossingOptions crossing;
  double damping_ratio = 0.0;  // Rayleigh at the first two bending modes
};

// source_name is the file path used in error messages.
BridgeInput ReadBridgeJson(const std::string& json_text, const std::string& source_name);
// Reads the file; an unreadable file is an Error naming it.
BridgeInput ReadBridgeFile(const std::string& path);

}  // namespace lifeline::bridge
