// Tests for models/water/headloss.cc, pump_curve.cc and hydraulic_solver.cc on
// small networks whose answers are known by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "models/water/headloss.h"
#include "models/water/hydraulic_solver.h"
#include "models/water/inp_reader.h"
#include "models/water/pump_curve.h"

namespace lifeline::water {
namespace {

TEST(WaterHeadloss, HazenWilliamsMatchesTheSiFormula) {
  // SI Hazen-Williams: h = 10.67 L Q^1.852 / (C^1.852 D^4.871); EPANET's 4.727 (ft) is 10.667 in SI
  const double r = PipeResistance(HeadlossFormula::kHazenWilliams, 1000.0, 0.3, 100.0);
  EXPECT_NEAR(r, 10.667 * 1000.0 / std::pow(100.0, 1.852) / std::pow(0.3, 4.871), 2e-4 * r);
  const PipeHydraulics pipe{HeadlossFormula::kHazenWilliams, r, 0.0, 0.3, 100.0};
  const HeadLossGradient at = PipeHeadLoss(pipe, 1e-6, -0.05);
  EXPECT_NEAR(at.head_loss_m, -r * std::pow(0.05, 1.852), 1e-12);
  EXPECT_NEAR(at.gradient_s_per_m2, 1.852 * r * std::pow(0.05, 0.852), 1e-9);
}

TEST(WaterHeadloss, DarcyWeisbachFrictionFactor) {
  // laminar: f = 64 / Re, so h = 64 nu / (D V) L/D V^2/2g
  const double d = 0.1, nu = 1e-6, length = 100.0;
  const double r = PipeResistance(HeadlossFormula::kDarcyWeisbach, length, d, 1e-4);
  const PipeHydraulics pipe{HeadlossFormula::kDarcyWeisbach, r, 0.0, d, 1e-4};
  const double area = std::numbers::pi * d * d / 4.0;
  const double q_laminar = 1000.0 * nu * area / d;  // Re = 1000
  const double g = 32.2 * 0.3048;  // EPANET's gravity
  const double v = q_laminar / area;
  EXPECT_NEAR(PipeHeadLoss(pipe, nu, q_laminar).head_loss_m, 64.0 / 1000.0 * length / d * v * v / (2 * g), 1e-12);
  // turbulent: Swamee-Jain, f = 0.25 / log10(e/3.7D + 5.74/Re^0.9)^2
  const double re = 1e5, q = re * nu * area / d;
  double dfdq = 0.0;
  const double f = FrictionFactor(q, 1e-3, nu * d, dfdq);
  EXPECT_NEAR(f, 0.25 / std::pow(std::log10(1e-3 / 3.7 + 5.74 / std::pow(re, 0.9)), 2), 1e-9);
  // the derivative against a central difference
  double unused = 0.0;
  const double step = q * 1e-6;
  const double numeric = (FrictionFactor(q + step, 1e-3, nu * d, unused) - FrictionFactor(q - step, 1e-3, nu * d, unused)) /
                         (2 * step);
  EXPECT_NEAR(dfdq, numeric, 1e-6 * std::abs(numeric));
}

// A reservoir feeding junction J through a pump and 1 km of 300 mm pipe.
constexpr const char* kPumpNetwork = R"([OPTIONS]
 Units LPS
[JUNCTIONS]
 J 10 50
[RESERVOIRS]
 R 20
[PIPES]
 P M J 1000 300 120
[JUNCTIONS]
 M 20 0
[PUMPS]
 PU R M HEAD C
[CURVES]
 C 40 30
)";

TEST(WaterPumpCurve, OnePointCurveIsEpanetsPowerFunction) {
  const WaterNetwork network = ReadInpText(kPumpNetwork, "pump.inp");
  const PumpCurve curve = FitPumpCurve(network, network.graph.LinkIndexOf("PU"));
  const double q1 = 40 * 0.3048 * 0.3048 * 0.3048 / 28.317;
  EXPECT_EQ(curve.type, PumpCurve::Type::kPowerFunction);
  EXPECT_NEAR(curve.shutoff_head_m, 1.33334 * 30.0, 1e-12);
  // passes through (Q1, H1) and (2 Q1, 0)
  EXPECT_NEAR(curve.shutoff_head_m - curve.resistance * std::pow(q1, curve.exponent), 30.0, 1e-9);
  EXPECT_NEAR(curve.shutoff_head_m - curve.resistance * std::pow(2 * q1, curve.exponent), 0.0, 1e-9);
}

TEST(WaterHydraulicSolver, PumpAndPipeBalanceTheDemand) {
  const WaterNetwork network = ReadInpText(kPumpNetwork, "pump.inp");
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  ASSERT_TRUE(snapshot.converged);
  const NetworkGraph& graph = network.graph;
  const double demand = 50 * 0.3048 * 0.3048 * 0.3048 / 28.317;
  const LinkIndex pipe = graph.LinkIndexOf("P"), pump = graph.LinkIndexOf("PU");
  EXPECT_NEAR(snapshot.flow_m3_per_s[pipe], demand, 1e-9);
  EXPECT_NEAR(snapshot.flow_m3_per_s[pump], demand, 1e-9);
  // the pump lifts by its curve at that flow; the pipe loses r Q^1.852
  const PumpCurve curve = FitPumpCurve(network, pump);
  const double lift = curve.shutoff_head_m - curve.resistance * std::pow(demand, curve.exponent);
  EXPECT_NEAR(snapshot.head_m[graph.NodeIndexOf("M")], 20.0 + lift, 1e-5);
  const double r = PipeResistance(HeadlossFormula::kHazenWilliams, 1000.0, 0.3, 120.0);
  EXPECT_NEAR(snapshot.head_m[graph.NodeIndexOf("M")] - snapshot.head_m[graph.NodeIndexOf("J")],
              r * std::pow(demand, 1.852), 1e-5);
  EXPECT_NEAR(snapshot.demand_m3_per_s[graph.NodeIndexOf("R")], -demand, 1e-9);
}

TEST(WaterHydraulicSolver, PrvHoldsItsDownstreamPressure) {
  const WaterNetwork network = ReadInpText(R"([OPTIONS]
 Units LPS
[RESERVOIRS]
 R 100
[JUNCTIONS]
 A 50 0
 B 10 20
[PIPES]
 P1 R A 500 300 130
 P2 B C 200 300 130
[JUNCTIONS]
 C 5 10
[VALVES]
 V A B 300 PRV 30 0
)",
                                           "prv.inp");
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  ASSERT_TRUE(snapshot.converged);
  const LinkIndex valve = network.graph.LinkIndexOf("V");
  EXPECT_EQ(snapshot.status[valve], LinkState::kActive);
  EXPECT_NEAR(snapshot.head_m[network.graph.NodeIndexOf("B")], 10.0 + 30.0, 1e-6);
  EXPECT_NEAR(snapshot.flow_m3_per_s[valve], 30 * 0.3048 * 0.3048 * 0.3048 / 28.317, 1e-9);
}

