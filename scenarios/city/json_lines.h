// Small helpers the city's JSON writers share: values rounded for output
// (1 mm, 0.01 of a unit), and arrays written one element per line so that
// files with a million elements stream without building one huge document.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>

#include "scenarios/city/text_file_writer.h"

namespace lifeline::city {

using OrderedJson = nlohmann::ordered_json;

// x rounded to `decimals` places (for output only).
inline double Rounded(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

// Writes `"key": [` then each element on its own line via emit(k) -> OrderedJson, then `]`.
template <typename EmitElement>
void WriteJsonArray(TextFileWriter& out, const char* key, size_t count, EmitElement emit, bool last) {
  out.Print("  \"{}\": [", key);
  for (size_t k = 0; k < count; ++k) out.Print("{}\n    {}", k == 0 ? "" : ",", emit(k).dump());
  out.Print("{}]{}\n", count == 0 ? "" : "\n  ", last ? "" : ",");
}

}  // namespace lifeline::city
