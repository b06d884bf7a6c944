// The demo city's gravity storm-sewer network, designed from the layout.
//
// Trunk sewers run down every main north-south street toward the river and
// discharge through one outfall per trunk on each bank; laterals run along the
// east-west streets to the nearest trunk (the minor intersections between two
// trunks split at a drainage divide). A manhole stands at every intersection
// and halfway along every sewered segment (75 m spacing at a 150 m pitch).
// Each built block is a subcatchment draining to the manhole at its corner
// nearest the river, with imperviousness from its land use.
//
// Sizing (rational method): Q = psi * q * A, with q the design storm intensity
// at 15 min (Beijing-type formula, P = 3 a; verify) and psi the block's
// imperviousness; the smallest standard diameter whose full Manning capacity
// (n = 0.013) at the laid slope carries Q, capped at DN3000. Laying: each
// conduit falls at least its minimum slope 1/D (D in mm, not below 0.0005;
// verify) or the ground slope if steeper; a manhole's invert is the lowest of
// (ground - minimum cover - outgoing diameter) and the arrival levels of its
// incoming conduits, which join with a drop (outlet offset) where they arrive
// higher. So every conduit slopes down in its flow direction. A manhole deeper
// than the maximum depth is an Error naming it.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "scenarios/city/city_layout.h"

namespace lifeline::city {

struct Manhole {
  std::string id;                  // "M3_4" (intersection), "ME3_4" (mid-segment), "OF4-S" (outfall)
  bool is_outfall = false;
  Point3 position;                 // x, y; z = invert, m
  double rim_elevation_m = 0.0;    // ground at the cover, m
  double invert_elevation_m = 0.0; // m
};

struct SewerConduit {
  std::string id;                      // "CE3_4-1", "CN4_2-2", "C-OF4-S"
  int from = 0;                        // upstream manhole
  int to = 0;                          // downstream manhole
  double length_m = 0.0;
  double diameter_m = 0.0;
  double outlet_offset_m = 0.0;        // drop at the downstream manhole: conduit invert above its invert, m
  double design_flow_m3_per_s = 0.0;   // rational-method peak flow, m3/s
  double manning_n = 0.013;
  double Slope(const std::vector<Manhole>& manholes) const;  // (invert_in - invert_out) / length
};

struct Subcatchment {
  std::string id;                     // "S3_4" for block K3_4
  int block = 0;                      // index into CityLayout::blocks
  int outlet = 0;                     // manhole
  double area_m2 = 0.0;
  double imperviousness_pct = 0.0;
  double width_m = 0.0;               // overland flow width, m
  double slope_pct = 0.0;             // ground slope, %
  std::array<Point3, 4> polygon;      // block corners
};

struct DrainageNetwork {
  std::vector<Manhole> manholes;
  std::vector<SewerConduit> conduits;
  std::vector<Subcatchment> subcatchments;
  std::vector<int> outfalls;               // manhole indices of the outfalls
  double design_intensity_m_per_s = 0.0;   // q at 15 min as a rainfall rate, m/s
  double storm_step_s = 300.0;             // design storm time step, s
  std::vector<double> storm_intensity_mm_per_h;  // Chicago design storm, P = 3 a, 2 h
};

DrainageNetwork DesignDrainageNetwork(const CityLayout& layout, const BurialDepths& burial);

// Manholes (kind "manhole" / "outfall") and conduits (kind "conduit"), oriented downstream.
NetworkGraph BuildDrainageGraph(const DrainageNetwork& drainage);

// Imperviousness of a land use, %.
double ImperviousnessPct(LandUse land_use);

}  // namespace lifeline::city
