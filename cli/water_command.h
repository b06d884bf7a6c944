// `lifeline water ...`: water supply hydraulics (models/water/water_run.h).
//
//   lifeline water simulate NET.inp --csv DIR [--h5 FILE]
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `water` and its subcommands on app; the chosen one runs from its parse callback.
void AddWaterCommand(CLI::App& app);

}  // namespace lifeline::cli
