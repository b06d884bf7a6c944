// Designs the demo city's water supply (see water_network.h).
#include "scenarios/city/water_network.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/units.h"
#include "scenarios/city/pipe_sizing.h"

namespace lifeline::city {
namespace {

constexpr int kPipesPerSegment = 3;
constexpr double kPeakHourFactor = 1.5;
constexpr double kDesignVelocity_m_per_s = 1.0;
constexpr double kMinMainDiameter_m = 0.2;
constexpr double kMinDistributionDiameter_m = 0.1;
constexpr double kResidentDemand_m3_per_day = 0.22;
constexpr double kPrvOutletHead_m = 25.0;
constexpr double kServiceHead_m = 28.0;
constexpr double kTankTowerHeight_m = 20.0;

double BlockDemand_m3_per_s(const Block& block) {
  double rate_m3_per_ha_day = 0.0;
  switch (block.land_use) {
    case LandUse::kCommercial: rate_m3_per_ha_day = 60.0; break;
    case LandUse::kIndustrial: rate_m3_per_ha_day = 40.0; break;
    case LandUse::kPark: rate_m3_per_ha_day = 5.0; break;
    case LandUse::kResidential:
    case LandUse::kRiver: break;
  }
  return (block.population * kResidentDemand_m3_per_day + rate_m3_per_ha_day * block.area_m2 / 1e4) / units::kSecondsPerDay;
}

Point3 Lerp(const Point3& a, const Point3& b, double t) {
  return {a.x_m + t * (b.x_m - a.x_m), a.y_m + t * (b.y_m - a.y_m), a.z_m + t * (b.z_m - a.z_m)};
}

class WaterBuilder {
 public:
  WaterBuilder(const CityLayout& layout, const BurialDepths& burial, WaterNetwork& water)
      : layout_(layout), burial_(burial), water_(water) {}

  int AddNode(std::string id, std::string kind, const Point3& ground_point) {
    water_.nodes.push_back({std::move(id), std::move(kind), ground_point, ground_point.z_m, 0.0});
    return static_cast<int>(water_.nodes.size()) - 1;
  }

  int AddLink(WaterLink link) {
    const double cover_m = link.is_main ? burial_.water_main_cover_m : burial_.water_distribution_cover_m;
    WaterNode& to = water_.nodes[link.to];
    if (to.kind == "junction") to.position.z_m = to.ground_elevation_m - cover_m - 0.5 * link.diameter_m;
    water_.links.push_back(std::move(link));
    return static_cast<int>(water_.links.size()) - 1;
  }

  // Lays the street segment from intersection `from` to intersection `to` as
  // kPipesPerSegment pipes, after an optional valve at the upstream end.
  // Returns the index of the first link laid.
  int LaySegment(int segment, int from, int to, double diameter_m, double design_flow_m3_per_s, bool is_main,
                 WaterLinkKind valve, std::string valve_id, double valve_setting) {
    const std::string& seg_id = layout_.segments[segment].id;
    const Point3 a = layout_.intersections[from], b = layout_.intersections[to];
    const double length_m = layout_.segments[segment].length_m;
    const int first_link = static_cast<int>(water_.links.size());
    int upstream = water_.node_of_intersection[from];
    if (valve != WaterLinkKind::kPipe) {
      Point3 at = Lerp(a, b, 2.0 / length_m);
      at.z_m = layout_.terrain.Elevation_m(at.x_m, at.y_m);
      const int valve_node = AddNode(fmt::format("J{}-v", seg_id), "junction", at);
      AddLink({std::move(valve_id), valve, upstream, valve_node, 0.0, diameter_m, 0.0, valve_setting, is_main,
               design_flow_m3_per_s});
      upstream = valve_node;
    }
    for (int piece = 1; piece <= kPipesPerSegment; ++piece) {
      int downstream = water_.node_of_intersection[to];
      if (piece < kPipesPerSegment) {
        Point3 at = Lerp(a, b, static_cast<double>(piece) / kPipesPerSegment);
        at.z_m = layout_.terrain.Elevation_m(at.x_m, at.y_m);
        downstream = AddNode(fmt::format("J{}-{}", seg_id, piece), "junction", at);
      }
      AddLink({fmt::format("P{}-{}", seg_id, piece), WaterLinkKind::kPipe, upstream, downstream,
               length_m / kPipesPerSegment, diameter_m, is_main ? 130.0 : 140.0, 0.0, is_main,
               design_flow_m3_per_s});
      upstream = downstream;
    }
    return first_link;
  }

