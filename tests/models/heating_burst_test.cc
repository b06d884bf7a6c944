// Tests for the burst of a heating pipe (models/heating/heating_network.cc
// WithBurst and the leak term of heating_hydraulics.cc): the orifice law at the
// burst, mass balance, and the pressure the consumer loses.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "engine/error.h"
#include "engine/jacobian_check.h"
#include "models/heating/heating_hydraulics.h"
#include "models/heating/heating_reader.h"
#include "models/heating/heating_steady.h"
#include "tests/support/shared_data.h"

namespace lifeline::heating {
namespace {

HeatingNetwork OnePipe() {
  return ReadPandapipesHeatingFile(
      lifeline::testing::SharedDataFile("heating/pandapipes_openmodelica_heat/simple/one_pipe.json"));
}

TEST(HeatingBurst, OrificeLawMassBalanceAndPressureLoss) {
  const HeatingNetwork intact = OnePipe();
  const HeatingNetwork burst = WithBurst(intact, "pipe_0", 0.5, 0.02, 0.6);
  ASSERT_EQ(burst.graph.node_count(), 3);
  ASSERT_EQ(burst.graph.link_count(), 2);
  EXPECT_DOUBLE_EQ(burst.links[0].length_m + burst.links[1].length_m, intact.links[0].length_m);

  const SteadyState before = SolveSteadyState(intact);
  const SteadyState after = SolveSteadyState(burst);
  const NodeIndex hole = burst.graph.NodeIndexOf("pipe_0@burst");
  const double p = after.pressure_Pa[hole];
  const double area = std::numbers::pi * 0.02 * 0.02 / 4.0;
  const double expected = 0.6 * area * std::sqrt(2.0 * burst.fluid.density_kg_per_m3 * p);
  ASSERT_EQ(after.leak_mass_flow_kg_per_s.size(), 1u);
  EXPECT_NEAR(after.leak_mass_flow_kg_per_s[0], expected, 1e-6 * expected);
  // the plant now feeds the consumer and the hole
  EXPECT_NEAR(after.mass_flow_kg_per_s[0], 3.0 + after.leak_mass_flow_kg_per_s[0], 1e-9);
  EXPECT_NEAR(after.mass_flow_kg_per_s[1], 3.0, 1e-9);
  // the consumer (junction 1) loses pressure: more flow in the first half
  EXPECT_LT(after.pressure_Pa[1], before.pressure_Pa[1]);
  EXPECT_LE(EnergyBalanceError(after), 1e-6);
}

TEST(HeatingBurst, LeakJacobianMatchesFiniteDifferences) {
  const HeatingNetwork burst = WithBurst(OnePipe(), "pipe_0", 0.3, 0.05);
  const HydraulicEquations equations(burst);
  std::vector<double> x = equations.InitialGuess();
  for (size_t k = 0; k < x.size(); ++k) x[k] += 0.5;
  SparseMatrix analytic;
  equations.Jacobian(x, analytic);
  EXPECT_LT(MaxRelativeDifference(analytic, FiniteDifferenceJacobian(equations, x)), 1e-5);
}

TEST(HeatingBurst, BadBurstsAreErrorsNamingThePipe) {
  const HeatingNetwork network = OnePipe();
  EXPECT_THROW(WithBurst(network, "no_such_pipe", 0.5, 0.02), Error);
  try {
    WithBurst(network, "pipe_0", 1.5, 0.02);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.element()->id, "pipe_0");
  }
}

}  // namespace
}  // namespace lifeline::heating
