// `lifeline heating ...`: district heating commands.
//
//   lifeline heating simulate NET.json --csv DIR [--h5 FILE] [--law exact|sectioned]
//                             [--water real|constant]
//                             [--transient HOURS [--step S] [--report S]
//                              [--burst PIPE:FRACTION:HOLE_DIAMETER_M:TIME_S] [--pump-trip PUMP:KG_PER_S:TIME_S]]
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `heating` and its subcommands on app; they run from their parse callbacks.
void AddHeatingCommand(CLI::App& app);

}  // namespace lifeline::cli
