// Tests for models/water/inp_reader.cc: sections, unit conversion to SI, and
// malformed lines reported as file:line errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "engine/error.h"
#include "models/water/inp_reader.h"
#include "tests/support/shared_data.h"

namespace lifeline::water {
namespace {

using ::testing::HasSubstr;

// One L/s as EPANET reads it: 1/28.317 cfs.
constexpr double kLitrePerSecond_m3_per_s = 0.3048 * 0.3048 * 0.3048 / 28.317;

// A small SI network touching every model section (sections out of order on purpose).
constexpr const char* kSmallNetwork = R"([TITLE]
Small network
[OPTIONS]
 Units LPS
 Headloss D-W
 Pattern DAY
 Demand Multiplier 2
[TIMES]
 Duration 24:00
 Hydraulic Timestep 0:30
 Pattern Timestep 6:00
 Start ClockTime 2 PM
[DEMANDS]
 J1 3 NIGHT ;residential
 J1 1
[JUNCTIONS]
;ID Elev Demand Pattern
 J1 10 5 ;
 "J 2" 12 0
[RESERVOIRS]
 R1 60 HEADPAT
[TANKS]
 T1 40 2 1 5 10 0 *
[PIPES]
 P1 R1 J1 1000 300 0.1 0.5 Open
 P2 J1 "J 2" 500 200 0.1 0 CV
 P3 "J 2" T1 400 200 0.1
[PUMPS]
 PU1 J1 T1 HEAD C1 SPEED 0.9
[VALVES]
 V1 "J 2" T1 150 TCV 4 0
[PATTERNS]
 DAY 1 2
 DAY 3 4
 NIGHT 0.5
 HEADPAT 1.1
[CURVES]
 C1 10 30
[STATUS]
 P1 Closed
[CONTROLS]
 LINK PU1 CLOSED IF NODE T1 ABOVE 4.5
 LINK PU1 OPEN AT TIME 6:30
 LINK P1 OPEN AT CLOCKTIME 8 AM
[RULES]
RULE 1
IF TANK T1 LEVEL ABOVE 4
THEN PUMP PU1 STATUS IS CLOSED
[COORDINATES]
 J1 100 200
[END]
)";

TEST(WaterInpReader, ReadsEverySectionIntoSi) {
  const WaterNetwork network = ReadInpText(kSmallNetwork, "small.inp");
  const NetworkGraph& graph = network.graph;
  EXPECT_EQ(network.title, "Small network");
  ASSERT_EQ(graph.node_count(), 4);
  ASSERT_EQ(graph.link_count(), 5);
  EXPECT_EQ(graph.system(), "water");

  const NodeIndex j1 = graph.NodeIndexOf("J1");
  EXPECT_DOUBLE_EQ(network.nodes[j1].elevation_m, 10.0);
  EXPECT_DOUBLE_EQ(graph.node(j1).position.x_m, 100.0);
  EXPECT_DOUBLE_EQ(graph.node(j1).position.z_m, 10.0);
  // [DEMANDS] replaces the [JUNCTIONS] demand of J1: 3 L/s x NIGHT + 1 L/s x default (DAY)
  ASSERT_EQ(network.nodes[j1].demands.size(), 2u);
  EXPECT_NEAR(network.nodes[j1].demands[0].base_m3_per_s, 3 * kLitrePerSecond_m3_per_s, 1e-15);
  EXPECT_EQ(network.nodes[j1].demands[0].category, "residential");
  // at t = 0: (3 x 0.5 + 1 x 1) x multiplier 2; at 6 h the DAY pattern gives 2
  EXPECT_NEAR(network.JunctionDemandAt_m3_per_s(j1, 0.0), 5.0 * kLitrePerSecond_m3_per_s, 1e-15);
  EXPECT_NEAR(network.JunctionDemandAt_m3_per_s(j1, 6.0 * 3600.0), 7.0 * kLitrePerSecond_m3_per_s, 1e-15);
  EXPECT_TRUE(graph.FindNode("J 2").has_value());  // a quoted id keeps its space

  const NodeIndex r1 = graph.NodeIndexOf("R1");
  EXPECT_DOUBLE_EQ(network.ReservoirHeadAt_m(r1, 0.0), 66.0);
  const Node& tank = network.nodes[graph.NodeIndexOf("T1")];
  EXPECT_EQ(tank.kind, NodeKind::kTank);
  EXPECT_DOUBLE_EQ(tank.max_level_m, 5.0);
  EXPECT_DOUBLE_EQ(tank.diameter_m, 10.0);

  const Link& p1 = network.links[graph.LinkIndexOf("P1")];
  EXPECT_DOUBLE_EQ(p1.diameter_m, 0.3);
  EXPECT_DOUBLE_EQ(p1.roughness, 0.1e-3);  // D-W roughness in mm
  EXPECT_DOUBLE_EQ(p1.minor_loss_coefficient, 0.5);
  EXPECT_EQ(p1.initial_status, InitialStatus::kClosed);
  EXPECT_DOUBLE_EQ(graph.link(graph.LinkIndexOf("P1")).length_m, 1000.0);
  EXPECT_EQ(network.links[graph.LinkIndexOf("P2")].kind, LinkKind::kCheckValvePipe);

  const Link& pump = network.links[graph.LinkIndexOf("PU1")];
  EXPECT_EQ(pump.kind, LinkKind::kPump);
  EXPECT_DOUBLE_EQ(pump.initial_speed, 0.9);
  const Curve& curve = network.curves[pump.head_curve];
  EXPECT_EQ(curve.use, CurveUse::kPumpHead);
  EXPECT_NEAR(curve.x[0], 10 * kLitrePerSecond_m3_per_s, 1e-15);
  EXPECT_DOUBLE_EQ(curve.y[0], 30.0);

  const Link& valve = network.links[graph.LinkIndexOf("V1")];
  EXPECT_EQ(valve.kind, LinkKind::kTcv);
  ASSERT_TRUE(valve.valve_setting.has_value());
  EXPECT_DOUBLE_EQ(*valve.valve_setting, 4.0);

  ASSERT_EQ(network.controls.size(), 3u);
  EXPECT_EQ(network.controls[0].condition, Control::Condition::kNodeAbove);
  EXPECT_DOUBLE_EQ(network.controls[0].threshold_head_m, 44.5);
  EXPECT_EQ(network.controls[0].status, InitialStatus::kClosed);
  EXPECT_DOUBLE_EQ(network.controls[1].time_s, 6.5 * 3600.0);
  EXPECT_DOUBLE_EQ(network.controls[2].time_s, 8.0 * 3600.0);
  EXPECT_DOUBLE_EQ(network.times.start_clock_time_s, 14.0 * 3600.0);
  EXPECT_DOUBLE_EQ(network.times.hydraulic_step_s, 1800.0);
  EXPECT_EQ(network.options.headloss, HeadlossFormula::kDarcyWeisbach);
  EXPECT_DOUBLE_EQ(network.options.demand_multiplier, 2.0);

  // rules are kept as text, with their line numbers
  ASSERT_FALSE(network.kept_sections.empty());
  EXPECT_EQ(network.kept_sections[0].first, "RULES");
  EXPECT_EQ(network.kept_sections[0].second.size(), 3u);
  EXPECT_EQ(network.kept_sections[0].second[0].text, "RULE 1");
}

TEST(WaterInpReader, ConvertsUsCustomaryUnitsAsEpanet) {
  const WaterNetwork network = ReadInpText(R"([OPTIONS]
 Units GPM
[JUNCTIONS]
 A 100 448.831
 B 50
[RESERVOIRS]
 R 300
[PIPES]
 P R A 1000 12 100
[VALVES]
 V A B 8 PRV 60 0
)",
                                           "us.inp");
  const NetworkGraph& graph = network.graph;
  EXPECT_DOUBLE_EQ(network.nodes[graph.NodeIndexOf("A")].elevation_m, 30.48);
  EXPECT_NEAR(network.nodes[graph.NodeIndexOf("A")].demands[0].base_m3_per_s, 0.3048 * 0.3048 * 0.3048, 1e-15);
  EXPECT_DOUBLE_EQ(network.links[graph.LinkIndexOf("P")].diameter_m, 12 * 0.0254);
  // 60 psi is 60 / 0.4333 ft of water in EPANET
  EXPECT_NEAR(*network.links[graph.LinkIndexOf("V")].valve_setting, 60.0 / 0.4333 * 0.3048, 1e-12);
}

