// LIFELINE_VERSION comes from project(VERSION ...) in the top CMakeLists.txt.
#include "engine/version.h"

namespace lifeline {

const char* EngineVersion() { return LIFELINE_VERSION; }

}  // namespace lifeline
