// `lifeline city ...`: the demo city commands.
//
//   lifeline city generate --seed N --size S --out DIR [--map-px P] [--<system>-cover-m X ...]
//
// Adds the subcommands to the app; after parsing, RunCityCommand runs the one
// the user chose.
#pragma once

#include <CLI/CLI.hpp>

#include "scenarios/city/city_generator.h"

namespace lifeline::cli {

struct CityCommand {
  CLI::App* city = nullptr;
  CLI::App* generate = nullptr;
  city::GenerateOptions generate_options;
};

// Registers `city` and its subcommands; `command` must outlive parsing.
void AddCityCommand(CLI::App& app, CityCommand& command);

// Runs the parsed city subcommand and prints its summary; false when `city` was not given.
bool RunCityCommand(const CityCommand& command);

}  // namespace lifeline::cli
