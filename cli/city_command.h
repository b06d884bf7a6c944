// `lifeline city ...`: the demo city commands (scenarios/city/city_generator.h).
//
//   lifeline city generate --seed N --size S --out DIR [--map-px P] [--<system>-cover-m X ...]
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `city` and its subcommands on app; the chosen one runs from its parse callback.
void AddCityCommand(CLI::App& app);

}  // namespace lifeline::cli
