// `lifeline events ...`: the operator's view of the event ledger (engine/live/event_ledger.h).
//
//   lifeline events [--ledger FILE] list [--state S] [--level L] [--system S] [--area X0,Y0,X1,Y1]
//   lifeline events [--ledger FILE] show ID
//   lifeline events [--ledger FILE] verify ID --actor NAME [--note TEXT] [--false-alarm]
//   lifeline events [--ledger FILE] dispatch ID --level I|II|III|IV --actor NAME [--note TEXT]
//   lifeline events [--ledger FILE] feedback ID --actor NAME [--note TEXT]
//   lifeline events [--ledger FILE] check ID --actor NAME [--note TEXT] [--failed]
//   lifeline events [--ledger FILE] close ID --actor NAME [--note TEXT]
// verify: ALARM -> VERIFIED (with --false-alarm on to CLOSED); dispatch: VERIFIED -> WARNING -> DISPOSING;
// feedback: DISPOSING -> FEEDBACK; check: FEEDBACK -> CHECKED (--failed: on back to DISPOSING);
// close: CHECKED -> CLOSED. Transitions are stamped with the current UTC time (or --time-s).
#pragma once

#include <CLI/CLI.hpp>

namespace lifeline::cli {

// Registers `events` and its subcommands on app; the chosen one runs from its parse callback.
void AddEventsCommand(CLI::App& app);

}  // namespace lifeline::cli
