// Tests scenarios/city/ (water_network, drainage_network, gas_city_writer, heating_city_writer,
// street_network, bridge_city_writer): every network is connected from its sources, sewers fall
// downstream within the documented depths, water diameters never grow away from the source.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/error.h"
#include "models/bridge/bridge_reader.h"
#include "scenarios/city/city_model.h"
#include "tests/scenarios/city_test_support.h"

namespace lifeline::city {
namespace {

struct CityCase {
  std::uint64_t seed;
  int size_blocks;
};

class CityNetworks : public ::testing::TestWithParam<CityCase> {
 protected:
  void SetUp() override {
    CityOptions options;
    options.seed = GetParam().seed;
    options.size_blocks = GetParam().size_blocks;
    model_ = GenerateCityModel(options);
  }
  CityModel model_;
};

bool AllTrue(const std::vector<bool>& flags) { return std::all_of(flags.begin(), flags.end(), [](bool f) { return f; }); }

TEST_P(CityNetworks, StreetGraphIsOneIsland) {
  const NetworkGraph streets = BuildStreetGraph(model_.layout);
  EXPECT_EQ(streets.ConnectedComponents().count, 1);
  EXPECT_GE(model_.layout.bridges.size(), 2u);
}

TEST_P(CityNetworks, TheValleyIsSteeperThanTheTerrainWaves) {
  // What keeps the ground falling toward the river, which the trunk sewers follow.
  const Terrain& terrain = model_.layout.terrain;
  EXPECT_LT(terrain.MaxWaveSlope(), terrain.valley_slope_per_m);
  const double x = 0.5 * model_.layout.extent_m(), y_river = terrain.river.CentreY_m(x);
  EXPECT_GT(terrain.Elevation_m(x, y_river + 500.0), terrain.Elevation_m(x, y_river + 100.0));
  EXPECT_GT(terrain.Elevation_m(x, y_river - 500.0), terrain.Elevation_m(x, y_river - 100.0));
}

TEST_P(CityNetworks, WaterReachesEveryNodeDownstreamFromTheReservoir) {
  const NetworkGraph water = BuildWaterGraph(model_.water);
  const NodeIndex reservoir = water.NodeIndexOf("R1");
  const std::vector<NodeIndex> sources{reservoir};
  EXPECT_TRUE(AllTrue(water.NodesReachableFrom(sources)));
  // Following the design orientation alone also reaches every node.
  EXPECT_EQ(static_cast<int>(water.Trace(reservoir, TraceDirection::kDownstream).nodes.size()), water.node_count());
}

TEST_P(CityNetworks, WaterDiametersNeverGrowAwayFromTheSource) {
  const WaterNetwork& water = model_.water;
  std::vector<double> largest_in_m(water.nodes.size(), 0.0);
  for (const WaterLink& link : water.links) {
    // A pump passes whatever its suction main carries: it does not limit the diameter after it.
    const double carried_m = link.kind == WaterLinkKind::kPump ? 1e9 : link.diameter_m;
    largest_in_m[link.to] = std::max(largest_in_m[link.to], carried_m);
  }
  for (const WaterLink& link : water.links) {
    if (link.kind == WaterLinkKind::kPump) continue;
    EXPECT_GE(largest_in_m[link.from] + 1e-12, link.diameter_m)
        << link.id << " is larger than every link feeding " << water.nodes[link.from].id;
  }
  double transmission_m = 0.0, smallest_m = 1e9;
  for (const WaterLink& link : water.links) {
    if (link.id == "P-TM1") transmission_m = link.diameter_m;
    if (link.kind == WaterLinkKind::kPipe) smallest_m = std::min(smallest_m, link.diameter_m);
  }
  EXPECT_GT(transmission_m, smallest_m);
  EXPECT_GE(smallest_m, 0.1);
}

TEST_P(CityNetworks, WaterHasThePlannedAssets) {
  int prvs = 0, isolation_valves = 0;
  for (const WaterLink& link : model_.water.links) {
    prvs += link.kind == WaterLinkKind::kPressureReducingValve;
    isolation_valves += link.kind == WaterLinkKind::kIsolationValve;
  }
  EXPECT_GT(prvs, 0);
  EXPECT_GT(isolation_valves, prvs);
  EXPECT_GE(model_.water.tank.node, 0);
  EXPECT_GT(model_.water.pump_design_head_m, 0.0);
  double mean = 0.0;
  for (const double m : model_.water.demand_pattern) mean += m / 24.0;
  EXPECT_NEAR(mean, 1.0, 1e-9);
  // Junctions lie below the ground by at least the distribution cover.
  for (const WaterNode& node : model_.water.nodes) {
    if (node.kind != "junction") continue;
    EXPECT_LE(node.position.z_m, node.ground_elevation_m - model_.options.burial.water_distribution_cover_m + 1e-9)
        << node.id;
  }
}

TEST_P(CityNetworks, EveryManholeDrainsToAnOutfall) {
  const NetworkGraph drainage = BuildDrainageGraph(model_.drainage);
  std::vector<NodeIndex> outfalls;
  for (const int k : model_.drainage.outfalls) outfalls.push_back(drainage.NodeIndexOf(model_.drainage.manholes[k].id));
  EXPECT_TRUE(AllTrue(drainage.NodesReachableFrom(outfalls)));
  std::set<NodeIndex> drained;
  for (const NodeIndex outfall : outfalls) {
    for (const NodeIndex node : drainage.Trace(outfall, TraceDirection::kUpstream).nodes) drained.insert(node);
  }
  EXPECT_EQ(static_cast<int>(drained.size()), drainage.node_count());
  for (const Subcatchment& sub : model_.drainage.subcatchments) {
    EXPECT_FALSE(model_.drainage.manholes[sub.outlet].is_outfall) << sub.id;
  }
}

TEST_P(CityNetworks, SewersFallDownstreamWithinTheDepthBounds) {
  const DrainageNetwork& drainage = model_.drainage;
  const BurialDepths& burial = model_.options.burial;
  for (const SewerConduit& conduit : drainage.conduits) {
    EXPECT_GE(conduit.Slope(drainage.manholes), 0.0005 - 1e-12) << conduit.id;
    EXPECT_GE(conduit.outlet_offset_m, -1e-9) << conduit.id;
    const Manhole& up = drainage.manholes[conduit.from];
    const double depth_m = up.rim_elevation_m - up.invert_elevation_m;
    EXPECT_GE(depth_m, burial.sewer_min_cover_m + conduit.diameter_m - 1e-9) << up.id;
    EXPECT_LE(depth_m, burial.sewer_max_depth_m) << up.id;
  }
}

TEST_P(CityNetworks, ASewerDeeperThanTheLimitIsAnError) {
  CityOptions options = model_.options;
  options.burial.sewer_max_depth_m = 1.2;  // less than the minimum cover plus the smallest sewer
  EXPECT_THROW(GenerateCityModel(options), Error);
}

TEST_P(CityNetworks, GasReachesEveryNodeFromTheGateThroughRegulators) {
  const NetworkGraph gas = BuildGasGraph(model_.gas);
  const NodeIndex gate = gas.NodeIndexOf("GG1");
  EXPECT_EQ(static_cast<int>(gas.Trace(gate, TraceDirection::kDownstream).nodes.size()), gas.node_count());
  int regulators = 0;
  for (const GasLink& link : model_.gas.links) {
    regulators += link.kind == "regulator";
    if (link.kind == "pipe" && link.pressure_class == "LP") {
      EXPECT_EQ(model_.gas.nodes[link.from].pressure_class, "LP") << link.id;
    }
  }
  EXPECT_EQ(regulators, static_cast<int>(model_.districts.districts.size()));
}

TEST_P(CityNetworks, HeatingReachesEverySubstationFromThePlant) {
  const NetworkGraph heating = BuildHeatingGraph(model_.heating);
  const std::vector<NodeIndex> plant{heating.NodeIndexOf("HP1")};
  EXPECT_TRUE(AllTrue(heating.NodesReachableFrom(plant)));
  int supply = 0, returns = 0, substations = 0;
  for (const HeatingLink& link : model_.heating.links) (link.kind == "supply_pipe" ? supply : returns)++;
  for (const HeatingNode& node : model_.heating.nodes) {
    if (node.kind != "substation") continue;
    ++substations;
    EXPECT_GE(node.design_load_W, 0.0) << node.id;
  }
  EXPECT_EQ(supply, returns);
  EXPECT_EQ(substations, static_cast<int>(model_.districts.districts.size()));
}

TEST_P(CityNetworks, BridgeFilesAreReadByTheBridgeModel) {
  const auto dir = testing::FreshFolder("bridges-" + std::to_string(GetParam().size_blocks));
  const std::vector<std::string> names = WriteBridgeFiles(model_.bridges, dir.string());
  ASSERT_EQ(names.size(), model_.bridges.size());
  int continuous = 0, simple = 0;
  for (size_t k = 0; k < names.size(); ++k) {
    const bridge::BridgeInput input = bridge::ReadBridgeFile((dir / names[k]).string());
    EXPECT_EQ(input.girder.span_length_m.size(), model_.bridges[k].spans_m.size());
    (model_.bridges[k].is_continuous ? continuous : simple)++;
  }
  EXPECT_GE(continuous, 1);
  EXPECT_EQ(simple, 1);
}

TEST_P(CityNetworks, TunnelLiesUnderItsStreetInShortSections) {
  const UtilityTunnel& tunnel = model_.tunnel;
  EXPECT_EQ(tunnel.compartments.size(), 4u);
  ASSERT_FALSE(tunnel.sections.empty());
  for (const TunnelSection& section : tunnel.sections) EXPECT_LE(section.to_station_m - section.from_station_m, 200.0 + 1e-9);
  for (const Point3& p : tunnel.path) {
    EXPECT_LE(p.z_m, model_.layout.terrain.Elevation_m(p.x_m, p.y_m) - model_.options.burial.tunnel_cover_m);
  }
}

INSTANTIATE_TEST_SUITE_P(SmallCities, CityNetworks,
                         ::testing::Values(CityCase{1, 8}, CityCase{42, 13}, CityCase{2026, 18}),
                         [](const ::testing::TestParamInfo<CityCase>& city_case) {
                           return fmt::format("seed{}_size{}", city_case.param.seed, city_case.param.size_blocks);
                         });

}  // namespace
}  // namespace lifeline::city
