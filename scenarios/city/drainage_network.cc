// Designs the demo city's storm sewers (see drainage_network.h).
#include "scenarios/city/drainage_network.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/error.h"
#include "scenarios/city/pipe_sizing.h"

namespace lifeline::city {
namespace {

// Beijing-type storm intensity formula q = A (1 + C lg P) / (t + b)^n, L/(s ha), t in min (verify).
constexpr double kStormA = 2001.0;
constexpr double kStormC = 0.811;
constexpr double kStormB_min = 8.0;
constexpr double kStormN = 0.711;
constexpr double kReturnPeriod_years = 3.0;
constexpr double kConcentrationTime_min = 15.0;
constexpr double kStormDuration_min = 120.0;
constexpr double kStormPeakRatio = 0.4;
constexpr double kLitresPerSecondPerHectareToMetresPerSecond = 1e-7;

double StormIntensity_L_per_s_ha(double duration_min) {
  return kStormA * (1.0 + kStormC * std::log10(kReturnPeriod_years)) / std::pow(duration_min + kStormB_min, kStormN);
}

// Chicago design storm: instantaneous intensity at time t from the start, mm/h.
double ChicagoIntensity_mm_per_h(double t_min) {
  const double a_mm_per_min = kStormA * (1.0 + kStormC * std::log10(kReturnPeriod_years)) / 166.67;
  const double peak_min = kStormPeakRatio * kStormDuration_min;
  const double scaled = t_min < peak_min ? (peak_min - t_min) / kStormPeakRatio
                                         : (t_min - peak_min) / (1.0 - kStormPeakRatio);
  return 60.0 * a_mm_per_min * ((1.0 - kStormN) * scaled + kStormB_min) / std::pow(scaled + kStormB_min, 1.0 + kStormN);
}

double MinimumSlope(double diameter_m) { return std::max(0.0005, 1.0 / (diameter_m * 1e3)); }

double RunoffCoefficient(double imperviousness_pct) { return 0.15 + 0.75 * imperviousness_pct / 100.0; }

// An intersection-to-intersection sewer before it is cut at its mid manhole.
struct SewerReach {
  int segment = 0;
  int upstream = 0;    // intersection
  int downstream = 0;  // intersection
};

}  // namespace

double ImperviousnessPct(LandUse land_use) {
  switch (land_use) {
    case LandUse::kResidential: return 60.0;
    case LandUse::kCommercial: return 85.0;
    case LandUse::kIndustrial: return 75.0;
    case LandUse::kPark: return 15.0;
    case LandUse::kRiver: return 0.0;
  }
  return 0.0;
}

double SewerConduit::Slope(const std::vector<Manhole>& manholes) const {
  return (manholes[from].invert_elevation_m - manholes[to].invert_elevation_m - outlet_offset_m) / length_m;
}

DrainageNetwork DesignDrainageNetwork(const CityLayout& layout, const BurialDepths& burial) {
  DrainageNetwork drainage;
  const int n = layout.size_blocks, river = layout.river_block_row;
  const Terrain& terrain = layout.terrain;
  drainage.design_intensity_m_per_s =
      StormIntensity_L_per_s_ha(kConcentrationTime_min) * kLitresPerSecondPerHectareToMetresPerSecond;
  for (double t = 0.5 * drainage.storm_step_s / 60.0; t < kStormDuration_min; t += drainage.storm_step_s / 60.0) {
    drainage.storm_intensity_mm_per_h.push_back(ChicagoIntensity_mm_per_h(t));
  }

  auto add_manhole = [&](std::string id, bool is_outfall, double x_m, double y_m) {
    const double ground_m = terrain.Elevation_m(x_m, y_m);
    drainage.manholes.push_back({std::move(id), is_outfall, {x_m, y_m, ground_m}, ground_m, ground_m});
    return static_cast<int>(drainage.manholes.size()) - 1;
  };
  for (int node = 0; node < static_cast<int>(layout.intersections.size()); ++node) {
    const Point3& p = layout.intersections[node];
    add_manhole(fmt::format("M{}_{}", layout.ColumnOf(node), layout.RowOf(node)), false, p.x_m, p.y_m);
  }

  // Reaches: laterals along east-west streets to the trunks, trunks toward the river.
  std::vector<SewerReach> reaches;
  for (int row = 0; row <= n; ++row) {
    for (int column = 0; column <= n; ++column) {
      if (layout.main_column[column]) continue;
      const int node = layout.NodeAt(column, row);
      if (column % 4 == 3) {
        reaches.push_back({layout.segments_at[node][0], node, layout.NodeAt(column + 1, row)});
      } else {
        reaches.push_back({layout.segments_at[node][2], node, layout.NodeAt(column - 1, row)});
      }
    }
  }
  for (int column = 0; column <= n; ++column) {
    if (!layout.main_column[column]) continue;
    for (int row = 0; row < river; ++row) {
      const int node = layout.NodeAt(column, row);
      reaches.push_back({layout.segments_at[node][1], node, layout.NodeAt(column, row + 1)});
    }
    for (int row = n; row > river + 1; --row) {
      const int node = layout.NodeAt(column, row);
      reaches.push_back({layout.segments_at[node][3], node, layout.NodeAt(column, row - 1)});
    }
  }
  for (const SewerReach& reach : reaches) {
    const StreetSegment& segment = layout.segments[reach.segment];
    const Point3& a = layout.intersections[segment.from_node];
    const Point3& b = layout.intersections[segment.to_node];
    const int mid = add_manhole(fmt::format("M{}", segment.id), false, 0.5 * (a.x_m + b.x_m), 0.5 * (a.y_m + b.y_m));
    const double half_m = 0.5 * segment.length_m;
    drainage.conduits.push_back({fmt::format("C{}-1", segment.id), reach.upstream, mid, half_m, 0.0, 0.0, 0.0});
    drainage.conduits.push_back({fmt::format("C{}-2", segment.id), mid, reach.downstream, half_m, 0.0, 0.0, 0.0});
  }
  // Outfalls on both banks at every trunk.
  const River& r = terrain.river;
  for (int column = 0; column <= n; ++column) {
    if (!layout.main_column[column]) continue;
    for (const int side : {-1, 1}) {
      const int node = layout.NodeAt(column, side < 0 ? river : river + 1);
      const Point3& p = layout.intersections[node];
      const double bank_y_m = r.CentreY_m(p.x_m) + side * (0.5 * r.width_m + 5.0);
      const std::string id = fmt::format("OF{}-{}", column, side < 0 ? "S" : "N");
      const int outfall = add_manhole(id, true, p.x_m, bank_y_m);
      drainage.outfalls.push_back(outfall);
      drainage.conduits.push_back({fmt::format("C-{}", id), node, outfall, std::abs(bank_y_m - p.y_m), 0.0, 0.0, 0.0});
    }
  }

  // Subcatchments: every built block, to its corner manhole nearest the river.
  std::vector<double> inflow_m3_per_s(drainage.manholes.size(), 0.0);
  for (int k = 0; k < static_cast<int>(layout.blocks.size()); ++k) {
    const Block& block = layout.blocks[k];
    if (block.land_use == LandUse::kRiver) continue;
    Subcatchment sub;
    sub.id = fmt::format("S{}_{}", block.column, block.row);
    sub.block = k;
    sub.outlet = block.row < river ? block.corner_nodes[3] : block.corner_nodes[0];
    sub.area_m2 = block.area_m2;
    sub.imperviousness_pct = ImperviousnessPct(block.land_use);
    sub.width_m = 2.0 * std::sqrt(block.area_m2);
    const double x = block.centroid.x_m, y = block.centroid.y_m, h = 5.0;
    const double gx = (terrain.Elevation_m(x + h, y) - terrain.Elevation_m(x - h, y)) / (2 * h);
    const double gy = (terrain.Elevation_m(x, y + h) - terrain.Elevation_m(x, y - h)) / (2 * h);
    sub.slope_pct = std::max(0.3, 100.0 * std::hypot(gx, gy));
    for (size_t c = 0; c < 4; ++c) sub.polygon[c] = layout.intersections[block.corner_nodes[c]];
    inflow_m3_per_s[sub.outlet] +=
        RunoffCoefficient(sub.imperviousness_pct) * drainage.design_intensity_m_per_s * sub.area_m2;
    drainage.subcatchments.push_back(std::move(sub));
  }

  // Lay the conduits from the heads of the tree down to the outfalls (Kahn order).
  const int manhole_count = static_cast<int>(drainage.manholes.size());
  std::vector<int> outgoing(manhole_count, -1), incoming_count(manhole_count, 0);
  for (int c = 0; c < static_cast<int>(drainage.conduits.size()); ++c) {
    outgoing[drainage.conduits[c].from] = c;
    ++incoming_count[drainage.conduits[c].to];
  }
  std::vector<double> lowest_arrival_m(manhole_count, std::numeric_limits<double>::infinity());
  std::vector<double> arrival_m(drainage.conduits.size(), 0.0);
  std::vector<int> ready;
  for (int m = 0; m < manhole_count; ++m) {
    if (incoming_count[m] == 0) ready.push_back(m);
  }
  const auto sewer_diameters = SewerDiameters_m();
  for (size_t head = 0; head < ready.size(); ++head) {
    const int m = ready[head];
    Manhole& manhole = drainage.manholes[m];
    if (manhole.is_outfall) {
      manhole.invert_elevation_m = lowest_arrival_m[m];
      manhole.position.z_m = manhole.invert_elevation_m;
      continue;
    }
    SewerConduit& conduit = drainage.conduits[outgoing[m]];
    const Manhole& down = drainage.manholes[conduit.to];
    const double flow = inflow_m3_per_s[m];
    const double ground_slope = (manhole.rim_elevation_m - down.rim_elevation_m) / conduit.length_m;
    double diameter_m = sewer_diameters.back();
    for (const double d : sewer_diameters) {
      if (FullPipeCapacity_m3_per_s(d, std::max(MinimumSlope(d), ground_slope), conduit.manning_n) >= flow) {
        diameter_m = d;
        break;
      }
    }
    const double slope = std::max(MinimumSlope(diameter_m), ground_slope);
    manhole.invert_elevation_m =
        std::min(manhole.rim_elevation_m - burial.sewer_min_cover_m - diameter_m, lowest_arrival_m[m]);
    manhole.position.z_m = manhole.invert_elevation_m;
    if (manhole.rim_elevation_m - manhole.invert_elevation_m > burial.sewer_max_depth_m) {
      throw Error::AtElement("drainage", manhole.id,
                             fmt::format("invert {:.2f} m below ground, deeper than the maximum {:.2f} m",
                                         manhole.rim_elevation_m - manhole.invert_elevation_m,
                                         burial.sewer_max_depth_m));
    }
    conduit.diameter_m = diameter_m;
    conduit.design_flow_m3_per_s = flow;
    arrival_m[outgoing[m]] = manhole.invert_elevation_m - slope * conduit.length_m;
    lowest_arrival_m[conduit.to] = std::min(lowest_arrival_m[conduit.to], arrival_m[outgoing[m]]);
    inflow_m3_per_s[conduit.to] += flow;
    if (--incoming_count[conduit.to] == 0) ready.push_back(conduit.to);
  }
  if (static_cast<int>(ready.size()) != manhole_count) throw Error("drainage design: the sewer network has a cycle");
  for (size_t c = 0; c < drainage.conduits.size(); ++c) {
    SewerConduit& conduit = drainage.conduits[c];
    conduit.outlet_offset_m = arrival_m[c] - drainage.manholes[conduit.to].invert_elevation_m;
  }
  return drainage;
}

NetworkGraph BuildDrainageGraph(const DrainageNetwork& drainage) {
  NetworkGraphBuilder builder("drainage");
  for (const Manhole& manhole : drainage.manholes) {
    builder.AddNode({manhole.id, manhole.is_outfall ? "outfall" : "manhole", manhole.position});
  }
  for (const SewerConduit& conduit : drainage.conduits) {
    builder.AddLink({conduit.id, "conduit", conduit.length_m, false}, drainage.manholes[conduit.from].id,
                    drainage.manholes[conduit.to].id);
  }
  return builder.Build();
}

}  // namespace lifeline::city
