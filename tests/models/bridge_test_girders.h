// Girders shared by the bridge tests: the DOMAIN.md reference beam
// (L = 20 m per span, EI = 1e10 N m^2, m = 1e4 kg/m) on simple supports.
#pragma once

#include <fmt/format.h>

#include <vector>

#include "models/bridge/girder.h"

namespace lifeline::bridge::testing {

// E = 3e10 Pa and I = 1/3 m^4 give EI = 1e10 N m^2; A = 5 m^2.
inline Section ReferenceSection() { return {3e10, 1e10 / 3e10, 5.0, 1e4, 1.2e-5}; }

// spans x 20 m, pinned at x = 0, rollers elsewhere.
inline Girder ReferenceGirder(int spans, int elements_per_span, std::vector<Sensor> sensors = {}) {
  std::vector<Support> supports{{"S0", SupportKind::kPinned}};
  for (int k = 1; k <= spans; ++k) supports.push_back({fmt::format("S{}", k), SupportKind::kRoller});
  const std::vector<double> span_length_m(static_cast<size_t>(spans), 20.0);
  return BuildContinuousGirder("reference", span_length_m, elements_per_span, ReferenceSection(),
                               std::move(supports), std::move(sensors));
}

}  // namespace lifeline::bridge::testing
