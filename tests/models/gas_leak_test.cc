// Tests models/gas/gas_leak.cc: orifice flow against the closed forms (choked
// and unchoked), and a leak solved in a steady network at a fixed upstream pressure.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "models/gas/gas_leak.h"
#include "models/gas/gas_steady.h"

namespace lifeline::gas {
namespace {

constexpr double kTemperature_K = 283.15;

GasFluid IdealGas() {
  GasFluid fluid;  // rho_n 0.84, Z = 1
  return fluid;
}

LeakOrifice Hole(double diameter_m) {
  LeakOrifice orifice;
  orifice.hole_diameter_m = diameter_m;
  orifice.discharge_coefficient = 0.62;
  orifice.heat_capacity_ratio = 1.31;
  return orifice;
}

// The textbook forms, written out independently of gas_leak.cc.
double ChokedClosedForm(const LeakOrifice& o, double p1, double gas_constant, double t) {
  const double k = o.heat_capacity_ratio, area = std::numbers::pi / 4.0 * o.hole_diameter_m * o.hole_diameter_m;
  return o.discharge_coefficient * area * p1 * std::sqrt(k / (gas_constant * t) * std::pow(2.0 / (k + 1.0), (k + 1.0) / (k - 1.0)));
}
double UnchokedClosedForm(const LeakOrifice& o, double p1, double p2, double gas_constant, double t) {
  const double k = o.heat_capacity_ratio, area = std::numbers::pi / 4.0 * o.hole_diameter_m * o.hole_diameter_m;
  const double r = p2 / p1;
  return o.discharge_coefficient * area * p1 *
         std::sqrt(2.0 * k / ((k - 1.0) * gas_constant * t) * (std::pow(r, 2.0 / k) - std::pow(r, (k + 1.0) / k)));
}

TEST(GasLeak, CriticalPressureRatioForMethane) {
  EXPECT_NEAR(CriticalPressureRatio(1.31), 0.5439, 1e-4);
}

TEST(GasLeak, ChokedAndUnchokedFlowMatchTheClosedForms) {
  const GasFluid fluid = IdealGas();
  const LeakOrifice hole = Hole(0.025);
  const double r_gas = fluid.GasConstant_J_per_kg_K(), ambient = kNormalPressure_Pa;
  const OrificeFlow choked = OrificeMassFlow(hole, fluid, 5e5, ambient, kTemperature_K);
  EXPECT_TRUE(choked.choked);
  EXPECT_NEAR(choked.mass_flow_kg_per_s, ChokedClosedForm(hole, 5e5, r_gas, kTemperature_K), 1e-12);
  const OrificeFlow unchoked = OrificeMassFlow(hole, fluid, 1.4e5, ambient, kTemperature_K);
  EXPECT_FALSE(unchoked.choked);
  EXPECT_NEAR(unchoked.mass_flow_kg_per_s, UnchokedClosedForm(hole, 1.4e5, ambient, r_gas, kTemperature_K), 1e-12);
  // continuous at the critical ratio; no flow without a pressure difference
  const double p_critical = ambient / CriticalPressureRatio(1.31);
  EXPECT_NEAR(OrificeMassFlow(hole, fluid, p_critical * (1 + 1e-9), ambient, kTemperature_K).mass_flow_kg_per_s,
              OrificeMassFlow(hole, fluid, p_critical * (1 - 1e-9), ambient, kTemperature_K).mass_flow_kg_per_s, 1e-9);
  EXPECT_EQ(OrificeMassFlow(hole, fluid, ambient, ambient, kTemperature_K).mass_flow_kg_per_s, 0.0);
}

TEST(GasLeak, SlopeMatchesFiniteDifferenceWithRealGas) {
  GasFluid fluid = IdealGas();
  fluid.z_offset = 1.0;
  fluid.z_slope_per_Pa = -0.0022e-5;
  const LeakOrifice hole = Hole(0.01);
  for (const double p1 : {1.2e5, 1.6e5, 3e5, 20e5}) {
    const double h = 1e-6 * p1;
    const double numeric = (OrificeMassFlow(hole, fluid, p1 + h, 101325.0, kTemperature_K).mass_flow_kg_per_s -
                            OrificeMassFlow(hole, fluid, p1 - h, 101325.0, kTemperature_K).mass_flow_kg_per_s) / (2.0 * h);
    EXPECT_NEAR(OrificeMassFlow(hole, fluid, p1, 101325.0, kTemperature_K).dmass_flow_dupstream_per_Pa_s, numeric,
                1e-6 * numeric) << p1;
  }
}

// A feed at fixed pressure, 1000 m of 300 mm pipe, a hole 1 mm from the feed:
// the pipe between feed and hole carries the leak with a negligible pressure
// drop, so the solved leak is the closed form at the feed pressure.
GasNetwork FeedPipe(double feed_gauge_Pa) {
  GasNetwork network;
  network.title = "feed with a hole";
  network.friction = FrictionModel::kColebrook;
  NetworkGraphBuilder builder(kSystem);
  builder.AddNode({"feed", "junction", Point3{0.0, 0.0, 0.0}});
  builder.AddNode({"end", "junction", Point3{1000.0, 0.0, 0.0}});
  builder.AddLink({"P1", "pipe", 1000.0, false}, "feed", "end");
  Junction feed, end;
  feed.temperature_K = end.temperature_K = kTemperature_K;
  feed.fixed_pressure_Pa = feed_gauge_Pa + AmbientPressure_Pa(0.0);
  network.junctions = {feed, end};
  Link pipe;
  pipe.diameter_m = 0.3;
  pipe.roughness_m = 1e-4;
  network.links = {pipe};
  network.graph = builder.Build();
  return network;
}

GasNetwork FeedWithHole(double feed_gauge_Pa, double hole_diameter_m) {
  LeakSpec leak;
  leak.pipe_id = "P1";
  leak.offset_from_start_m = 1e-3;
  leak.orifice = Hole(hole_diameter_m);
  leak.junction_id = "hole";
  return AddLeak(FeedPipe(feed_gauge_Pa), leak);
}

TEST(GasLeak, SolvedInTheNetworkAtAFixedUpstreamPressure) {
  const GasFluid fluid = IdealGas();
  for (const auto& [gauge_Pa, choked] : {std::pair{4e5, true}, std::pair{0.3e5, false}}) {
    const GasNetwork network = FeedWithHole(gauge_Pa, 0.02);
    ASSERT_EQ(network.graph.link_count(), 2);
    const GasSteadyResult result = SolveGasSteady(network);
    const NodeIndex hole = network.graph.NodeIndexOf("hole");
    const double p1 = gauge_Pa + kNormalPressure_Pa;
    const double expected = choked ? ChokedClosedForm(Hole(0.02), p1, fluid.GasConstant_J_per_kg_K(), kTemperature_K)
                                   : UnchokedClosedForm(Hole(0.02), p1, kNormalPressure_Pa, fluid.GasConstant_J_per_kg_K(), kTemperature_K);
    EXPECT_NEAR(result.leak_kg_per_s[hole] / expected, 1.0, 1e-6) << gauge_Pa;
    // all of it comes through the first part of the pipe, none through the dead end
    EXPECT_NEAR(result.mass_flow_kg_per_s[network.graph.LinkIndexOf("P1/a")], result.leak_kg_per_s[hole], 1e-12);
    EXPECT_NEAR(result.mass_flow_kg_per_s[network.graph.LinkIndexOf("P1/b")], 0.0, 1e-12);
  }
}

TEST(GasLeak, APointOutsideThePipeIsAnErrorNamingIt) {
  LeakSpec leak;
  leak.pipe_id = "P1";
  leak.offset_from_start_m = 1500.0;
  leak.orifice = Hole(0.02);
  try {
    AddLeak(FeedPipe(1e5), leak);
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value()) << e.what();
    EXPECT_EQ(e.element()->id, "P1");
  }
}

}  // namespace
}  // namespace lifeline::gas
