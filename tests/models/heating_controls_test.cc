// Tests for the heating network's valves, pressure-lift circulation pumps and
// return-temperature-controlled substations (models/heating).
#include <gtest/gtest.h>

#include <cmath>

#include "engine/error.h"
#include "models/heating/heating_steady.h"
#include "models/heating/water_properties.h"
#include "tests/models/heating_network_sketch.h"

namespace lifeline::heating {
namespace {

SteadyOptions Constant() {
  SteadyOptions options;
  options.water = WaterModel::kConstantProperties;
  return options;
}

TEST(HeatingControls, ShutValvePassesNothing) {
  // feed -> consumer through two equal pipes, one behind a valve
  NetworkSketch sketch(4190.0);
  for (const char* id : {"feed", "valve_in", "consumer"}) sketch.Junction(id);
  sketch.Pipe("direct", "feed", "consumer", 500.0);
  sketch.Pipe("parallel", "valve_in", "consumer", 500.0);
  Link valve;
  valve.kind = LinkKind::kValve;
  valve.diameter_m = 0.075;
  valve.loss_coefficient = 0.2;
  sketch.AddLink("valve", "feed", "valve_in", valve);
  HeatingNetwork& network = sketch.Build();
  network.ext_grids.push_back({sketch.N("feed"), 5e5, 350.0});
  network.consumers.push_back({sketch.N("consumer"), 2.0});
  const SteadyState open = SolveSteadyState(network, Constant());
  EXPECT_GT(open.mass_flow_kg_per_s[2], 0.5);
  EXPECT_NEAR(open.mass_flow_kg_per_s[0] + open.mass_flow_kg_per_s[2], 2.0, 1e-9);
  network.links[2].open = false;
  const SteadyState shut = SolveSteadyState(network, Constant());
  EXPECT_EQ(shut.mass_flow_kg_per_s[2], 0.0);
  EXPECT_NEAR(shut.mass_flow_kg_per_s[0], 2.0, 1e-9);
  EXPECT_LT(shut.pressure_Pa[sketch.N("consumer")], open.pressure_Pa[sketch.N("consumer")]);
}

TEST(HeatingControls, PressurePumpSetsTheLoopFlow) {
  // pump j4 -> j1 lifting 1 bar (5 bar, 350 K on its flow side), pipe, exchanger (100 kW), pipe back
  NetworkSketch sketch(4190.0);
  for (const char* id : {"j1", "j2", "j3", "j4"}) sketch.Junction(id);
  sketch.Pipe("flow", "j1", "j2", 800.0);
  Link exchanger;
  exchanger.kind = LinkKind::kHeatExchanger;
  exchanger.heat_extracted_W = 100000.0;
  sketch.AddLink("hx", "j2", "j3", exchanger);
  sketch.Pipe("return", "j3", "j4", 800.0);
  Link pump;
  pump.kind = LinkKind::kPressurePump;
  pump.pump_lift_Pa = 1e5;
  pump.pump_flow_pressure_Pa = 5e5;
  pump.pump_flow_temperature_K = 350.0;
  sketch.AddLink("pump", "j4", "j1", pump);
  HeatingNetwork& network = sketch.Build();
  const SteadyState state = SolveSteadyState(network, Constant());
  EXPECT_NEAR(state.pressure_rise_Pa[3], 1e5, 1e-6);
  EXPECT_NEAR(state.pressure_Pa[sketch.N("j1")], 5e5, 1e-9);
  // the loop's friction uses up exactly the lift, with one flow all round
  EXPECT_NEAR(state.mass_flow_kg_per_s[0], state.mass_flow_kg_per_s[3], 1e-9);
  EXPECT_GT(state.mass_flow_kg_per_s[0], 0.1);
  EXPECT_NEAR(state.pressure_Pa[sketch.N("j1")] - state.pressure_Pa[sketch.N("j4")], 1e5, 1e-3);
  EXPECT_LE(EnergyBalanceError(state), 1e-6);
}

TEST(HeatingControls, SubstationHoldsItsReturnTemperature) {
  // plant supply 363 K at 6 bar, return side at 3 bar; one substation of 200 kW returning at 333 K
  NetworkSketch sketch(4190.0);
  for (const char* id : {"plant", "in", "out", "plant_return"}) sketch.Junction(id);
  sketch.Pipe("supply", "plant", "in", 1000.0);
  Link substation;
  substation.kind = LinkKind::kSubstation;
  substation.heat_extracted_W = 200000.0;
  substation.return_temperature_K = 333.15;
  sketch.AddLink("station", "in", "out", substation);
  sketch.Pipe("return", "out", "plant_return", 1000.0);
  HeatingNetwork& network = sketch.Build();
  network.ext_grids = {{sketch.N("plant"), 6e5, 363.15}, {sketch.N("plant_return"), 3e5, 333.15}};
  for (const WaterModel water : {WaterModel::kConstantProperties, WaterModel::kTemperatureDependent}) {
    SteadyOptions options;
    options.water = water;
    const SteadyState state = SolveSteadyState(network, options);
    EXPECT_NEAR(state.temperature_K[sketch.N("out")], 333.15, 1e-6);
    const HeatCapacityLaw law = water == WaterModel::kConstantProperties ? HeatCapacityLaw::Constant(4190.0)
                                                                         : HeatCapacityLaw::RealWater();
    const double expected = 200000.0 / (law.Enthalpy_J_per_kg(state.temperature_K[sketch.N("in")]) -
                                         law.Enthalpy_J_per_kg(333.15));
    EXPECT_NEAR(state.mass_flow_kg_per_s[1], expected, 1e-9 * expected);
    EXPECT_LE(EnergyBalanceError(state), 1e-6);
  }
  // a set point above the supply cannot be met: the error names the substation
  network.links[1].return_temperature_K = 380.0;
  try {
    SolveSteadyState(network, Constant());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.element()->id, "station");
  }
}

}  // namespace
}  // namespace lifeline::heating
