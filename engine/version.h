// The engine's version string, written into every results file and printed by --version.
#pragma once

namespace lifeline {

const char* EngineVersion();

}  // namespace lifeline