// The message of the Error that reading text throws.
std::string ReadError(const std::string& text) {
  try {
    ReadInpText(text, "bad.inp");
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

TEST(WaterInpReader, MalformedLinesAreErrorsAtFileAndLine) {
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 ten\n"), HasSubstr("bad.inp:2: elevation 'ten' is not a number"));
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 10\n[PIPES]\n P1 J1 J9 100 200 100\n"),
              HasSubstr("bad.inp:4: unknown node 'J9'"));
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 10\n J1 12\n"), HasSubstr("bad.inp:3: duplicate node id 'J1'"));
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 10\n\n[PIPES]\n P1 J1\n"), HasSubstr("bad.inp:5: expected"));
  EXPECT_THAT(ReadError("[OPTIONS]\n Units FURLONGS\n"), HasSubstr("bad.inp:2: unknown flow units 'FURLONGS'"));
  EXPECT_THAT(ReadError("[OPTIONS]\n Frobnicate 3\n"), HasSubstr("bad.inp:2: unknown option 'Frobnicate'"));
  EXPECT_THAT(ReadError("\n[NOSUCH]\n"), HasSubstr("bad.inp:2: unknown or unsupported section [NOSUCH]"));
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 1\n[RESERVOIRS]\n R 9\n[PUMPS]\n PU R J1 HEAD NOCURVE\n"),
              HasSubstr("bad.inp:6: unknown curve 'NOCURVE'"));
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 1\n J2 1\n[VALVES]\n V J1 J2 100 XYZ 1\n"),
              HasSubstr("bad.inp:5: unknown or unsupported valve type 'XYZ'"));
  EXPECT_THAT(ReadError("[TIMES]\n Duration 1:xx\n"), HasSubstr("bad.inp:2: malformed time '1:xx'"));
  EXPECT_THAT(ReadError("[JUNCTIONS]\n J1 1\n J2 1\n[PIPES]\n P J1 J2 100 200 100\n[CONTROLS]\n LINK P OPEN IF NODE J1 "
                        "SIDEWAYS 3\n"),
              HasSubstr("bad.inp:7: expected ABOVE or BELOW"));
}

TEST(WaterInpReader, AnUnreadableFileIsAnErrorNamingIt) {
  EXPECT_THROW(ReadInpFile("/nonexistent/net.inp"), Error);
}

TEST(WaterInpReader, ReadsNet1) {
  const WaterNetwork network = ReadInpFile(lifeline::testing::SharedDataFile("water/Net1.inp"));
  EXPECT_EQ(network.graph.node_count(), 11);
  EXPECT_EQ(network.graph.link_count(), 13);
  EXPECT_EQ(network.options.flow_units, "GPM");
  EXPECT_EQ(network.controls.size(), 2u);
  EXPECT_DOUBLE_EQ(network.times.pattern_step_s, 7200.0);
  // tank 2: elevation 850 ft, initial level 120 ft
  const Node& tank = network.nodes[network.graph.NodeIndexOf("2")];
  EXPECT_DOUBLE_EQ(tank.elevation_m, 850 * 0.3048);
  EXPECT_DOUBLE_EQ(tank.initial_level_m, 120 * 0.3048);
}

}  // namespace
}  // namespace lifeline::water
