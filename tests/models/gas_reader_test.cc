// Tests models/gas/pandapipes_reader.cc: what it reads from the converted
// pandapipes files, ids, unit conversions, and errors that name the file and element.
#include <gtest/gtest.h>

#include <string>

#include "engine/error.h"
#include "models/gas/pandapipes_reader.h"
#include "tests/support/shared_data.h"

namespace lifeline::gas {
namespace {

GasNetwork Stanet(const std::string& name) {
  return ReadPandapipesJsonFile(testing::SharedDataFile("gas/pandapipes_stanet/simple/" + name + ".json"));
}

TEST(PandapipesReader, ReadsEveryComponentOfVersatility) {
  const GasNetwork network = Stanet("versatility_PC");
  EXPECT_EQ(network.graph.system(), "gas");
  EXPECT_EQ(network.graph.node_count(), 12);
  EXPECT_EQ(network.graph.link_count(), 15);  // 12 pipes, 2 valves, 1 pump
  EXPECT_EQ(network.friction, FrictionModel::kColebrook);
  EXPECT_DOUBLE_EQ(network.fluid.normal_density_kg_per_m3, 0.84);
  EXPECT_DOUBLE_EQ(network.fluid.z_slope_per_Pa, 0.0);

  const NodeIndex ext1 = network.graph.NodeIndexOf("ext1");
  ASSERT_TRUE(network.junctions[ext1].fixed_pressure_Pa.has_value());
  EXPECT_NEAR(*network.junctions[ext1].fixed_pressure_Pa, 3e5 + 101325.0, 1e-9);  // gauge + ambient at 0 m
  EXPECT_NEAR(network.junctions[network.graph.NodeIndexOf("source1")].sink_kg_per_s, -0.001166666666667, 1e-15);
  EXPECT_NEAR(network.junctions[network.graph.NodeIndexOf("sink5")].sink_kg_per_s, 0.001166666666667, 1e-15);

  const Link& pipe = network.links[network.graph.LinkIndexOf("pipe_source2_sink1")];
  EXPECT_EQ(pipe.kind, LinkKind::kPipe);
  EXPECT_DOUBLE_EQ(network.graph.link(network.graph.LinkIndexOf("pipe_source2_sink1")).length_m, 10000.0);
  EXPECT_DOUBLE_EQ(pipe.roughness_m, 2e-3);
  EXPECT_DOUBLE_EQ(pipe.loss_coefficient, 2000.0);
  EXPECT_DOUBLE_EQ(*pipe.reference_velocity_m_per_s, 2.2316);

  const Link& valve = network.links[network.graph.LinkIndexOf("valve_aux_sink3_sink3")];
  EXPECT_EQ(valve.kind, LinkKind::kValve);
  EXPECT_FALSE(valve.open);
  const Link& pump = network.links[network.graph.LinkIndexOf("pump_0")];  // unnamed in the file
  EXPECT_EQ(pump.kind, LinkKind::kPump);
  ASSERT_EQ(pump.pump.coefficients_bar_per_m3_per_h.size(), 3u);
  EXPECT_DOUBLE_EQ(pump.pump.coefficients_bar_per_m3_per_h[2], 6.099999999999999);
}

TEST(PandapipesReader, LinearCompressibilityHeightsAndRepeatedNames) {
  const GasNetwork pumps = Stanet("pumps_N");
  EXPECT_NEAR(pumps.fluid.z_slope_per_Pa, -0.0022e-5, 1e-20);
  // 7 bar gauge at 100 m: ambient 1.00129 bar; STANET's K = 0.9824 there
  const NodeIndex ext1 = pumps.graph.NodeIndexOf("ext1");
  EXPECT_NEAR(pumps.fluid.Compressibility(*pumps.junctions[ext1].fixed_pressure_Pa), 0.9824, 1e-4);
  // two_valves_N names two junctions "aux_K1017": both get index ids
  const GasNetwork valves = Stanet("two_valves_N");
  EXPECT_TRUE(valves.graph.FindNode("junction_6").has_value());
  EXPECT_TRUE(valves.graph.FindNode("junction_7").has_value());
  EXPECT_FALSE(valves.graph.FindNode("aux_K1017").has_value());
}

TEST(PandapipesReader, ErrorsNameTheFileAndTheElement) {
  try {
    ReadPandapipesJson("{\n \"tables\": {\n  \"junction\": [,]\n }\n}", "broken.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.file().has_value());
    EXPECT_EQ(e.file()->path, "broken.json");
    EXPECT_EQ(e.file()->line, 3);
  }
  const std::string bad_pipe = R"({"friction_model": "nikuradse",
    "fluid": {"type": "gas", "properties": {"density": {"kind": "constant", "value": 0.84},
      "viscosity": {"kind": "constant", "value": 1.193e-5}, "compressibility": {"kind": "constant", "value": 1.0}}},
    "tables": {"junction": [{"index": 0, "name": "A", "height_m": 0, "tfluid_k": 283.15}],
      "pipe": [{"index": 0, "name": "P9", "from_junction": 0, "to_junction": 5, "length_km": 1,
                "diameter_m": 0.1, "k_mm": 0.1, "loss_coefficient": 0}]}})";
  try {
    ReadPandapipesJson(bad_pipe, "net.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value());
    EXPECT_EQ(e.element()->id, "P9");
    EXPECT_NE(std::string(e.what()).find("net.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("to_junction"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ReadPandapipesJsonFile("/nonexistent/net.json"), Error);
}

}  // namespace
}  // namespace lifeline::gas