TEST(WaterHydraulicSolver, CheckValveStopsReverseFlow) {
  // two reservoirs; the check valve pipe points from the low one to the high one
  const WaterNetwork network = ReadInpText(R"([OPTIONS]
 Units LPS
[RESERVOIRS]
 LOW 10
 HIGH 50
[JUNCTIONS]
 J 0 5
[PIPES]
 P1 LOW J 100 200 100 0 CV
 P2 HIGH J 100 200 100
)",
                                           "cv.inp");
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  ASSERT_TRUE(snapshot.converged);
  const LinkIndex cv = network.graph.LinkIndexOf("P1");
  EXPECT_TRUE(IsClosed(snapshot.status[cv]));
  EXPECT_EQ(snapshot.flow_m3_per_s[cv], 0.0);
  // a closed link still conducts 1/CBIG (EPANET's 1e-8 cfs/ft): 40 m / 1.08e9 s/m2 = 3.7e-8 m3/s
  EXPECT_NEAR(snapshot.flow_m3_per_s[network.graph.LinkIndexOf("P2")], 5 * 0.3048 * 0.3048 * 0.3048 / 28.317, 1e-7);
}

constexpr double kLps = 0.3048 * 0.3048 * 0.3048 / 28.317;  // 1 L/s as EPANET reads it

TEST(WaterHydraulicSolver, PbvDropsItsSetting) {
  const WaterNetwork network = ReadInpText(R"([OPTIONS]
 Units LPS
[RESERVOIRS]
 R 50
[JUNCTIONS]
 A 0 0
 B 0 20
[PIPES]
 P R A 100 300 130
[VALVES]
 V A B 300 PBV 10 0
)",
                                           "pbv.inp");
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  ASSERT_TRUE(snapshot.converged);
  const NetworkGraph& graph = network.graph;
  EXPECT_NEAR(snapshot.head_m[graph.NodeIndexOf("A")] - snapshot.head_m[graph.NodeIndexOf("B")], 10.0, 1e-6);
  // the valve's conductance is CBIG (9.3e6 m2/s): round-off in heads shows as ~1e-8 m3/s in its flow
  EXPECT_NEAR(snapshot.flow_m3_per_s[graph.LinkIndexOf("V")], 20 * kLps, 1e-7);
}

