// The continuous girder description (see girder.h).
#include "models/bridge/girder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/error.h"

namespace lifeline::bridge {
namespace {

void CheckSection(const Section& section, const std::string& title) {
  const bool positive = section.elastic_modulus_Pa > 0.0 && section.second_moment_m4 > 0.0 &&
                        section.area_m2 > 0.0 && section.mass_kg_per_m > 0.0;
  if (!positive || !std::isfinite(section.thermal_expansion_per_K)) {
    throw Error::AtElement(kSystem, title,
                           "section needs positive E, I, A and mass per length, finite alpha");
  }
  if (section.theory == BeamTheory::kTimoshenko &&
      !(section.shear_modulus_Pa > 0.0 && section.shear_area_m2 > 0.0 &&
        std::isfinite(section.shear_modulus_Pa) && std::isfinite(section.shear_area_m2))) {
    throw Error::AtElement(kSystem, title, "a Timoshenko section needs positive, finite G and shear area");
  }
}

// The girder is one connected body. Every support holds it vertically (a
// spring elastically) and there are at least two, so the vertical plane is
// held; axially it needs at least one pinned or fixed support.
void CheckRestrained(const std::vector<Support>& supports, const std::string& title) {
  int axial = 0;
  for (const Support& support : supports) {
    if (support.kind == SupportKind::kPinned || support.kind == SupportKind::kFixed) ++axial;
    if (support.kind == SupportKind::kSpring && !(support.spring_stiffness_N_per_m > 0.0)) {
      throw Error::AtElement(kSystem, support.id, "a spring support needs spring_stiffness_N_per_m > 0");
    }
  }
  if (axial == 0)
    throw Error::AtElement(kSystem, title,
                           "no support restrains the girder axially (add a pinned or fixed one)");
}

}  // namespace

GirderPoint Girder::Locate(double x_m) const {
  const double tolerance_m = 1e-9 * length_m();
  if (!(x_m >= -tolerance_m && x_m <= length_m() + tolerance_m)) {
    throw Error::AtElement(kSystem, title,
                           fmt::format("x = {} m lies outside the girder (0 .. {} m)", x_m, length_m()));
  }
  const auto after = std::upper_bound(node_x_m.begin(), node_x_m.end(), x_m);
  const int element = std::clamp(static_cast<int>(after - node_x_m.begin()) - 1, 0, element_count() - 1);
  return {element, std::clamp(x_m - node_x_m[element], 0.0, element_length_m(element))};
}

const Support& Girder::SupportById(const std::string& id) const {
  for (const Support& support : supports) {
    if (support.id == id) return support;
  }
  throw Error::AtElement(kSystem, id, "no support with this id");
}

Girder BuildContinuousGirder(std::string title, std::span<const double> span_length_m, int elements_per_span,
                             const Section& section, std::vector<Support> supports,
                             std::vector<Sensor> sensors) {
  if (span_length_m.empty()) throw Error::AtElement(kSystem, title, "a girder needs at least one span");
  if (elements_per_span < 1) throw Error::AtElement(kSystem, title, "elements_per_span must be at least 1");
  if (supports.size() != span_length_m.size() + 1) {
    throw Error::AtElement(kSystem, title,
                           fmt::format("{} spans need {} supports, got {}", span_length_m.size(),
                                       span_length_m.size() + 1, supports.size()));
  }
  CheckSection(section, title);
  CheckRestrained(supports, title);

  Girder girder;
  girder.title = std::move(title);
  girder.span_length_m.assign(span_length_m.begin(), span_length_m.end());
  girder.node_x_m.push_back(0.0);
  for (size_t span = 0; span < span_length_m.size(); ++span) {
    if (!(span_length_m[span] > 0.0)) {
      throw Error::AtElement(kSystem, supports[span].id,
                             fmt::format("span {} has length {} m", span + 1, span_length_m[span]));
    }
    supports[span].node = girder.node_count() - 1;
    const double start_m = girder.node_x_m.back();
    for (int k = 1; k <= elements_per_span; ++k) {
      girder.node_x_m.push_back(start_m + span_length_m[span] * k / elements_per_span);
      girder.sections.push_back(section);
    }
  }
  supports.back().node = girder.node_count() - 1;
  girder.supports = std::move(supports);
  for (const Sensor& sensor : sensors) {
    if (!(sensor.x_m >= 0.0 && sensor.x_m <= girder.length_m())) {
      throw Error::AtElement(kSystem, sensor.id,
                             fmt::format("sensor at x = {} m lies outside the girder", sensor.x_m));
    }
  }
  girder.sensors = std::move(sensors);

  NetworkGraphBuilder builder(kSystem);
  std::vector<std::string> kind(girder.node_x_m.size(), "joint");
  for (const Support& support : girder.supports) kind[support.node] = "support";
  for (int node = 0; node < girder.node_count(); ++node) {
    builder.AddNode({fmt::format("N{}", node), kind[node], Point3{girder.node_x_m[node], 0.0, 0.0}});
  }
  for (int element = 0; element < girder.element_count(); ++element) {
    builder.AddLink({fmt::format("E{}", element), "girder", girder.element_length_m(element), false},
                    fmt::format("N{}", element), fmt::format("N{}", element + 1));
  }
  girder.graph = builder.Build();
  return girder;
}

}  // namespace lifeline::bridge
