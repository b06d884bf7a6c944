// Tests for models/heating against analytic cases (../shared/data/heating/pandapipes_analytic):
// temperatures along pipes, at tees and in a loop to 1e-4 relative; a heat
// exchanger; a closed loop with a circulation pump; energy balance to 1e-6.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "models/heating/heating_steady.h"
#include "tests/models/heating_network_sketch.h"
#include "tests/support/shared_data.h"

namespace lifeline::heating {
namespace {

SteadyOptions Exact() {
  SteadyOptions options;
  options.heat_loss = HeatLossLaw::kExactExponential;
  options.water = WaterModel::kConstantProperties;
  return options;
}

// Rows of a ';'-separated analytic file: column name -> values (empty cells skipped).
std::vector<std::map<std::string, std::string>> ReadRows(const std::string& relative_path) {
  std::ifstream file(lifeline::testing::SharedDataFile(relative_path));
  std::string line;
  std::getline(file, line);
  std::vector<std::string> header;
  std::stringstream head(line);
  for (std::string cell; std::getline(head, cell, ';');) header.push_back(cell);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(file, line)) {
    std::stringstream stream(line);
    std::map<std::string, std::string> row;
    size_t k = 0;
    for (std::string cell; std::getline(stream, cell, ';') && k < header.size(); ++k) row[header[k]] = cell;
    rows.push_back(row);
  }
  return rows;
}

void ExpectRelative(double computed, double reference, double tolerance, const std::string& what) {
  EXPECT_LE(std::abs(computed - reference) / std::abs(reference), tolerance)
      << what << ": computed " << computed << ", reference " << reference;
}

TEST(HeatingAnalytic, OnePipeFollowsTheExponentialLaw) {
  // 1 kg/s at 330 K into 5 W/m2K pipe, d = 0.075 m, cp = 4182, 293 K around it; a junction every km
  const auto rows = ReadRows("heating/pandapipes_analytic/Temperature_one_pipe_an.csv");
  NetworkSketch sketch(4182.0);
  sketch.Junction("x0");
  for (size_t k = 1; k < rows.size(); ++k) {
    sketch.Junction(fmt::format("x{}", k));
    sketch.Pipe(fmt::format("p{}", k), fmt::format("x{}", k - 1), fmt::format("x{}", k), 1000.0);
  }
  HeatingNetwork& network = sketch.Build();
  network.ext_grids.push_back({0, 5e5, 330.0});
  network.consumers.push_back({static_cast<NodeIndex>(rows.size() - 1), 1.0});
  const SteadyState state = SolveSteadyState(network, Exact());
  for (size_t k = 0; k < rows.size(); ++k) {
    ExpectRelative(state.temperature_K[k], std::stod(rows[k].at("T")), 1e-4, fmt::format("x = {} m", rows[k].at("l")));
  }
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
}

TEST(HeatingAnalytic, TeeSplittingIntoTwoBranches) {
  NetworkSketch sketch(4182.0);
  for (const char* id : {"feed", "tee", "a", "b"}) sketch.Junction(id);
  sketch.Pipe("main", "feed", "tee", 2500.0);
  sketch.Pipe("to_a", "tee", "a", 2500.0);
  sketch.Pipe("to_b", "tee", "b", 2500.0);
  HeatingNetwork& network = sketch.Build();
  network.ext_grids.push_back({sketch.N("feed"), 5e5, 350.0});
  network.consumers = {{sketch.N("a"), 1.0}, {sketch.N("b"), 1.0}};
  const SteadyState state = SolveSteadyState(network, Exact());
  const auto rows = ReadRows("heating/pandapipes_analytic/Temperature_tee_2ab_1zu_an.csv");
  ExpectRelative(state.temperature_K[sketch.N("tee")], std::stod(rows[1].at("T")), 1e-4, "tee");
  ExpectRelative(state.temperature_K[sketch.N("a")], std::stod(rows[2].at("T")), 1e-4, "branch a");
  ExpectRelative(state.temperature_K[sketch.N("b")], std::stod(rows[3].at("T")), 1e-4, "branch b");
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
}

TEST(HeatingAnalytic, TwoFeedsMergingIntoOnePipe) {
  NetworkSketch sketch(4182.0);
  for (const char* id : {"feed1", "feed2", "tee", "out"}) sketch.Junction(id);
  sketch.Pipe("in1", "feed1", "tee", 2500.0);
  sketch.Pipe("in2", "feed2", "tee", 2500.0);
  sketch.Pipe("outflow", "tee", "out", 2500.0);
  HeatingNetwork& network = sketch.Build();
  network.ext_grids = {{sketch.N("feed1"), 5e5, 350.0}, {sketch.N("feed2"), 5e5, 350.0}};
  network.consumers = {{sketch.N("out"), 1.0}};
  const SteadyState state = SolveSteadyState(network, Exact());
  const auto rows = ReadRows("heating/pandapipes_analytic/Temperature_tee_2zu_1ab_an.csv");
  EXPECT_NEAR(state.mass_flow_kg_per_s[0], 0.5, 1e-9);  // symmetric feeds share the flow
  ExpectRelative(state.temperature_K[sketch.N("tee")], std::stod(rows[2].at("T")), 1e-4, "tee");
  ExpectRelative(state.temperature_K[sketch.N("out")], std::stod(rows[3].at("T")), 1e-4, "outlet");
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
}

TEST(HeatingAnalytic, LoopWithOneLoadMixesByMassFlow) {
  // the reference's branch flows (0.606421 and 0.393579 kg/s) prescribed; node 2 mixes both branches
  NetworkSketch sketch(4182.0);
  for (const char* id : {"n0", "n1", "n2", "n3"}) sketch.Junction(id);
  sketch.Pipe("p01", "n0", "n1", 2500.0);
  sketch.Pipe("p12", "n1", "n2", 2500.0);
  sketch.Pipe("p13", "n1", "n3", 2500.0);
  sketch.Pipe("p32", "n3", "n2", 2500.0);
  HeatingNetwork& network = sketch.Build();
  network.ext_grids.push_back({sketch.N("n0"), 5e5, 350.0});
  network.consumers.push_back({sketch.N("n2"), 1.0});
  SteadyState state;
  state.mass_flow_kg_per_s = {1.0, 0.606421, 0.393579, 0.393579};
  ComputeTemperaturesForFlows(network, Exact(), state);
  ExpectRelative(state.temperature_K[sketch.N("n1")], 321.1848506, 1e-4, "node 1");
  ExpectRelative(state.temperature_K[sketch.N("n3")], 297.708615, 1e-4, "node 3");
  ExpectRelative(state.section_temperature_K[1].back(), 301.8236468, 1e-4, "branch 1-2 end");
  ExpectRelative(state.section_temperature_K[3].back(), 293.7866302, 1e-4, "branch 3-2 end");
  ExpectRelative(state.temperature_K[sketch.N("n2")], 298.6604458, 1e-4, "mixed node 2");
}

TEST(HeatingAnalytic, HeatExchangerCoolsByQOverMassFlowTimesCp) {
  NetworkSketch sketch(4190.0);
  sketch.Junction("in");
  sketch.Junction("out");
  Link exchanger;
  exchanger.kind = LinkKind::kHeatExchanger;
  exchanger.diameter_m = 0.075;
  exchanger.heat_extracted_W = 20000.0;
  sketch.AddLink("hx", "in", "out", exchanger);
  HeatingNetwork& network = sketch.Build();
  network.ext_grids.push_back({0, 5e5, 330.0});
  network.consumers.push_back({1, 1.0});
  const SteadyState state = SolveSteadyState(network, Exact());
  const auto rows = ReadRows("heating/pandapipes_analytic/heat_exchanger_test.csv");
  // the reference computes T1 with rho = 1000 and pandapipes' velocity (an effective 1.0055 kg/s)
  ExpectRelative(state.temperature_K[1], std::stod(rows[1].at("T1")), 1e-4, "outlet");
  EXPECT_NEAR(state.temperature_K[1], 330.0 - 20000.0 / 4190.0, 1e-9);
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
}

TEST(HeatingAnalytic, ClosedLoopWithACirculationPump) {
  // pump 5 kg/s from return j4 to flow j1 (5 bar, 300 K); 2 kg/s bypass out at j1 and back in at j4;
  // pipe j1-j2, heat exchanger j2-j3 taking 200 kW, pipe j3-j4
  NetworkSketch sketch(4190.0);
  for (const char* id : {"j1", "j2", "j3", "j4"}) sketch.Junction(id);
  sketch.Pipe("flow_pipe", "j1", "j2", 433.8);
  Link exchanger;
  exchanger.kind = LinkKind::kHeatExchanger;
  exchanger.diameter_m = 0.1;
  exchanger.heat_extracted_W = 200000.0;
  sketch.AddLink("hx", "j2", "j3", exchanger);
  sketch.Pipe("return_pipe", "j3", "j4", 263.7);
  Link pump;
  pump.kind = LinkKind::kCirculationPump;
  pump.fixed_mass_flow_kg_per_s = 5.0;
  pump.pump_flow_pressure_Pa = 5e5;
  pump.pump_flow_temperature_K = 300.0;
  sketch.AddLink("pump", "j4", "j1", pump);
  HeatingNetwork& network = sketch.Build();
  for (LinkIndex l : {0, 2}) {
    network.links[l].diameter_m = 0.1022;
    network.links[l].roughness_m = 1e-3;
    network.links[l].heat_transfer_W_per_m2K = 0.0;
  }
  network.consumers = {{sketch.N("j1"), 2.0}, {sketch.N("j4"), -2.0}};
  const SteadyState state = SolveSteadyState(network, Exact());
  EXPECT_NEAR(state.mass_flow_kg_per_s[0], 3.0, 1e-9);
  // the flow pipe's friction warms the water by dp / (rho cp) before the exchanger takes q / (m cp)
  const double friction_warming_K = (state.pressure_Pa[sketch.N("j1")] - state.pressure_Pa[sketch.N("j2")]) / (1000.0 * 4190.0);
  EXPECT_GT(friction_warming_K, 0.0);
  EXPECT_NEAR(state.temperature_K[sketch.N("j2")], 300.0 + friction_warming_K, 1e-9);
  EXPECT_NEAR(state.temperature_K[sketch.N("j3")], 300.0 + friction_warming_K - 200000.0 / (3.0 * 4190.0), 1e-9);
  const double loop_drop = state.pressure_Pa[sketch.N("j1")] - state.pressure_Pa[sketch.N("j4")];
  EXPECT_NEAR(state.pressure_rise_Pa[3], loop_drop, 1e-6);
  EXPECT_GT(state.pressure_rise_Pa[3], 0.0);
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
}

}  // namespace
}  // namespace lifeline::heating
