// `lifeline demo`: the main job, the demo city twin (scenarios/main_job.h).
//
//   lifeline demo [--city DIR] [--out FILE] [--csv DIR] [--heating-step S]
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `demo` on app; it runs from its parse callback. show_progress is read
// when it runs (the global --no-progress flag).
void AddDemoCommand(CLI::App& app, const bool& no_progress);

}  // namespace lifeline::cli
