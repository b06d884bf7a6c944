// Tests models/gas/city_gas_reader.cc and the regulators of gas_steady.cc on a
// small network in the demo city's gas format: set-points held, mass balance,
// a regulator pushed backwards shuts, a starved regulator locks out.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/error.h"
#include "models/gas/city_gas_reader.h"
#include "models/gas/gas_steady.h"

namespace lifeline::gas {
namespace {

// A gate, two MP junctions, two district regulators into one LP main.
constexpr const char* kDistrict = R"({"format": "lifeline-city-gas", "version": 1, "system": "gas",
  "nodes": [
    {"id": "GG1", "kind": "city_gate", "pressure_class": "SHP-B", "x_m": 0, "y_m": 0, "z_m": 40, "ground_m": 41,
     "design_pressure_Pa": 800000, "design_load_Nm3_per_s": 0},
    {"id": "A", "kind": "junction", "pressure_class": "MP-A", "x_m": 200, "y_m": 0, "z_m": 40, "ground_m": 41,
     "design_pressure_Pa": 300000, "design_load_Nm3_per_s": 0.05},
    {"id": "B", "kind": "junction", "pressure_class": "MP-A", "x_m": 700, "y_m": 0, "z_m": 38, "ground_m": 39,
     "design_pressure_Pa": 300000, "design_load_Nm3_per_s": 0},
    {"id": "GR-D1", "kind": "regulator_outlet", "pressure_class": "LP", "x_m": 700, "y_m": 3, "z_m": 38, "ground_m": 39,
     "design_pressure_Pa": 2500, "design_load_Nm3_per_s": 0},
    {"id": "GR-D2", "kind": "regulator_outlet", "pressure_class": "LP", "x_m": 200, "y_m": 3, "z_m": 40, "ground_m": 41,
     "design_pressure_Pa": 2000, "design_load_Nm3_per_s": 0},
    {"id": "L1", "kind": "junction", "pressure_class": "LP", "x_m": 700, "y_m": 300, "z_m": 39, "ground_m": 40,
     "design_pressure_Pa": 2500, "design_load_Nm3_per_s": 0.004},
    {"id": "L2", "kind": "junction", "pressure_class": "LP", "x_m": 400, "y_m": 300, "z_m": 41, "ground_m": 42,
     "design_pressure_Pa": 2500, "design_load_Nm3_per_s": 0.003}
  ],
  "links": [
    {"id": "GP-GATE", "kind": "pipe", "pressure_class": "MP-A", "from": "GG1", "to": "A", "length_m": 200,
     "diameter_m": 0.2, "material": "steel", "isolation_valve": true, "design_flow_Nm3_per_s": 0},
    {"id": "GP1", "kind": "pipe", "pressure_class": "MP-A", "from": "A", "to": "B", "length_m": 500,
     "diameter_m": 0.2, "material": "PE", "isolation_valve": false, "design_flow_Nm3_per_s": 0},
    {"id": "REG-D1", "kind": "regulator", "pressure_class": "LP", "from": "B", "to": "GR-D1", "length_m": 0,
     "diameter_m": 0, "material": "", "isolation_valve": false, "design_flow_Nm3_per_s": 0},
    {"id": "REG-D2", "kind": "regulator", "pressure_class": "LP", "from": "A", "to": "GR-D2", "length_m": 0,
     "diameter_m": 0, "material": "", "isolation_valve": false, "design_flow_Nm3_per_s": 0},
    {"id": "GL1", "kind": "pipe", "pressure_class": "LP", "from": "GR-D1", "to": "L1", "length_m": 300,
     "diameter_m": 0.1, "material": "PE", "isolation_valve": false, "design_flow_Nm3_per_s": 0},
    {"id": "GL2", "kind": "pipe", "pressure_class": "LP", "from": "L1", "to": "L2", "length_m": 300,
     "diameter_m": 0.1, "material": "PE", "isolation_valve": false, "design_flow_Nm3_per_s": 0},
    {"id": "GL3", "kind": "pipe", "pressure_class": "LP", "from": "GR-D2", "to": "L2", "length_m": 300,
     "diameter_m": 0.1, "material": "PE", "isolation_valve": false, "design_flow_Nm3_per_s": 0}
  ]})";

