// `lifeline twin ...`: the live twin on recorded or broker data (engine/live/live_pipeline.h).
//
//   lifeline twin replay --registry FILE (--csv FILE | --archive FILE) [--speed X]
//                        [--archive-out FILE] [--ledger FILE]
//   lifeline twin listen --registry FILE --server URI [--client-id ID] [--username U --password P]
//                        [--ca-file PEM] [--duration-s S] [--archive-out FILE] [--ledger FILE]
// replay feeds a recording through the pipeline (as fast as possible unless --speed, times real
// time); listen subscribes to the broker (docs/live-data.md) until --duration-s passes or Ctrl-C.
// Both print every level change and a summary of what was accepted, rejected, archived and opened.
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `twin` and its subcommands on app; the chosen one runs from its parse callback.
void AddTwinCommand(CLI::App& app);

}  // namespace lifeline::cli
