// Tests for models/heating/heating_city_reader.cc: a small city heating file
// (the demo city's format, docs/city.md) becomes a network with the plant as a
// differential-pressure source, flow-controlled substations and loads served
// straight from the main; it solves with the energy balance closed.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/error.h"
#include "models/heating/heating_city_reader.h"
#include "models/heating/heating_steady.h"

namespace lifeline::heating {
namespace {

// plant HP1 -> main HS1 -> HS2, with a substation SS-A (4 MW) off HS2 and 2 MW taken straight at HS1
constexpr const char* kCity = R"({
  "format": "lifeline-city-heating", "version": 1, "system": "heating",
  "supply_temperature_C": 120, "return_temperature_C": 60,
  "nodes": [
    {"id": "HP1", "kind": "plant", "x_m": 0, "y_m": 0, "z_m": 40, "ground_m": 41, "design_load_W": 6000000},
    {"id": "HS1", "kind": "supply_junction", "x_m": 500, "y_m": 0, "z_m": 39, "ground_m": 40, "design_load_W": 0},
    {"id": "HR1", "kind": "return_junction", "x_m": 500, "y_m": 1, "z_m": 39, "ground_m": 40, "design_load_W": 0},
    {"id": "HS2", "kind": "supply_junction", "x_m": 1000, "y_m": 0, "z_m": 38, "ground_m": 39, "design_load_W": 0},
    {"id": "HR2", "kind": "return_junction", "x_m": 1000, "y_m": 1, "z_m": 38, "ground_m": 39, "design_load_W": 0},
    {"id": "SS-A", "kind": "substation", "x_m": 1000, "y_m": 30, "z_m": 38, "ground_m": 39, "design_load_W": 4000000}
  ],
  "links": [
    {"id": "HP1-S", "kind": "supply_pipe", "from": "HP1", "to": "HS1", "length_m": 500, "diameter_m": 0.2, "design_load_W": 6000000},
    {"id": "HS1-2", "kind": "supply_pipe", "from": "HS1", "to": "HS2", "length_m": 500, "diameter_m": 0.15, "design_load_W": 4000000},
    {"id": "SSs-A", "kind": "supply_pipe", "from": "HS2", "to": "SS-A", "length_m": 30, "diameter_m": 0.1, "design_load_W": 4000000},
    {"id": "SSr-A", "kind": "return_pipe", "from": "SS-A", "to": "HR2", "length_m": 30, "diameter_m": 0.1, "design_load_W": 4000000},
    {"id": "HR2-1", "kind": "return_pipe", "from": "HR2", "to": "HR1", "length_m": 500, "diameter_m": 0.15, "design_load_W": 4000000},
    {"id": "HP1-R", "kind": "return_pipe", "from": "HR1", "to": "HP1", "length_m": 500, "diameter_m": 0.2, "design_load_W": 6000000}
  ]
})";

TEST(HeatingCity, DesignBecomesASolvableNetwork) {
  const HeatingNetwork network = ReadCityHeatingJson(kCity, "city.json");
  const NetworkGraph& graph = network.graph;
  EXPECT_EQ(graph.node_count(), 8);  // + HP1/return, SS-A/return
  ASSERT_TRUE(graph.FindLink("SS-A").has_value());
  ASSERT_TRUE(graph.FindLink("HS1@direct").has_value());  // 6 MW in, 4 MW on: 2 MW taken at HS1
  EXPECT_NEAR(network.links[*graph.FindLink("HS1@direct")].heat_extracted_W, 2e6, 1e-6);
  EXPECT_EQ(graph.node(graph.link_to(graph.LinkIndexOf("HP1-R"))).id, "HP1/return");
  EXPECT_EQ(graph.node(graph.link_from(graph.LinkIndexOf("SSr-A"))).id, "SS-A/return");

  const SteadyState state = SolveSteadyState(network);
  // every substation passes load / (h(120 C) - h(60 C)); the plant feeds the sum
  const double plant_flow = state.mass_flow_kg_per_s[graph.LinkIndexOf("HP1-S")];
  EXPECT_NEAR(plant_flow, state.mass_flow_kg_per_s[graph.LinkIndexOf("SS-A")] +
                              state.mass_flow_kg_per_s[graph.LinkIndexOf("HS1@direct")], 1e-9);
  EXPECT_NEAR(plant_flow, 6e6 / (4190.0 * 60.0), 0.01 * plant_flow);
  // the plant delivers the loads plus the pipe losses
  EXPECT_NEAR(state.consumer_heat_W, 6e6, 1e-6 * 6e6);
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
  EXPECT_GT(state.pipe_loss_W, 0.0);
  // the substation still sees a positive differential pressure and hot supply
  EXPECT_LT(state.pressure_rise_Pa[graph.LinkIndexOf("SS-A")], 0.0);
  EXPECT_GT(state.temperature_K[graph.NodeIndexOf("SS-A")], 273.15 + 119.0);
}

TEST(HeatingCity, MalformedFilesNameTheProblem) {
  EXPECT_THROW(ReadCityHeatingJson("{\"format\": \"something else\"}", "x.json"), Error);
  std::string broken = kCity;
  broken.replace(broken.find("\"from\": \"HS1\""), 13, "\"from\": \"HS9\"");
  try {
    ReadCityHeatingJson(broken, "city.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.element()->id, "HS1-2");
  }
}

}  // namespace
}  // namespace lifeline::heating
