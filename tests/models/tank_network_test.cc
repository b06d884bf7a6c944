// Tests for models/tank_network: reader, equations (against hand results and
// finite differences) and the extended-period simulation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "engine/jacobian_check.h"
#include "engine/steady_solver.h"
#include "models/tank_network/tank_network_equations.h"
#include "models/tank_network/tank_network_reader.h"
#include "models/tank_network/tank_network_simulation.h"

namespace lifeline::tank_network {
namespace {

// A reservoir feeding one junction (10 L/s) through 1 km of 200 mm pipe, f = 0.02.
constexpr const char* kOnePipe = R"({
  "nodes": [
    {"id": "R", "kind": "reservoir", "x_m": 0, "y_m": 0, "elevation_m": 50, "head_m": 60},
    {"id": "J", "kind": "junction", "x_m": 1000, "y_m": 0, "elevation_m": 10, "demand_lps": 10}
  ],
  "pipes": [{"id": "P", "from": "R", "to": "J", "length_m": 1000, "diameter_m": 0.2, "friction_factor": 0.02}]
})";

// A tank alone feeding a junction: its level falls linearly, d/A per second.
constexpr const char* kDrainingTank = R"({
  "duration_h": 2, "report_step_min": 30,
  "nodes": [
    {"id": "T", "kind": "tank", "x_m": 0, "y_m": 0, "elevation_m": 40, "area_m2": 100, "level_m": 5, "max_level_m": 6},
    {"id": "J", "kind": "junction", "x_m": 500, "y_m": 0, "elevation_m": 5, "demand_lps": 5}
  ],
  "pipes": [{"id": "P", "from": "T", "to": "J", "length_m": 500, "diameter_m": 0.15, "friction_factor": 0.02}]
})";

TEST(TankNetworkReader, ReadsTheBuiltInNetwork) {
  const TankNetwork network = ReadTankNetworkJson(BuiltinTankNetworkJson(), "<built-in>");
  EXPECT_EQ(network.graph.node_count(), 10);
  EXPECT_EQ(network.graph.link_count(), 12);
  EXPECT_DOUBLE_EQ(network.duration_s, 86400.0);
  EXPECT_DOUBLE_EQ(network.report_step_s, 900.0);
  ASSERT_EQ(network.patterns.size(), 1u);
  // 17.5 L/s at J5 times the 07:00 multiplier 1.5
  EXPECT_NEAR(network.DemandAt(network.graph.NodeIndexOf("J5"), 7.5 * 3600.0), 0.0175 * 1.5, 1e-15);
}

TEST(TankNetworkReader, MalformedInputNamesTheLineOrElement) {
  try {
    ReadTankNetworkJson("{\n  \"nodes\": [\n    {\"id\": \"J\",, }\n  ]\n}", "bad.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.file().has_value());
    EXPECT_EQ(e.file()->path, "bad.json");
    EXPECT_EQ(e.file()->line, 3);
  }
  std::string unknown_pattern = kOnePipe;
  unknown_pattern.replace(unknown_pattern.find("\"demand_lps\": 10"), 16, "\"demand_lps\": 10, \"pattern\": \"x\"");
  try {
    ReadTankNetworkJson(unknown_pattern, "p.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.element()->id, "J");
    EXPECT_THAT(e.what(), ::testing::HasSubstr("unknown pattern 'x'"));
  }
  std::string negative = kOnePipe;
  negative.replace(negative.find("\"diameter_m\": 0.2"), 17, "\"diameter_m\": -0.2");
  EXPECT_THROW(ReadTankNetworkJson(negative, "n.json"), Error);
}

TEST(TankNetworkEquations, SteadyHeadMatchesDarcyWeisbachByHand) {
  const TankNetwork network = ReadTankNetworkJson(kOnePipe, "one-pipe");
  SteadyEquations steady(network, {}, 0.0);
  std::vector<double> x{40.0, 0.0};
  SolveSteady(steady, x);
  // h_f = 8 f L Q^2 / (g pi^2 D^5)
  const double q = 0.010;
  const double loss = 8.0 * 0.02 * 1000.0 * q * q / (9.80665 * std::numbers::pi * std::numbers::pi * std::pow(0.2, 5));
  EXPECT_NEAR(x[0], 60.0 - loss, 1e-6);
  EXPECT_NEAR(x[1], q, 1e-12);
}

TEST(TankNetworkEquations, AnalyticJacobiansMatchFiniteDifferences) {
  const TankNetwork network = ReadTankNetworkJson(BuiltinTankNetworkJson(), "<built-in>");
  SteadyEquations steady(network, {4.0}, 3600.0);
  std::vector<double> x(steady.size());
  for (size_t k = 0; k < x.size(); ++k) x[k] = k < 8 ? 60.0 - static_cast<double>(k) : 0.01 * static_cast<double>(k) - 0.05;
  SparseMatrix analytic;
  steady.Jacobian(x, analytic);
  EXPECT_LT(MaxRelativeDifference(analytic, FiniteDifferenceJacobian(steady, x)), 1e-6);

  TransientEquations transient(network);
  std::vector<double> y(x);
  y.push_back(4.5);
  const std::vector<double> yp(y.size(), 0.001);
  transient.Jacobian(3600.0, y, yp, 25.0, analytic);
  EXPECT_LT(MaxRelativeDifference(analytic, FiniteDifferenceJacobian(transient, 3600.0, y, yp, 25.0)), 1e-6);
}

TEST(TankNetworkSimulation, ATankDrainsAtExactlyTheDemand) {
  const TankNetwork network = ReadTankNetworkJson(kDrainingTank, "draining");
  const SimulationSummary summary = Simulate(network, nullptr, {false, {}});
  // 5 L/s for 2 h out of 100 m2: 36 m3, 0.36 m
  EXPECT_NEAR(summary.initial_volume_m3 - summary.final_volume_m3, 36.0, 1e-4);
  EXPECT_EQ(summary.report_steps, 5);
}

TEST(TankNetworkSimulation, ATankRunningDryIsAnErrorNamingIt) {
  std::string text = kDrainingTank;
  text.replace(text.find("\"level_m\": 5"), 12, "\"level_m\": 0.2");
  const TankNetwork network = ReadTankNetworkJson(text, "dry");
  try {
    Simulate(network, nullptr, {false, {}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.element()->id, "T");
    EXPECT_THAT(e.what(), ::testing::HasSubstr("ran dry"));
  }
}

}  // namespace
}  // namespace lifeline::tank_network
