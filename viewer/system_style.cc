// Colours of systems, warning levels and quantity ramps (see system_style.h).
#include "viewer/system_style.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lifeline::viewer {

osg::Vec4 SystemColour(const std::string& system) {
  if (system == "water" || system == "tank_network") return {0.15f, 0.45f, 0.95f, 1.0f};
  if (system == "gas") return {0.95f, 0.85f, 0.10f, 1.0f};
  if (system == "heating") return {0.90f, 0.15f, 0.10f, 1.0f};
  if (system == "drainage") return {0.55f, 0.35f, 0.15f, 1.0f};
  if (system == "power") return {0.60f, 0.25f, 0.80f, 1.0f};
  if (system == "tunnel") return {0.60f, 0.60f, 0.60f, 1.0f};
  if (system == "bridge") return {0.80f, 0.80f, 0.75f, 1.0f};
  return {1.0f, 1.0f, 1.0f, 1.0f};
}

osg::Vec4 WarningLevelColour(int level) {
  switch (level) {
    case 1: return {0.90f, 0.05f, 0.05f, 1.0f};  // I red
    case 2: return {1.00f, 0.55f, 0.00f, 1.0f};  // II orange
    case 3: return {1.00f, 0.90f, 0.00f, 1.0f};  // III yellow
    case 4: return {0.10f, 0.40f, 1.00f, 1.0f};  // IV blue
    default: return {1.0f, 1.0f, 1.0f, 1.0f};
  }
}

osg::Vec4 RampColour(double fraction) {
  // blue -> cyan -> green -> yellow -> red
  static constexpr std::array<std::array<float, 3>, 5> kStops{
      {{0.0f, 0.0f, 1.0f}, {0.0f, 1.0f, 1.0f}, {0.0f, 1.0f, 0.0f}, {1.0f, 1.0f, 0.0f}, {1.0f, 0.0f, 0.0f}}};
  const double f = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0) * 4.0;
  const auto k = std::min<size_t>(static_cast<size_t>(f), 3);
  const auto w = static_cast<float>(f - static_cast<double>(k));
  const auto& a = kStops[k];
  const auto& b = kStops[k + 1];
  return {a[0] + w * (b[0] - a[0]), a[1] + w * (b[1] - a[1]), a[2] + w * (b[2] - a[2]), 1.0f};
}

}  // namespace lifeline::viewer
