// Designs the demo city's district heating and writes it as JSON (see heating_city_writer.h).
#include "scenarios/city/heating_city_writer.h"

#include <fmt/format.h>

#include <cstdlib>

#include "scenarios/city/json_lines.h"
#include "scenarios/city/pipe_sizing.h"

namespace lifeline::city {
namespace {

constexpr double kHeatIndex_W_per_m2 = 45.0;
constexpr double kFloorPerResident_m2 = 35.0;
constexpr double kWaterHeatCapacity_J_per_kg_K = 4190.0;
constexpr double kHotWaterDensity_kg_per_m3 = 960.0;
constexpr double kMaxVelocity_m_per_s = 1.5;
constexpr double kPairHalfSpacing_m = 0.6;  // supply and return centrelines are 1.2 m apart

double BlockHeatLoad_W(const Block& block) {
  double floor_m2 = kFloorPerResident_m2 * block.population;
  if (block.land_use == LandUse::kCommercial) floor_m2 += 1.5 * block.area_m2;
  if (block.land_use == LandUse::kIndustrial) floor_m2 += 0.5 * block.area_m2;
  return kHeatIndex_W_per_m2 * floor_m2;
}

}  // namespace

HeatingNetwork DesignHeatingNetwork(const CityLayout& layout, const Districts& districts, const BurialDepths& burial) {
  HeatingNetwork heating;
  const double delta_T = heating.supply_temperature_C - heating.return_temperature_C;
  auto flow_of = [&](double load_W) { return load_W / (kWaterHeatCapacity_J_per_kg_K * delta_T) / kHotWaterDensity_kg_per_m3; };
  auto diameter_of = [&](double load_W) {
    return PressurePipeDiameter_m(flow_of(load_W), kMaxVelocity_m_per_s, 0.05, HeatingDiameters_m());
  };
  const int intersection_count = static_cast<int>(layout.intersections.size());

  // Substation loads: each district's blocks (by their north-east corner) at its entry.
  std::vector<int> district_of(intersection_count, -1);
  for (int d = 0; d < static_cast<int>(districts.districts.size()); ++d) {
    for (const int node : districts.districts[d].order) district_of[node] = d;
  }
  std::vector<double> district_load_W(districts.districts.size(), 0.0);
  std::vector<double> subtree_W(intersection_count, 0.0);
  for (const Block& block : layout.blocks) {
    const int corner = block.corner_nodes[2];
    if (district_of[corner] >= 0) {
      district_load_W[district_of[corner]] += BlockHeatLoad_W(block);
    } else {
      subtree_W[corner] += BlockHeatLoad_W(block);  // served straight from the main
    }
  }
  for (size_t d = 0; d < districts.districts.size(); ++d) subtree_W[districts.districts[d].entry_node] += district_load_W[d];

  int plant_row = layout.size_blocks;
  for (int row = layout.size_blocks; row > layout.river_block_row + 1; --row) {
    const int middle = (layout.river_block_row + layout.size_blocks) / 2;
    if (layout.main_row[row] && std::abs(row - middle) <= std::abs(plant_row - middle)) plant_row = row;
  }
  const int root = layout.NodeAt(layout.size_blocks, plant_row);
  const StreetTree tree = MainStreetTree(layout, root);
  for (auto it = tree.order.rbegin(); it + 1 != tree.order.rend(); ++it) {
    subtree_W[layout.OtherEnd(tree.parent_segment[*it], *it)] += subtree_W[*it];
  }

  auto add_node = [&](std::string id, std::string kind, Point3 at, double load_W) {
    at.z_m = layout.terrain.Elevation_m(at.x_m, at.y_m);
    heating.nodes.push_back({std::move(id), std::move(kind), at, at.z_m, load_W});
    return static_cast<int>(heating.nodes.size()) - 1;
  };
  auto add_link = [&](std::string id, std::string kind, int from, int to, double load_W) {
    const double d = diameter_of(load_W);
    const int pipe_end = kind == "supply_pipe" ? to : from;
    HeatingNode& end = heating.nodes[pipe_end];
    if (end.kind != "plant" && end.kind != "substation") {
      end.position.z_m = end.ground_elevation_m - burial.heating_cover_m - 0.5 * d;
    }
    const double length_m = Distance_m(heating.nodes[from].position, heating.nodes[to].position, DistanceMetric::kPlan);
    heating.links.push_back({std::move(id), std::move(kind), from, to, length_m, d, load_W, flow_of(load_W)});
  };
  auto offset = [](Point3 p, double dx) { return Point3{p.x_m + dx, p.y_m - dx, p.z_m}; };

  std::vector<int> supply_of(intersection_count, -1), return_of(intersection_count, -1);
  for (const int node : tree.order) {
    const std::string suffix = fmt::format("{}_{}", layout.ColumnOf(node), layout.RowOf(node));
    supply_of[node] = add_node("HS" + suffix, "supply_junction", offset(layout.intersections[node], -kPairHalfSpacing_m), 0.0);
    return_of[node] = add_node("HR" + suffix, "return_junction", offset(layout.intersections[node], kPairHalfSpacing_m), 0.0);
  }
  const Point3 root_point = layout.intersections[root];
  heating.plant_node = add_node("HP1", "plant", {root_point.x_m + 250.0, root_point.y_m, 0.0}, subtree_W[root]);
  add_link("HP1-S", "supply_pipe", heating.plant_node, supply_of[root], subtree_W[root]);
  add_link("HP1-R", "return_pipe", return_of[root], heating.plant_node, subtree_W[root]);
  for (size_t k = 1; k < tree.order.size(); ++k) {
    const int node = tree.order[k];
    const int segment = tree.parent_segment[node];
    const int parent = layout.OtherEnd(segment, node);
    const std::string& id = layout.segments[segment].id;
    add_link("HS" + id, "supply_pipe", supply_of[parent], supply_of[node], subtree_W[node]);
    add_link("HR" + id, "return_pipe", return_of[node], return_of[parent], subtree_W[node]);
  }
  for (size_t d = 0; d < districts.districts.size(); ++d) {
    const District& district = districts.districts[d];
    const Point3 entry = layout.intersections[district.entry_node];
    const int substation = add_node("SS-" + district.id, "substation", {entry.x_m + 15.0, entry.y_m + 20.0, 0.0},
                                    district_load_W[d]);
    add_link("SSs-" + district.id, "supply_pipe", supply_of[district.entry_node], substation, district_load_W[d]);
    add_link("SSr-" + district.id, "return_pipe", substation, return_of[district.entry_node], district_load_W[d]);
  }
  return heating;
}

NetworkGraph BuildHeatingGraph(const HeatingNetwork& heating) {
  NetworkGraphBuilder builder("heating");
  for (const HeatingNode& node : heating.nodes) builder.AddNode({node.id, node.kind, node.position});
  for (const HeatingLink& link : heating.links) {
    builder.AddLink({link.id, link.kind, link.length_m, false}, heating.nodes[link.from].id, heating.nodes[link.to].id);
  }
  return builder.Build();
}

void WriteHeatingJson(const HeatingNetwork& heating, const std::string& path) {
  TextFileWriter out(path);
  out.Print("{{\n  \"format\": \"lifeline-city-heating\",\n  \"version\": 1,\n  \"system\": \"heating\",\n");
  out.Print("  \"supply_temperature_C\": {},\n  \"return_temperature_C\": {},\n", heating.supply_temperature_C,
            heating.return_temperature_C);
  WriteJsonArray(out, "nodes", heating.nodes.size(), [&](size_t k) {
    const HeatingNode& node = heating.nodes[k];
    return OrderedJson{{"id", node.id},
                       {"kind", node.kind},
                       {"x_m", Rounded(node.position.x_m, 2)},
                       {"y_m", Rounded(node.position.y_m, 2)},
                       {"z_m", Rounded(node.position.z_m, 3)},
                       {"ground_m", Rounded(node.ground_elevation_m, 3)},
                       {"design_load_W", Rounded(node.design_load_W, 0)}};
  }, false);
  WriteJsonArray(out, "links", heating.links.size(), [&](size_t k) {
    const HeatingLink& link = heating.links[k];
    return OrderedJson{{"id", link.id},
                       {"kind", link.kind},
                       {"from", heating.nodes[link.from].id},
                       {"to", heating.nodes[link.to].id},
                       {"length_m", Rounded(link.length_m, 2)},
                       {"diameter_m", link.diameter_m},
                       {"design_load_W", Rounded(link.design_load_W, 0)},
                       {"design_flow_m3_per_s", Rounded(link.design_flow_m3_per_s, 6)}};
  }, true);
  out.Print("}}\n");
  out.Close();
}

}  // namespace lifeline::city