 private:
  const CityLayout& layout_;
  const BurialDepths& burial_;
  WaterNetwork& water_;
};

}  // namespace

const char* WaterLinkKindName(WaterLinkKind kind) {
  switch (kind) {
    case WaterLinkKind::kPipe: return "pipe";
    case WaterLinkKind::kPump: return "pump";
    case WaterLinkKind::kPressureReducingValve: return "prv";
    case WaterLinkKind::kIsolationValve: return "isolation_valve";
  }
  return "unknown";
}

WaterNetwork DesignWaterNetwork(const CityLayout& layout, const Districts& districts, const BurialDepths& burial) {
  WaterNetwork water;
  WaterBuilder builder(layout, burial, water);
  water.demand_pattern = {0.55, 0.45, 0.5, 0.5, 0.5,  0.75, 1.1, 1.5, 1.45, 1.2,  1.1,  1.1,
                          1.2,  1.1,  1.0, 1.0, 1.1,  1.3,  1.5, 1.45, 1.25, 1.0, 0.85, 0.55};
  const int intersection_count = static_cast<int>(layout.intersections.size());

  // Junctions at every intersection, with the block demands.
  water.node_of_intersection.resize(intersection_count);
  for (int node = 0; node < intersection_count; ++node) {
    water.node_of_intersection[node] =
        builder.AddNode(fmt::format("J{}_{}", layout.ColumnOf(node), layout.RowOf(node)), "junction",
                        layout.intersections[node]);
  }
  std::vector<double> demand_m3_per_s(intersection_count, 0.0);
  for (const Block& block : layout.blocks) demand_m3_per_s[block.corner_nodes[2]] += BlockDemand_m3_per_s(block);
  for (int node = 0; node < intersection_count; ++node) {
    water.nodes[water.node_of_intersection[node]].base_demand_m3_per_s = demand_m3_per_s[node];
  }

  // Design flows: district trees first, their totals load the entry intersections.
  std::vector<double> subtree_m3_per_s = demand_m3_per_s;
  for (const District& district : districts.districts) {
    for (auto it = district.order.rbegin(); it != district.order.rend(); ++it) {
      const int parent = layout.OtherEnd(districts.parent_segment[*it], *it);
      subtree_m3_per_s[parent] += subtree_m3_per_s[*it];
    }
  }
  const int root = layout.NodeAt(0, layout.river_block_row);
  const StreetTree mains = MainStreetTree(layout, root);
  for (auto it = mains.order.rbegin(); it + 1 != mains.order.rend(); ++it) {
    const int parent = layout.OtherEnd(mains.parent_segment[*it], *it);
    subtree_m3_per_s[parent] += subtree_m3_per_s[*it];
  }
  const double total_m3_per_s = subtree_m3_per_s[root];
  auto main_diameter = [&](double flow) {
    return PressurePipeDiameter_m(kPeakHourFactor * flow, kDesignVelocity_m_per_s, kMinMainDiameter_m,
                                  WaterDiameters_m());
  };

  // Source: reservoir, pump station, transmission main to the west end of the south riverside avenue.
  const Point3 root_point = layout.intersections[root];
  Point3 reservoir_point{root_point.x_m - 300.0, root_point.y_m - 60.0, 0.0};
  reservoir_point.z_m = layout.terrain.Elevation_m(reservoir_point.x_m, reservoir_point.y_m);
  Point3 station_point{root_point.x_m - 250.0, root_point.y_m - 60.0, 0.0};
  station_point.z_m = layout.terrain.Elevation_m(station_point.x_m, station_point.y_m);
  water.reservoir_node = builder.AddNode("R1", "reservoir", reservoir_point);
  water.reservoir_head_m = reservoir_point.z_m + 3.0;
  water.nodes[water.reservoir_node].position.z_m = water.reservoir_head_m;
  const int station = builder.AddNode("PS1", "junction", station_point);
  const double transmission_d = main_diameter(total_m3_per_s);
  water.pump_link = builder.AddLink({"PU1", WaterLinkKind::kPump, water.reservoir_node, station, 0.0, 0.0, 0.0, 0.0,
                                     true, kPeakHourFactor * total_m3_per_s});
  builder.AddLink({"P-TM1", WaterLinkKind::kPipe, station, water.node_of_intersection[root],
                   Distance_m(station_point, root_point, DistanceMetric::kPlan), transmission_d, 130.0, 0.0, true,
                   kPeakHourFactor * total_m3_per_s});

  // Looped mains: tree segments sized by their downstream demand, then the loop closers.
  std::vector<double> parent_diameter_m(intersection_count, transmission_d);
  std::vector<int> tree_rank(intersection_count, -1);
  for (size_t k = 0; k < mains.order.size(); ++k) tree_rank[mains.order[k]] = static_cast<int>(k);
  auto is_crossing = [&](int node) {
    return layout.main_column[layout.ColumnOf(node)] && layout.main_row[layout.RowOf(node)];
  };
  for (size_t k = 1; k < mains.order.size(); ++k) {
    const int node = mains.order[k];
    const int segment = mains.parent_segment[node];
    const int parent = layout.OtherEnd(segment, node);
    const double d = std::min(main_diameter(subtree_m3_per_s[node]), parent_diameter_m[parent]);
    parent_diameter_m[node] = d;
    const bool valve = is_crossing(parent);
    builder.LaySegment(segment, parent, node, d, kPeakHourFactor * subtree_m3_per_s[node], true,
                       valve ? WaterLinkKind::kIsolationValve : WaterLinkKind::kPipe,
                       fmt::format("V{}", layout.segments[segment].id), 0.0);
  }
  for (int segment = 0; segment < static_cast<int>(layout.segments.size()); ++segment) {
    const StreetSegment& s = layout.segments[segment];
    if (!layout.IsMainSegment(segment)) continue;
    if (mains.parent_segment[s.to_node] == segment || mains.parent_segment[s.from_node] == segment) continue;
    const bool forward = tree_rank[s.from_node] < tree_rank[s.to_node];
    const int from = forward ? s.from_node : s.to_node, to = forward ? s.to_node : s.from_node;
    const double d = std::min(parent_diameter_m[from], parent_diameter_m[to]);
    builder.LaySegment(segment, from, to, d, 0.0, true,
                       is_crossing(from) ? WaterLinkKind::kIsolationValve : WaterLinkKind::kPipe,
                       fmt::format("V{}", s.id), 0.0);
  }

  // Districts: one valve at the entry, branched pipes along the minor streets.
  for (const District& district : districts.districts) {
    for (const int node : district.order) {
      const int segment = districts.parent_segment[node];
      const int parent = layout.OtherEnd(segment, node);
      const double flow = subtree_m3_per_s[node];
      const double d = std::min(PressurePipeDiameter_m(kPeakHourFactor * flow, kDesignVelocity_m_per_s,
                                                       kMinDistributionDiameter_m, WaterDiameters_m()),
                                parent_diameter_m[parent]);
      parent_diameter_m[node] = d;
      const bool entry = segment == district.entry_segment;
      const WaterLinkKind valve = !entry ? WaterLinkKind::kPipe
                                  : district.is_low_lying ? WaterLinkKind::kPressureReducingValve
                                                          : WaterLinkKind::kIsolationValve;
      builder.LaySegment(segment, parent, node, d, kPeakHourFactor * flow, false, valve,
                         fmt::format("{}-{}", valve == WaterLinkKind::kPressureReducingValve ? "PRV" : "VD",
                                     district.id),
                         valve == WaterLinkKind::kPressureReducingValve ? kPrvOutletHead_m : 0.0);
    }
  }

  // Elevated tank at the highest main crossing (other than the source's).
  int tank_site = -1;
  for (const int node : mains.order) {
    if (node == root || !is_crossing(node)) continue;
    if (tank_site < 0 || layout.intersections[node].z_m > layout.intersections[tank_site].z_m) tank_site = node;
  }
  const Point3 site = layout.intersections[tank_site];
  Point3 tank_point{site.x_m + 25.0, site.y_m + 25.0, 0.0};
  tank_point.z_m = layout.terrain.Elevation_m(tank_point.x_m, tank_point.y_m);
  water.tank.node = builder.AddNode("T1", "tank", tank_point);
  water.tank.bottom_elevation_m = tank_point.z_m + kTankTowerHeight_m;
  water.nodes[water.tank.node].position.z_m = water.tank.bottom_elevation_m;
  builder.AddLink({"P-T1", WaterLinkKind::kPipe, water.node_of_intersection[tank_site], water.tank.node,
                   Distance_m(site, tank_point, DistanceMetric::kPlan), parent_diameter_m[tank_site], 130.0, 0.0,
                   true, 0.0});

  // Pump design point: peak flow, against the highest ground plus service head (or the full tank).
  double highest_ground_m = 0.0;
  for (const Point3& p : layout.intersections) highest_ground_m = std::max(highest_ground_m, p.z_m);
  const double required_head_m = std::max(highest_ground_m + kServiceHead_m,
                                          water.tank.bottom_elevation_m + water.tank.max_level_m + 2.0);
  water.pump_design_flow_m3_per_s = kPeakHourFactor * total_m3_per_s;
  water.pump_design_head_m = required_head_m - water.reservoir_head_m + 5.0;
  return water;
}

NetworkGraph BuildWaterGraph(const WaterNetwork& water) {
  NetworkGraphBuilder builder("water");
  for (const WaterNode& node : water.nodes) builder.AddNode({node.id, node.kind, node.position});
  for (const WaterLink& link : water.links) {
    builder.AddLink({link.id, WaterLinkKindName(link.kind), link.length_m,
                     link.kind == WaterLinkKind::kIsolationValve},
                    water.nodes[link.from].id, water.nodes[link.to].id);
  }
  return builder.Build();
}

}  // namespace lifeline::city
