// Designs the demo city's utility tunnel and writes it as JSON (see tunnel_city_writer.h).
#include "scenarios/city/tunnel_city_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "scenarios/city/json_lines.h"

namespace lifeline::city {
namespace {

constexpr double kMaxSectionLength_m = 200.0;
constexpr int kMaxBlocks = 16;

// The point at a station along a polyline.
Point3 AtStation(const std::vector<Point3>& path, double station_m) {
  for (size_t k = 0; k + 1 < path.size(); ++k) {
    const double length_m = Distance_m(path[k], path[k + 1], DistanceMetric::kPlan);
    if (station_m <= length_m || k + 2 == path.size()) {
      const double t = std::clamp(station_m / length_m, 0.0, 1.0);
      return {path[k].x_m + t * (path[k + 1].x_m - path[k].x_m), path[k].y_m + t * (path[k + 1].y_m - path[k].y_m),
              path[k].z_m + t * (path[k + 1].z_m - path[k].z_m)};
    }
    station_m -= length_m;
  }
  return path.back();
}

}  // namespace

UtilityTunnel DesignUtilityTunnel(const CityLayout& layout, const BurialDepths& burial) {
  UtilityTunnel tunnel;
  tunnel.roof_cover_m = burial.tunnel_cover_m;
  tunnel.compartments = {
      {"water", 2.4, 3.0, 2.0, 6.0, "water main DN600 and DN400"},
      {"heating", 2.6, 3.0, 2.0, 6.0, "heating supply and return DN500"},
      {"power", 2.2, 3.0, 2.0, 6.0, "110 kV and 10 kV cables, communication cables"},
      {"gas", 1.8, 3.0, 6.0, 12.0, "medium-pressure gas main DN300"},
  };
  double height_m = 0.0;
  for (const TunnelCompartment& c : tunnel.compartments) height_m = std::max(height_m, c.height_m);

  int row = 0;
  const int target = layout.river_block_row / 2;
  for (int r = 1; r < layout.river_block_row; ++r) {
    if (layout.main_row[r] && std::abs(r - target) < std::abs(row - target)) row = r;
  }
  tunnel.street_id = layout.streets[layout.size_blocks + 1 + row].id;
  const int last_column = std::min(layout.size_blocks, kMaxBlocks);
  for (int column = 0; column <= last_column; ++column) {
    Point3 p = layout.intersections[layout.NodeAt(column, row)];
    p.z_m -= tunnel.roof_cover_m + tunnel.wall_thickness_m + height_m;
    tunnel.path.push_back(p);
    if (column < last_column) {
      const int segment = layout.segments_at[layout.NodeAt(column, row)][0];
      tunnel.segment_ids.push_back(layout.segments[segment].id);
      tunnel.length_m += layout.segments[segment].length_m;
    }
  }
  const int section_count = static_cast<int>(std::ceil(tunnel.length_m / kMaxSectionLength_m));
  const double section_m = tunnel.length_m / section_count;
  for (int k = 0; k < section_count; ++k) {
    TunnelSection section;
    section.id = fmt::format("{}-S{}", tunnel.id, k + 1);
    section.from_station_m = k * section_m;
    section.to_station_m = (k + 1) * section_m;
    section.intake = AtStation(tunnel.path, section.from_station_m);
    section.exhaust = AtStation(tunnel.path, section.to_station_m);
    section.intake.z_m += height_m;
    section.exhaust.z_m += height_m;
    tunnel.sections.push_back(section);
  }
  return tunnel;
}

void WriteTunnelJson(const UtilityTunnel& tunnel, const std::string& path) {
  OrderedJson compartments = OrderedJson::array(), sections = OrderedJson::array(), points = OrderedJson::array();
  for (const TunnelCompartment& c : tunnel.compartments) {
    compartments.push_back({{"utility", c.utility},
                            {"width_m", c.width_m},
                            {"height_m", c.height_m},
                            {"area_m2", Rounded(c.width_m * c.height_m, 3)},
                            {"normal_air_changes_per_h", c.normal_air_changes_per_h},
                            {"accident_air_changes_per_h", c.accident_air_changes_per_h},
                            {"carries", c.carries}});
  }
  for (const TunnelSection& s : tunnel.sections) {
    OrderedJson volumes = OrderedJson::object(), fans = OrderedJson::object();
    for (const TunnelCompartment& c : tunnel.compartments) {
      const double volume_m3 = c.width_m * c.height_m * (s.to_station_m - s.from_station_m);
      volumes[tunnel.CompartmentSectionId(s, c)] = Rounded(volume_m3, 1);
      fans[tunnel.CompartmentSectionId(s, c)] = {
          {"normal_m3_per_s", Rounded(c.normal_air_changes_per_h * volume_m3 / 3600.0, 3)},
          {"accident_m3_per_s", Rounded(c.accident_air_changes_per_h * volume_m3 / 3600.0, 3)}};
    }
    sections.push_back({{"id", s.id},
                        {"from_station_m", Rounded(s.from_station_m, 2)},
                        {"to_station_m", Rounded(s.to_station_m, 2)},
                        {"intake", {{"x_m", Rounded(s.intake.x_m, 2)}, {"y_m", Rounded(s.intake.y_m, 2)}, {"z_m", Rounded(s.intake.z_m, 3)}}},
                        {"exhaust", {{"x_m", Rounded(s.exhaust.x_m, 2)}, {"y_m", Rounded(s.exhaust.y_m, 2)}, {"z_m", Rounded(s.exhaust.z_m, 3)}}},
                        {"compartment_volumes_m3", volumes},
                        {"ventilation", fans}});
  }
  for (const Point3& p : tunnel.path) points.push_back({Rounded(p.x_m, 2), Rounded(p.y_m, 2), Rounded(p.z_m, 3)});
  const OrderedJson document = {{"format", "lifeline-city-tunnel"},
                                {"version", 1},
                                {"system", "tunnel"},
                                {"id", tunnel.id},
                                {"street", tunnel.street_id},
                                {"street_segments", tunnel.segment_ids},
                                {"length_m", Rounded(tunnel.length_m, 2)},
                                {"roof_cover_m", tunnel.roof_cover_m},
                                {"wall_thickness_m", tunnel.wall_thickness_m},
                                {"path_floor_xyz_m", points},
                                {"compartments", compartments},
                                {"sections", sections}};
  TextFileWriter out(path);
  out.Print("{}\n", document.dump(2));
  out.Close();
}

}  // namespace lifeline::city
