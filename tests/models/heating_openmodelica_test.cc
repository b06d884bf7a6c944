// Tests for models/heating against OpenModelica: the five pandapipes
// heat-transfer networks (../shared/data/heating/pandapipes_openmodelica_heat).
// Tolerances (issue #7): temperatures within 0.1 K, pressures within 0.01 bar,
// velocities within 0.01 m/s; energy balance closed to 1e-6 relative.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/jacobian_check.h"
#include "engine/units.h"
#include "models/heating/heating_hydraulics.h"
#include "models/heating/heating_reader.h"
#include "models/heating/heating_steady.h"
#include "tests/support/shared_data.h"

namespace lifeline::heating {
namespace {

class OpenModelicaNetwork : public ::testing::TestWithParam<const char*> {
 protected:
  HeatingNetwork Read() const {
    return ReadPandapipesHeatingFile(lifeline::testing::SharedDataFile(
        std::string("heating/pandapipes_openmodelica_heat/simple/") + GetParam() + ".json"));
  }
};

TEST_P(OpenModelicaNetwork, PressuresVelocitiesAndTemperaturesMatch) {
  const HeatingNetwork network = Read();
  SteadyOptions options;
  options.heat_loss = HeatLossLaw::kSectionUpwind;  // OpenModelica's finite volumes, the file's section count
  const SteadyState state = SolveSteadyState(network, options);

  double worst_pressure_bar = 0.0, worst_velocity = 0.0, worst_temperature = 0.0;
  for (NodeIndex j = 0; j < network.graph.node_count(); ++j) {
    ASSERT_TRUE(network.junctions[j].reference_pressure_Pa.has_value());
    worst_pressure_bar = std::max(
        worst_pressure_bar, std::abs(units::PascalToBar(state.pressure_Pa[j] - *network.junctions[j].reference_pressure_Pa)));
  }
  for (LinkIndex l = 0; l < network.graph.link_count(); ++l) {
    const Link& pipe = network.links[l];
    ASSERT_TRUE(pipe.reference_velocity_m_per_s.has_value());
    worst_velocity = std::max(worst_velocity, std::abs(state.velocity_m_per_s[l] - *pipe.reference_velocity_m_per_s));
    // T_om lists the sections' temperatures in order from the pipe's from-junction
    std::vector<double> computed = state.section_temperature_K[l];
    if (state.mass_flow_kg_per_s[l] < 0.0) std::reverse(computed.begin(), computed.end());
    ASSERT_EQ(computed.size(), pipe.reference_section_temperatures_K.size()) << network.graph.link(l).id;
    for (size_t k = 0; k < computed.size(); ++k) {
      worst_temperature = std::max(worst_temperature, std::abs(computed[k] - pipe.reference_section_temperatures_K[k]));
    }
  }
  EXPECT_LE(worst_pressure_bar, 0.01) << GetParam();
  EXPECT_LE(worst_velocity, 0.01) << GetParam();
  EXPECT_LE(worst_temperature, 0.1) << GetParam();
  EXPECT_LE(EnergyBalanceError(state), 1e-6) << GetParam();
  RecordProperty("max_pressure_error_bar", std::to_string(worst_pressure_bar));
  RecordProperty("max_velocity_error_m_per_s", std::to_string(worst_velocity));
  RecordProperty("max_temperature_error_K", std::to_string(worst_temperature));
  std::printf("%s: max |dp| %.2e bar, max |dv| %.2e m/s, max |dT| %.3f K, energy balance %.1e, %ld Newton iterations\n",
              GetParam(), worst_pressure_bar, worst_velocity, worst_temperature, EnergyBalanceError(state),
              state.newton_iterations);
}

TEST_P(OpenModelicaNetwork, AnalyticJacobianMatchesFiniteDifferences) {
  const HeatingNetwork network = Read();
  const HydraulicEquations equations(network);
  std::vector<double> x = equations.InitialGuess();
  for (size_t k = 0; k < x.size(); ++k) x[k] += 0.3 + 0.1 * static_cast<double>(k);  // away from zero flow
  SparseMatrix analytic;
  equations.Jacobian(x, analytic);
  EXPECT_LT(MaxRelativeDifference(analytic, FiniteDifferenceJacobian(equations, x)), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(HeatTransferCases, OpenModelicaNetwork,
                         ::testing::Values("one_pipe", "two_pipes", "delta", "t_cross", "heights"));

}  // namespace
}  // namespace lifeline::heating
