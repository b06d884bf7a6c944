// Reads the demo city's gas network (format "lifeline-city-gas", docs/city.md):
// a city gate, medium-pressure pipes, district regulators and low-pressure mains.
//
// What the file does not say, assumed here (verify against the operator's data):
//   gas: natural gas as methane, rho_n = 0.7174 kg/m3, eta = 1.1e-5 Pa s, Z = 1
//        (distribution pressures <= 0.8 MPa); temperature 283.15 K (ground);
//   friction: Prandtl-Colebrook; roughness steel 0.05 mm, PE 0.007 mm;
//   city gate: holds the design pressure of the nodes it feeds (its outlet);
//   regulator: holds the design pressure of its outlet node; it locks out when
//              its inlet falls below that set-point + kRegulatorLockoutMargin_Pa;
//   loads: design_load_Nm3_per_s * rho_n taken out at each node.
// Heights are the pipe centreline (z_m). Every problem is an Error naming the
// file and the element.
#pragma once

#include <string>

#include "models/gas/gas_network.h"

namespace lifeline::gas {

inline constexpr double kCityGasNormalDensity_kg_per_m3 = 0.7174;
inline constexpr double kCityGasViscosity_Pa_s = 1.1e-5;
inline constexpr double kCityGasTemperature_K = 283.15;
inline constexpr double kSteelRoughness_m = 0.05e-3;
inline constexpr double kPolyethyleneRoughness_m = 0.007e-3;
inline constexpr double kRegulatorLockoutMargin_Pa = 10e3;

// source_name is the file path used in error messages.
GasNetwork ReadCityGasJson(const std::string& json_text, const std::string& source_name);

// Reads a gas network file of either supported format, chosen by its content:
// "format": "lifeline-city-gas" (the demo city) or a "tables" object (pandapipes).
GasNetwork ReadGasNetworkFile(const std::string& path);

}  // namespace lifeline::gas
