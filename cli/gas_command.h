// `lifeline gas ...`: gas network commands (models/gas, docs/models/gas.md).
//
//   lifeline gas simulate NET.json|NET.net --csv DIR [--h5 FILE] [--scenario NET.scn]
//                         [--leak PIPE:OFFSET_M:HOLE_DIAMETER_M [--cd CD]
//                          [--space ID:VOLUME_M3:ACH:DISTANCE_M ... [--hours H] [--decay-length M]]]
// Solves the steady state of a gas network (pandapipes JSON in the converted
// "simple" form, the demo city's gas.json, or a GasLib .net with its .scn
// nomination) and writes DIR/junctions.csv (id, pressure_bar: gauge) and
// DIR/pipes.csv (id, velocity_m_per_s: mean gas velocity, sign = from -> to);
// with --h5 also the results file (system "gas": gauge_pressure_Pa,
// mass_flow_kg_per_s, velocity_m_per_s at t = 0). With --leak the pipe is
// split at the hole (junction "leak@PIPE") and the leak's mass flow printed;
// with --space the leak (held constant) fills those underground spaces and
// DIR/migration.csv gets their %LEL every 6 minutes (gas_migration.h).
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `gas` and its subcommands on app; the chosen one runs from its parse callback.
void AddGasCommand(CLI::App& app);

}  // namespace lifeline::cli
