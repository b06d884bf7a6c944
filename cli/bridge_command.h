// `lifeline bridge ...`: bridge structures (models/bridge/bridge_run.h).
//
//   lifeline bridge simulate BRIDGE.json --mode static|modal|vehicle --csv DIR [--h5 FILE]
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `bridge` and its subcommands on app; the chosen one runs from its parse callback.
void AddBridgeCommand(CLI::App& app);

}  // namespace lifeline::cli
