// Designs the demo city's bridges and writes their JSON files (see bridge_city_writer.h).
#include "scenarios/city/bridge_city_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "scenarios/city/json_lines.h"

namespace lifeline::city {
namespace {

constexpr double kLaneWidth_m = 3.75;
constexpr double kSidewalk_m = 2.5;
constexpr double kDeckAboveBank_m = 1.5;
constexpr double kGirderDepth_m = 1.8;

Point3 Along(const Point3& start, double dx, double dy, double station_m) {
  return {start.x_m + dx * station_m, start.y_m + dy * station_m, start.z_m};
}

OrderedJson SectionJson(bool is_continuous) {
  // Concrete C50 (E = 34.5 GPa); box girder or T-beam group, gross properties.
  if (is_continuous) {
    return {{"E_Pa", 3.45e10}, {"I_m4", 4.6}, {"A_m2", 9.2}, {"mass_kg_per_m", 26000.0}, {"alpha_per_K", 1.0e-5}};
  }
  return {{"E_Pa", 3.45e10}, {"I_m4", 1.9}, {"A_m2", 4.4}, {"mass_kg_per_m", 13000.0}, {"alpha_per_K", 1.0e-5}};
}

}  // namespace

std::vector<CityBridge> DesignBridges(const CityLayout& layout) {
  std::vector<CityBridge> bridges;
  const River& river = layout.terrain.river;
  for (const BridgeSite& site : layout.bridges) {
    const StreetSegment& segment = layout.segments[site.segment];
    const Street& street = layout.streets[segment.street];
    const Point3& a = layout.intersections[segment.from_node];
    const Point3& b = layout.intersections[segment.to_node];
    CityBridge bridge;
    bridge.id = site.id;
    bridge.name = fmt::format("{} Bridge", street.name);
    bridge.street_id = street.id;
    bridge.segment_id = segment.id;
    bridge.is_continuous = site.is_continuous;
    bridge.spans_m = site.is_continuous ? std::vector<double>{25.0, 32.0, 25.0} : std::vector<double>{36.0};
    bridge.lanes = street.is_main ? 6 : 2;
    bridge.deck_width_m = bridge.lanes * kLaneWidth_m + 2.0 * kSidewalk_m;
    const double length_m = std::accumulate(bridge.spans_m.begin(), bridge.spans_m.end(), 0.0);
    const double dx = (b.x_m - a.x_m) / segment.length_m, dy = (b.y_m - a.y_m) / segment.length_m;
    // Station of the river centreline along the segment (the street is nearly north-south).
    const double centre_station_m = (river.CentreY_m(a.x_m) - a.y_m) / std::max(dy, 1e-6);
    Point3 start = Along(a, dx, dy, centre_station_m - 0.5 * length_m);
    Point3 end = Along(a, dx, dy, centre_station_m + 0.5 * length_m);
    bridge.deck_elevation_m = std::max(layout.terrain.Elevation_m(start.x_m, start.y_m),
                                       layout.terrain.Elevation_m(end.x_m, end.y_m)) + kDeckAboveBank_m;
    start.z_m = end.z_m = bridge.deck_elevation_m;
    bridge.south_end = start;
    bridge.north_end = end;
    double station_m = 0.0;
    for (size_t k = 0; k <= bridge.spans_m.size(); ++k) {
      const bool abutment = k == 0 || k == bridge.spans_m.size();
      const std::string name = abutment ? fmt::format("A{}", k == 0 ? 1 : 2) : fmt::format("P{}", k);
      Point3 seat = Along(start, dx, dy, station_m);
      seat.z_m = bridge.deck_elevation_m - kGirderDepth_m;
      bridge.supports.push_back({fmt::format("{}-{}", bridge.id, name), k == 0 ? "pinned" : "roller", station_m, seat});
      if (k < bridge.spans_m.size()) {
        const double mid_m = station_m + 0.5 * bridge.spans_m[k];
        bridge.measuring_points.push_back({fmt::format("{}-D{}", bridge.id, k + 1), mid_m, 0.5 * kGirderDepth_m,
                                           Along(start, dx, dy, mid_m)});
        station_m += bridge.spans_m[k];
      }
    }
    if (bridge.is_continuous) {
      const double pier_m = bridge.spans_m[0];
      bridge.measuring_points.push_back({fmt::format("{}-SG-P1", bridge.id), pier_m, -0.5 * kGirderDepth_m,
                                         Along(start, dx, dy, pier_m)});
    }
    bridges.push_back(std::move(bridge));
  }
  return bridges;
}

std::vector<std::string> WriteBridgeFiles(const std::vector<CityBridge>& bridges, const std::string& directory) {
  std::vector<std::string> names;
  for (const CityBridge& bridge : bridges) {
    const double length_m = std::accumulate(bridge.spans_m.begin(), bridge.spans_m.end(), 0.0);
    const double main_span_m = *std::max_element(bridge.spans_m.begin(), bridge.spans_m.end());
    const double lane_point_N = 1e3 * std::clamp(2.0 * (main_span_m + 130.0), 270.0, 360.0);
    double main_span_start_m = 0.0;
    for (size_t k = 0; k < bridge.spans_m.size() && bridge.spans_m[k] != main_span_m; ++k) main_span_start_m += bridge.spans_m[k];

    OrderedJson supports = OrderedJson::array(), sensors = OrderedJson::array(), places = OrderedJson::array();
    for (const BridgeSupportPlace& support : bridge.supports) {
      supports.push_back({{"id", support.id}, {"kind", support.kind}});
      places.push_back({{"id", support.id},
                        {"station_m", Rounded(support.station_m, 3)},
                        {"x_m", Rounded(support.position.x_m, 2)},
                        {"y_m", Rounded(support.position.y_m, 2)},
                        {"z_m", Rounded(support.position.z_m, 3)}});
    }
    for (const BridgeMeasuringPoint& point : bridge.measuring_points) {
      sensors.push_back({{"id", point.id}, {"x_m", Rounded(point.station_m, 3)}, {"fibre_below_axis_m", point.fibre_below_axis_m}});
    }
    OrderedJson axles = OrderedJson::array();
    const double axle_offsets_m[] = {0.0, 3.6, 4.95, 11.0, 12.3, 13.6};
    const double axle_masses_kg[] = {7000.0, 11500.0, 11500.0, 8000.0, 8000.0, 8000.0};
    for (size_t k = 0; k < 6; ++k) axles.push_back({{"offset_m", axle_offsets_m[k]}, {"mass_kg", axle_masses_kg[k]}});

    const OrderedJson document = {
        {"title", fmt::format("{}: {}", bridge.id, bridge.name)},
        {"material", "concrete"},
        {"section", SectionJson(bridge.is_continuous)},
        {"spans_m", bridge.spans_m},
        {"elements_per_span", 16},
        {"supports", supports},
        {"sensors", sensors},
        {"static_loads",
         {{"point", OrderedJson::array({{{"id", "lane-point-load"},
                                         {"x_m", Rounded(main_span_start_m + 0.5 * main_span_m, 3)},
                                         {"force_N", lane_point_N}}})},
          {"uniform", OrderedJson::array({{{"id", "lane-load"}, {"from_m", 0.0}, {"to_m", length_m}, {"force_N_per_m", 10500.0}}})},
          {"temperature_change_K", 0}}},
        {"modal", {{"mode_count", 6}}},
        {"vehicle",
         {{"id", "six-axle-truck"}, {"speed_m_per_s", 16.7}, {"axles", axles}, {"legal_gross_mass_kg", 49000.0}}},
        {"dynamics", {{"time_step_s", 0.001}, {"steps_per_output", 10}, {"after_exit_s", 2.0}, {"damping_ratio", 0.02}}},
        {"city",
         {{"id", bridge.id},
          {"name", bridge.name},
          {"kind", bridge.is_continuous ? "three-span continuous girder" : "simple span"},
          {"street", bridge.street_id},
          {"street_segment", bridge.segment_id},
          {"deck_width_m", bridge.deck_width_m},
          {"lanes", bridge.lanes},
          {"lane_width_m", kLaneWidth_m},
          {"deck_elevation_m", Rounded(bridge.deck_elevation_m, 3)},
          {"girder_depth_m", kGirderDepth_m},
          {"south_end", {Rounded(bridge.south_end.x_m, 2), Rounded(bridge.south_end.y_m, 2), Rounded(bridge.south_end.z_m, 3)}},
          {"north_end", {Rounded(bridge.north_end.x_m, 2), Rounded(bridge.north_end.y_m, 2), Rounded(bridge.north_end.z_m, 3)}},
          {"supports", places}}}};
    const std::string name = bridge.id + ".json";
    TextFileWriter out(directory + "/" + name);
    out.Print("{}\n", document.dump(2));
    out.Close();
    names.push_back(name);
  }
  return names;
}

}  // namespace lifeline::city
