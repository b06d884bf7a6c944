// A continuous bridge girder: the const description every bridge analysis reads.
//
// The girder is a straight planar beam along x (0 .. length_m) cut into
// Euler-Bernoulli frame elements (beam_element.h). Each mesh node carries three
// degrees of freedom: axial displacement u (+x), vertical deflection w
// (positive DOWNWARD, the direction of gravity and of traffic loads) and the
// rotation theta = dw/dx. Spans end at supports; a support restrains some of
// the node's DOFs (pinned: u, w; roller: w; fixed: u, w, theta) or holds it on
// a vertical spring, and may impose a downward settlement.
//
// Loads use the same sign: a positive force pushes the girder down. Support
// reactions are reported positive UPWARD (the support pushing the girder up).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/network_graph.h"

namespace lifeline::bridge {

inline constexpr const char* kSystem = "bridge";

// Beam theory of a girder: Euler-Bernoulli (no shear deformation, the default)
// or Timoshenko (shear deformation through G and the shear area A_s = kappa A).
enum class BeamTheory { kEulerBernoulli, kTimoshenko };

// Cross-section and material of a girder element (uniform along the element).
struct Section {
  double elastic_modulus_Pa = 0.0;          // E
  double second_moment_m4 = 0.0;            // I about the horizontal axis
  double area_m2 = 0.0;                     // A
  double mass_kg_per_m = 0.0;               // mass per unit length (structure and fixed deck)
  double thermal_expansion_per_K = 1.2e-5;  // alpha
  BeamTheory theory = BeamTheory::kEulerBernoulli;
  double shear_modulus_Pa = 0.0;  // G; kTimoshenko only
  double shear_area_m2 = 0.0;     // A_s = kappa A (kappa = 5/6 rectangle); kTimoshenko only
};

enum class SupportKind { kPinned, kRoller, kFixed, kSpring };

// A support at a span end.
struct Support {
  std::string id;
  SupportKind kind = SupportKind::kRoller;
  double spring_stiffness_N_per_m = 0.0;  // kSpring only: vertical spring
  double settlement_m = 0.0;              // downward; for kSpring the spring base moves
  int node = -1;                          // mesh node, set by BuildContinuousGirder
};

// A measuring point: deflection, rotation and strain at fibre_below_axis_m
// (distance below the neutral axis; negative for a fibre above it).
struct Sensor {
  std::string id;
  double x_m = 0.0;
  double fibre_below_axis_m = 0.0;
};

// A point of the girder: its element and the distance from the element's left node.
struct GirderPoint {
  int element = 0;
  double local_x_m = 0.0;
};

struct Girder {
  std::string title;
  std::vector<double> span_length_m;  // in order from x = 0
  std::vector<double> node_x_m;       // mesh nodes, strictly increasing, node 0 at x = 0
  std::vector<Section> sections;      // by element; element e joins nodes e and e+1
  std::vector<Support> supports;      // one per span end, in order of x
  std::vector<Sensor> sensors;
  NetworkGraph graph;  // nodes "N<i>", elements "E<i>" (for results files)

  int node_count() const { return static_cast<int>(node_x_m.size()); }
  int element_count() const { return static_cast<int>(sections.size()); }
  int dof_count() const { return 3 * node_count(); }
  double length_m() const { return node_x_m.back(); }
  double element_length_m(int element) const { return node_x_m[element + 1] - node_x_m[element]; }
  // The element holding x_m (0 <= x_m <= length_m); outside the girder is an Error.
  GirderPoint Locate(double x_m) const;
  // The support with this id, or an Error naming it.
  const Support& SupportById(const std::string& id) const;
};

// Builds a continuous girder of the given spans, each cut into
// elements_per_span equal elements, with supports.size() == spans + 1
// supports placed at the span ends. Checks that the supports hold the girder
// (no rigid-body motion); an Error naming the girder or support otherwise.
Girder BuildContinuousGirder(std::string title, std::span<const double> span_length_m, int elements_per_span,
                             const Section& section, std::vector<Support> supports,
                             std::vector<Sensor> sensors = {});

}  // namespace lifeline::bridge