TEST(CityGasReader, ReadsGateRegulatorsAndLoads) {
  const GasNetwork network = ReadCityGasJson(kDistrict, "gas.json");
  EXPECT_EQ(network.graph.node_count(), 7);
  EXPECT_EQ(network.graph.link_count(), 7);
  const NodeIndex gate = network.graph.NodeIndexOf("GG1");
  // the gate holds the design pressure of the MP node it feeds
  EXPECT_NEAR(*network.junctions[gate].fixed_pressure_Pa - AmbientPressure_Pa(40.0), 300000.0, 1e-9);
  EXPECT_NEAR(network.junctions[network.graph.NodeIndexOf("L1")].sink_kg_per_s, 0.004 * 0.7174, 1e-15);
  const Link& regulator = network.links[network.graph.LinkIndexOf("REG-D1")];
  EXPECT_EQ(regulator.kind, LinkKind::kRegulator);
  EXPECT_NEAR(regulator.outlet_set_pressure_Pa - AmbientPressure_Pa(38.0), 2500.0, 1e-9);
  EXPECT_TRUE(network.graph.link(network.graph.LinkIndexOf("GP-GATE")).is_isolation_valve);
}

TEST(CityGasSteady, RegulatorHoldsItsSetPointAndTheOtherShuts) {
  const GasNetwork network = ReadCityGasJson(kDistrict, "gas.json");
  const GasSteadyResult result = SolveGasSteady(network);
  const NetworkGraph& graph = network.graph;
  // REG-D1 (2.5 kPa) feeds the whole LP main; REG-D2 (2.0 kPa) would be pushed backwards, so it shuts
  EXPECT_NEAR(result.gauge_pressure_Pa[graph.NodeIndexOf("GR-D1")], 2500.0, 1e-6);
  EXPECT_EQ(result.mass_flow_kg_per_s[graph.LinkIndexOf("REG-D2")], 0.0);
  EXPECT_NEAR(result.mass_flow_kg_per_s[graph.LinkIndexOf("REG-D1")], (0.004 + 0.003) * 0.7174, 1e-12);
  EXPECT_GT(result.gauge_pressure_Pa[graph.NodeIndexOf("GR-D2")], 2000.0);  // its outlet sits above its set-point
  // the gate supplies every load
  EXPECT_NEAR(result.mass_flow_kg_per_s[graph.LinkIndexOf("GP-GATE")], (0.05 + 0.004 + 0.003) * 0.7174, 1e-12);
  EXPECT_LT(result.gauge_pressure_Pa[graph.NodeIndexOf("L2")], result.gauge_pressure_Pa[graph.NodeIndexOf("L1")] + 200.0);
}

TEST(CityGasSteady, AStarvedRegulatorLocksOutAndIsNamed) {
  std::string starved = kDistrict;
  // the MP nodes designed for 5 kPa: the gate holds 5 kPa, below 2.5 kPa + 10 kPa
  for (size_t at; (at = starved.find("\"design_pressure_Pa\": 300000")) != std::string::npos;) {
    starved.replace(at, 28, "\"design_pressure_Pa\": 5000");
  }
  const GasNetwork network = ReadCityGasJson(starved, "gas.json");
  try {
    SolveGasSteady(network);
    FAIL() << "a starved regulator locks out";
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value()) << e.what();
    EXPECT_EQ(e.element()->id.substr(0, 4), "REG-");
    EXPECT_NE(std::string(e.what()).find("locked out"), std::string::npos) << e.what();
  }
}

TEST(CityGasReader, UnknownMaterialNamesThePipe) {
  std::string bad = kDistrict;
  bad.replace(bad.find("\"material\": \"steel\""), 19, "\"material\": \"clay\"");
  try {
    ReadCityGasJson(bad, "gas.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value());
    EXPECT_EQ(e.element()->id, "GP-GATE");
  }
}

}  // namespace
}  // namespace lifeline::gas
