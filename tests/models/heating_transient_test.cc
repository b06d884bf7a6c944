// Tests for models/heating/heating_transient.cc: a temperature front arrives
// after distance / velocity, the transient settles on the steady solution, a
// pump trip and a burst change pressures and flows as they must.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <numbers>

#include "engine/results_store.h"
#include "models/heating/heating_reader.h"
#include "models/heating/heating_transient.h"
#include "tests/support/shared_data.h"

namespace lifeline::heating {
namespace {

HeatingNetwork OnePipe() {
  // 100 m of 75 mm pipe, 3 kg/s from a 363.15 K ext grid to a sink; alpha = 100 W/m2K
  return ReadPandapipesHeatingFile(
      lifeline::testing::SharedDataFile("heating/pandapipes_openmodelica_heat/simple/one_pipe.json"));
}

TEST(HeatingTransient, FrontArrivesAfterDistanceOverVelocity) {
  TransientOptions options;
  options.duration_s = 600.0;
  options.time_step_s = 1.0;
  options.report_step_s = 1.0;
  HeatingTransient transient(OnePipe(), options);
  transient.Schedule(100.0, "supply 10 K hotter", [](HeatingNetwork& network) { network.ext_grids[0].temperature_K += 10.0; });
  const std::vector<TransientReport> reports = transient.Run();
  const double before = reports.front().state.temperature_K[1];
  const double after = reports.back().state.temperature_K[1];
  // the outlet rises by the supply step times the pipe's loss factor (T_out - T_amb) / (T_in - T_amb)
  const double loss_factor = (before - 293.15) / (363.15 - 293.15);
  EXPECT_NEAR(after - before, 10.0 * loss_factor, 0.05);
  // the moment the consumer's temperature passes halfway
  double arrival_s = -1.0;
  for (const TransientReport& report : reports) {
    if (report.state.temperature_K[1] > 0.5 * (before + after)) {
      arrival_s = report.time_s;
      break;
    }
  }
  const double velocity = reports.back().state.velocity_m_per_s[0];
  const double expected = 100.0 + 100.0 / velocity;
  EXPECT_NEAR(arrival_s, expected, 2.0) << "velocity " << velocity << " m/s";
}

TEST(HeatingTransient, SettlesOnTheSteadySolution) {
  TransientOptions options;
  options.duration_s = 1200.0;
  options.time_step_s = 5.0;
  options.report_step_s = 600.0;
  HeatingTransient transient(OnePipe(), options);
  transient.Schedule(10.0, "supply 20 K colder", [](HeatingNetwork& network) { network.ext_grids[0].temperature_K -= 20.0; });
  const std::vector<TransientReport> reports = transient.Run();
  HeatingNetwork colder = OnePipe();
  colder.ext_grids[0].temperature_K -= 20.0;
  SteadyOptions steady;
  steady.heat_loss = HeatLossLaw::kExactExponential;
  const SteadyState expected = SolveSteadyState(colder, steady);
  // plug flow leaves out the (here 1 mK) friction heat the steady solve adds
  EXPECT_NEAR(reports.back().state.temperature_K[1], expected.temperature_K[1], 0.01);
}

TEST(HeatingTransient, BurstOpensAndIsRecorded) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("heating-burst-" + std::to_string(getpid()) + ".h5")).string();
  HeatingNetwork network = WithBurst(OnePipe(), "pipe_0", 0.5, 0.03);
  const double hole_area = network.leaks[0].hole_area_m2;
  network.leaks[0].hole_area_m2 = 0.0;  // intact until the burst
  TransientOptions options;
  options.duration_s = 600.0;
  options.time_step_s = 5.0;
  options.report_step_s = 60.0;
  HeatingTransient transient(network, options);
  transient.Schedule(300.0, "pipe_0 bursts", [hole_area](HeatingNetwork& n) { n.leaks[0].hole_area_m2 = hole_area; });
  std::vector<TransientReport> reports;
  {
    ResultsWriter results(path, {"burst", "one_pipe"});
    reports = transient.Run(&results);
  }
  const SteadyState& early = reports[2].state;  // t = 120 s
  const SteadyState& late = reports.back().state;
  EXPECT_NEAR(early.leak_mass_flow_kg_per_s[0], 0.0, 1e-12);
  EXPECT_GT(late.leak_mass_flow_kg_per_s[0], 0.1);
  EXPECT_NEAR(late.mass_flow_kg_per_s[0], 3.0 + late.leak_mass_flow_kg_per_s[0], 1e-9);
  EXPECT_LT(late.pressure_Pa[1], early.pressure_Pa[1]);  // the consumer loses pressure
  const ResultsReader reader(path);
  EXPECT_EQ(reader.Times_s(kSystem).size(), 11u);
  ASSERT_EQ(reader.Events().size(), 1u);
  EXPECT_EQ(reader.Events()[0].message, "pipe_0 bursts");
  std::filesystem::remove(path);
}