TEST(WaterHydraulicSolver, GpvFollowsItsHeadLossCurve) {
  const WaterNetwork network = ReadInpText(R"([OPTIONS]
 Units LPS
[RESERVOIRS]
 R 50
[JUNCTIONS]
 J 0 50
[VALVES]
 V R J 300 GPV LOSS 0
[CURVES]
 LOSS 0 0
 LOSS 100 20
)",
                                           "gpv.inp");
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  ASSERT_TRUE(snapshot.converged);
  // 50 L/s on the line through (0, 0) and (100 L/s, 20 m): a 10 m loss
  EXPECT_NEAR(snapshot.head_m[network.graph.NodeIndexOf("J")], 40.0, 1e-6);
}

TEST(WaterHydraulicSolver, FcvCapsItsFlow) {
  // B takes 50 L/s from R1 through an FCV set to 30 L/s and from R2 through a pipe
  const WaterNetwork network = ReadInpText(R"([OPTIONS]
 Units LPS
[RESERVOIRS]
 R1 80
 R2 40
[JUNCTIONS]
 A 0 0
 B 0 50
[PIPES]
 P1 R1 A 100 300 130
 P2 R2 B 100 300 130
[VALVES]
 V A B 300 FCV 30 0
)",
                                           "fcv.inp");
  HydraulicSolver solver(network);
  const HydraulicSnapshot snapshot = solver.SolveSnapshot(0.0);
  ASSERT_TRUE(snapshot.converged);
  const NetworkGraph& graph = network.graph;
  EXPECT_EQ(snapshot.status[graph.LinkIndexOf("V")], LinkState::kActive);
  EXPECT_NEAR(snapshot.flow_m3_per_s[graph.LinkIndexOf("V")], 30 * kLps, 1e-7);
  EXPECT_NEAR(snapshot.flow_m3_per_s[graph.LinkIndexOf("P2")], 20 * kLps, 1e-7);
}

TEST(WaterHydraulicSolver, ControlsThatFireAtTheSolveTimeSetStatuses) {
  // P2 is closed in [STATUS]; the tank level (2 m) is below 3 m, so the first
  // control opens it; the clock-time control closes P3 at 6 AM (start 5 AM + 1 h)
  const std::string text = R"([OPTIONS]
 Units LPS
[TIMES]
 Start ClockTime 5 AM
[RESERVOIRS]
 R 60
[TANKS]
 T 0 2 0 10 10 0
[JUNCTIONS]
 J 0 10
[PIPES]
 P1 T J 100 200 100
 P2 R J 100 200 100
 P3 R T 100 200 100
[STATUS]
 P2 Closed
[CONTROLS]
 LINK P2 OPEN IF NODE T BELOW 3
 LINK P3 CLOSED AT CLOCKTIME 6 AM
)";
  const WaterNetwork network = ReadInpText(text, "controls.inp");
  HydraulicSolver solver(network);
  const NetworkGraph& graph = network.graph;
  const HydraulicSnapshot at_start = solver.SolveSnapshot(0.0);
  EXPECT_FALSE(IsClosed(at_start.status[graph.LinkIndexOf("P2")]));
  EXPECT_FALSE(IsClosed(at_start.status[graph.LinkIndexOf("P3")]));
  const HydraulicSnapshot an_hour_later = solver.SolveSnapshot(3600.0);
  EXPECT_TRUE(IsClosed(an_hour_later.status[graph.LinkIndexOf("P3")]));
  EXPECT_EQ(an_hour_later.flow_m3_per_s[graph.LinkIndexOf("P3")], 0.0);
}

TEST(WaterHydraulicSolver, RefusesWhatItDoesNotSimulate) {
  EXPECT_THAT(
      [] {
        const WaterNetwork network = ReadInpText(
            "[RESERVOIRS]\n R 10\n[JUNCTIONS]\n J 0 1\n[PIPES]\n P R J 10 100 100\n[EMITTERS]\n J 0.5\n", "em.inp");
        HydraulicSolver solver(network);
      },
      ::testing::ThrowsMessage<Error>(::testing::HasSubstr("water element 'J': emitters are not simulated yet")));
}

}  // namespace
}  // namespace lifeline::water
