// Reads a GasLib instance (network .net + nomination .scn, gaslib.zib.de XML)
// into a GasNetwork for a steady simulation.
//
// Elements: source / sink / innode (height), pipe (length, diameter,
// roughness), shortPipe and valve (open, no loss), resistor (loss coefficient
// = dragFactor on its diameter), compressorStation (a fixed compression ratio,
// GasLibOptions; 1 = bypass), controlValve (fully open, no loss; one whose
// pressureDifferentialMin is above 0 is refused). Any other element is an
// Error naming it. Units as the files give them (m, km, mm, bar, Celsius,
// 1000 m3/h at normal conditions) are converted to SI here.
//
// The nomination fixes every entry's and exit's flow (lower = upper bound).
// A simulation needs one pressure: the slack entry (by default the entry with
// the largest nomination) is held at its pressureMax and takes whatever flow
// balances the network; its nomination is kept as a reference
// (GasLibInstance::slack_nominated_kg_per_s).
// Assumed (verify): the gas of the sources (mean normDensity, mean
// gasTemperature, isothermal), viscosity 1.1e-5 Pa s, Z = 1 (GasLib's Papay/AGA
// compressibility is not modelled), Nikuradse friction.
#pragma once

#include <string>

#include "models/gas/gas_network.h"

namespace lifeline::gas {

struct GasLibOptions {
  double compression_ratio = 1.0;  // every compressor station's p_out / p_in
  std::string slack_entry;         // held at its pressureMax; "" = the largest nominated entry
};

struct GasLibInstance {
  GasNetwork network;
  std::string slack_entry;                 // the entry held at a fixed pressure
  double slack_nominated_kg_per_s = 0.0;   // its nominated inflow
  double total_exit_kg_per_s = 0.0;        // sum of the exits' nominations
};

GasLibInstance ReadGasLib(const std::string& net_path, const std::string& scn_path, const GasLibOptions& options = {});

}  // namespace lifeline::gas