TEST(HeatingTransient, PumpTripLowersLiftAndFlow) {
  // a closed loop: pump j4 -> j1 (5 kg/s, 5 bar, 330 K), pipe j1-j2, exchanger j2-j3 (50 kW), pipe j3-j4
  NetworkGraphBuilder builder(kSystem);
  for (const char* id : {"j1", "j2", "j3", "j4"}) builder.AddNode({id, "junction", {}});
  HeatingNetwork network;
  network.title = "loop";
  network.fluid = {1000.0, 1e-3, 4190.0};
  network.junctions.assign(4, {0.0, 320.0, {}});
  Link pipe;
  pipe.length_m = 400.0;
  pipe.diameter_m = 0.1;
  pipe.roughness_m = 1e-4;
  pipe.heat_transfer_W_per_m2K = 1.0;
  pipe.ambient_temperature_K = 283.0;
  pipe.sections = 4;
  Link exchanger;
  exchanger.kind = LinkKind::kHeatExchanger;
  exchanger.diameter_m = 0.1;
  exchanger.heat_extracted_W = 50000.0;
  Link pump;
  pump.kind = LinkKind::kCirculationPump;
  pump.fixed_mass_flow_kg_per_s = 5.0;
  pump.pump_flow_pressure_Pa = 5e5;
  pump.pump_flow_temperature_K = 330.0;
  builder.AddLink({"flow", "pipe", 400.0, false}, "j1", "j2");
  builder.AddLink({"hx", "heat_exchanger", 0.0, false}, "j2", "j3");
  builder.AddLink({"return", "pipe", 400.0, false}, "j3", "j4");
  builder.AddLink({"pump", "circulation_pump", 0.0, false}, "j4", "j1");
  network.links = {pipe, exchanger, pipe, pump};
  network.graph = builder.Build();

  TransientOptions options;
  options.duration_s = 3600.0;
  options.time_step_s = 10.0;
  options.report_step_s = 600.0;
  options.steady.water = WaterModel::kConstantProperties;
  HeatingTransient transient(network, options);
  transient.Schedule(600.0, "pump trips to 40 %", [](HeatingNetwork& n) { n.links[3].fixed_mass_flow_kg_per_s = 2.0; });
  const std::vector<TransientReport> reports = transient.Run();
  const SteadyState& before = reports[0].state;
  const SteadyState& after = reports.back().state;
  EXPECT_NEAR(after.mass_flow_kg_per_s[0], 2.0, 1e-9);
  EXPECT_LT(after.pressure_rise_Pa[3], 0.25 * before.pressure_rise_Pa[3]);  // lift ~ flow^2
  // the exchanger now cools 2 kg/s instead of 5: a deeper drop once the loop has turned over
  const double drop_before = before.temperature_K[1] - before.temperature_K[2];
  const double drop_after = after.temperature_K[1] - after.temperature_K[2];
  EXPECT_NEAR(drop_before, 50000.0 / (5.0 * 4190.0), 1e-6);
  EXPECT_NEAR(drop_after, 50000.0 / (2.0 * 4190.0), 1e-6);
}

TEST(HeatingTransient, FlowReversalCarriesTheOtherEndsWater) {
  // a 400 m pipe between two plants: west (5 bar, 360 K) pushes east (4 bar, 320 K) until 300 s,
  // then the pressures swap and cold water comes back from the east
  HeatingNetwork network = OnePipe();
  network.ext_grids = {{0, 5e5, 360.0}, {1, 4e5, 320.0}};
  network.consumers.clear();
  network.links[0].length_m = 400.0;
  network.links[0].heat_transfer_W_per_m2K = 0.0;
  network.links[0].sections = 8;
  TransientOptions options;
  options.duration_s = 3600.0;
  options.time_step_s = 2.0;
  options.report_step_s = 60.0;
  options.steady.water = WaterModel::kConstantProperties;
  HeatingTransient transient(WithBurst(network, "pipe_0", 0.5, 0.001), options);  // a middle junction to watch
  transient.Schedule(300.0, "pressures swap", [](HeatingNetwork& n) {
    n.ext_grids[0].pressure_Pa = 4e5;
    n.ext_grids[1].pressure_Pa = 5e5;
  });
  const std::vector<TransientReport> reports = transient.Run();
  const NodeIndex middle = transient.network().graph.NodeIndexOf("pipe_0@burst");
  EXPECT_GT(reports[4].state.mass_flow_kg_per_s[0], 0.0);  // 240 s: eastwards
  EXPECT_NEAR(reports[4].state.temperature_K[middle], 360.0, 1e-6);
  EXPECT_LT(reports.back().state.mass_flow_kg_per_s[0], 0.0);  // westwards after the swap
  EXPECT_NEAR(reports.back().state.temperature_K[middle], 320.0, 1e-6);
}

}  // namespace
}  // namespace lifeline::heating
