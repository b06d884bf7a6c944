// Designs the demo city's gas network and writes it as JSON (see gas_city_writer.h).
#include "scenarios/city/gas_city_writer.h"

#include <fmt/format.h>

#include <cstdlib>

#include "scenarios/city/json_lines.h"
#include "scenarios/city/pipe_sizing.h"

namespace lifeline::city {
namespace {

constexpr double kMediumPressure_Pa = 0.3e6;
constexpr double kLowPressure_Pa = 2.5e3;
constexpr double kGateInletPressure_Pa = 0.8e6;
constexpr double kAtmosphere_Pa = 101325.0;
constexpr double kMaxMpVelocity_m_per_s = 15.0;
constexpr double kMaxLpVelocity_m_per_s = 6.0;

double BlockGasLoad_Nm3_per_s(const Block& block) {
  double rate_per_ha = 0.0;
  if (block.land_use == LandUse::kCommercial) rate_per_ha = 5.0;
  if (block.land_use == LandUse::kIndustrial) rate_per_ha = 20.0;
  return (0.1 * block.population + rate_per_ha * block.area_m2 / 1e4) / 3600.0;
}

// Actual volume flow at a gauge pressure, m3/s (isothermal, ideal gas).
double ActualFlow_m3_per_s(double normal_flow, double gauge_pressure_Pa) {
  return normal_flow * kAtmosphere_Pa / (kAtmosphere_Pa + gauge_pressure_Pa);
}

}  // namespace

GasNetwork DesignGasNetwork(const CityLayout& layout, const Districts& districts, const BurialDepths& burial) {
  GasNetwork gas;
  const int intersection_count = static_cast<int>(layout.intersections.size());
  std::vector<double> load(intersection_count, 0.0);
  for (const Block& block : layout.blocks) load[block.corner_nodes[2]] += BlockGasLoad_Nm3_per_s(block);
  std::vector<double> subtree = load;
  for (const District& district : districts.districts) {
    for (auto it = district.order.rbegin(); it != district.order.rend(); ++it) {
      subtree[layout.OtherEnd(districts.parent_segment[*it], *it)] += subtree[*it];
    }
  }
  std::vector<int> node_of(intersection_count, -1);
  auto add_node = [&](std::string id, std::string kind, std::string pressure_class, const Point3& ground,
                      double pressure_Pa, double load_Nm3_per_s) {
    gas.nodes.push_back({std::move(id), std::move(kind), std::move(pressure_class), ground, ground.z_m, pressure_Pa,
                         load_Nm3_per_s});
    return static_cast<int>(gas.nodes.size()) - 1;
  };
  auto add_link = [&](GasLink link) {
    GasNode& to = gas.nodes[link.to];
    to.position.z_m = to.ground_elevation_m - burial.gas_cover_m - 0.5 * link.diameter_m;
    gas.links.push_back(std::move(link));
  };
  auto mp_diameter = [&](double flow) {
    return PressurePipeDiameter_m(ActualFlow_m3_per_s(flow, kMediumPressure_Pa), kMaxMpVelocity_m_per_s, 0.2,
                                  GasDiameters_m());
  };

  // City gate east of the city, on the main row nearest the middle of the southern half.
  int gate_row = 0;
  for (int row = 0; row < layout.river_block_row; ++row) {
    if (layout.main_row[row] && std::abs(row - layout.river_block_row / 2) < std::abs(gate_row - layout.river_block_row / 2)) {
      gate_row = row;
    }
  }
  const int root = layout.NodeAt(layout.size_blocks, gate_row);
  const StreetTree mains = MainStreetTree(layout, root);
  for (auto it = mains.order.rbegin(); it + 1 != mains.order.rend(); ++it) {
    subtree[layout.OtherEnd(mains.parent_segment[*it], *it)] += subtree[*it];
  }
  for (const int node : mains.order) {
    node_of[node] = add_node(fmt::format("G{}_{}", layout.ColumnOf(node), layout.RowOf(node)), "junction", "MP-A",
                             layout.intersections[node], kMediumPressure_Pa, 0.0);
  }
  const Point3 root_point = layout.intersections[root];
  Point3 gate_point{root_point.x_m + 200.0, root_point.y_m, 0.0};
  gate_point.z_m = layout.terrain.Elevation_m(gate_point.x_m, gate_point.y_m);
  gas.gate_node = add_node("GG1", "city_gate", "SHP-B", gate_point, kGateInletPressure_Pa, 0.0);
  gas.nodes[gas.gate_node].position.z_m = gate_point.z_m - burial.gas_cover_m;
  add_link({"GP-GATE", "pipe", "MP-A", gas.gate_node, node_of[root], 200.0, mp_diameter(subtree[root]), "steel", true,
            subtree[root]});

  // Medium-pressure network along every main street, oriented from the gate.
  std::vector<int> rank(intersection_count, -1);
  for (size_t k = 0; k < mains.order.size(); ++k) rank[mains.order[k]] = static_cast<int>(k);
  for (int segment = 0; segment < static_cast<int>(layout.segments.size()); ++segment) {
    if (!layout.IsMainSegment(segment)) continue;
    const StreetSegment& s = layout.segments[segment];
    const bool forward = rank[s.from_node] < rank[s.to_node];
    const int from = forward ? s.from_node : s.to_node, to = forward ? s.to_node : s.from_node;
    const bool in_tree = mains.parent_segment[to] == segment;
    const double flow = in_tree ? subtree[to] : 0.0;
    const bool crossing = layout.main_column[layout.ColumnOf(from)] && layout.main_row[layout.RowOf(from)];
    add_link({fmt::format("GP{}", s.id), "pipe", "MP-A", node_of[from], node_of[to], s.length_m, mp_diameter(flow),
              "PE", crossing, flow});
  }

  // District regulators and low-pressure branches.
  for (const District& district : districts.districts) {
    const Point3 entry = layout.intersections[district.entry_node];
    const int outlet = add_node(fmt::format("GR-{}", district.id), "regulator_outlet", "LP",
                                {entry.x_m + 3.0, entry.y_m + 3.0, entry.z_m}, kLowPressure_Pa, 0.0);
    const int first = district.order.front();
    add_link({fmt::format("REG-{}", district.id), "regulator", "LP", node_of[district.entry_node], outlet, 0.0, 0.0, "",
              false, subtree[first]});
    for (const int node : district.order) {
      node_of[node] = add_node(fmt::format("GL{}_{}", layout.ColumnOf(node), layout.RowOf(node)), "junction", "LP",
                               layout.intersections[node], kLowPressure_Pa, load[node]);
      const int segment = districts.parent_segment[node];
      const int parent = node == first ? outlet : node_of[layout.OtherEnd(segment, node)];
      add_link({fmt::format("GL{}", layout.segments[segment].id), "pipe", "LP", parent, node_of[node],
                layout.segments[segment].length_m,
                PressurePipeDiameter_m(ActualFlow_m3_per_s(subtree[node], kLowPressure_Pa), kMaxLpVelocity_m_per_s,
                                       0.1, GasDiameters_m()),
                "PE", false, subtree[node]});
    }
  }
  for (const int node : mains.order) gas.nodes[node_of[node]].design_load_Nm3_per_s = load[node];
  return gas;
}

NetworkGraph BuildGasGraph(const GasNetwork& gas) {
  NetworkGraphBuilder builder("gas");
  for (const GasNode& node : gas.nodes) builder.AddNode({node.id, node.kind, node.position});
  for (const GasLink& link : gas.links) {
    builder.AddLink({link.id, link.kind, link.length_m, link.isolation_valve}, gas.nodes[link.from].id,
                    gas.nodes[link.to].id);
  }
  return builder.Build();
}

void WriteGasJson(const GasNetwork& gas, const std::string& path) {
  TextFileWriter out(path);
  out.Print("{{\n  \"format\": \"lifeline-city-gas\",\n  \"version\": 1,\n  \"system\": \"gas\",\n");
  const OrderedJson classes = OrderedJson::array({
      {{"name", "SHP-B"}, {"min_gauge_Pa", 0.4e6}, {"max_gauge_Pa", 0.8e6}},
      {{"name", "MP-A"}, {"min_gauge_Pa", 0.2e6}, {"max_gauge_Pa", 0.4e6}},
      {{"name", "MP-B"}, {"min_gauge_Pa", 0.01e6}, {"max_gauge_Pa", 0.2e6}},
      {{"name", "LP"}, {"min_gauge_Pa", 0.0}, {"max_gauge_Pa", 0.01e6}},
  });
  out.Print("  \"pressure_classes\": {},\n", classes.dump());
  WriteJsonArray(out, "nodes", gas.nodes.size(), [&](size_t k) {
    const GasNode& node = gas.nodes[k];
    return OrderedJson{{"id", node.id},
                       {"kind", node.kind},
                       {"pressure_class", node.pressure_class},
                       {"x_m", Rounded(node.position.x_m, 2)},
                       {"y_m", Rounded(node.position.y_m, 2)},
                       {"z_m", Rounded(node.position.z_m, 3)},
                       {"ground_m", Rounded(node.ground_elevation_m, 3)},
                       {"design_pressure_Pa", node.design_pressure_Pa},
                       {"design_load_Nm3_per_s", Rounded(node.design_load_Nm3_per_s, 6)}};
  }, false);
  WriteJsonArray(out, "links", gas.links.size(), [&](size_t k) {
    const GasLink& link = gas.links[k];
    return OrderedJson{{"id", link.id},
                       {"kind", link.kind},
                       {"pressure_class", link.pressure_class},
                       {"from", gas.nodes[link.from].id},
                       {"to", gas.nodes[link.to].id},
                       {"length_m", Rounded(link.length_m, 2)},
                       {"diameter_m", link.diameter_m},
                       {"material", link.material},
                       {"isolation_valve", link.isolation_valve},
                       {"design_flow_Nm3_per_s", Rounded(link.design_flow_Nm3_per_s, 6)}};
  }, true);
  out.Print("}}\n");
  out.Close();
}

}  // namespace lifeline::city
