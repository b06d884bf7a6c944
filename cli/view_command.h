// `lifeline view ...`: the 3D twin viewer's commands.
//
//   lifeline view snapshot --results FILE [--time T] [--colour SYSTEM/QUANTITY]
//                          [--alarm SYSTEM/ELEMENT/LEVEL ...] [--camera plan|oblique|underground]
//                          [--size WxH] [--exaggeration Z] --out shot.png
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `view` and its subcommands on app; they run from their parse callbacks.
void AddViewCommand(CLI::App& app);

}  // namespace lifeline::cli
