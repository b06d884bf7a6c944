// Bridge benchmarks: a vehicle crossing a 3-span girder of 300 elements
// (903 DOFs) for 60 s, integrated and recorded at 1 kHz (target < 1 s).
#include <benchmark/benchmark.h>

#include <vector>

#include "models/bridge/girder.h"
#include "models/bridge/moving_load.h"

namespace {

using namespace lifeline::bridge;

Girder ThreeSpanGirder() {
  const std::vector<double> spans_m{30.0, 40.0, 30.0};
  const Section concrete{3.45e10, 3.2, 6.5, 18000.0, 1.0e-5};
  return BuildContinuousGirder(
      "bench 30 + 40 + 30 m", spans_m, 100, concrete,
      {{"A1", SupportKind::kPinned},
       {"P1", SupportKind::kRoller},
       {"P2", SupportKind::kRoller},
       {"A2", SupportKind::kRoller}},
      {{"mid1", 15.0, 0.9}, {"mid2", 50.0, 0.9}, {"mid3", 85.0, 0.9}, {"P1", 30.0, -0.9}});
}

void BM_SixtySecondCrossing(benchmark::State& state) {
  const Girder girder = ThreeSpanGirder();
  // six axles over 13.6 m; the last leaves after 60 s
  const std::vector<Axle> axles{{0.0, 68.6e3},  {3.6, 112.8e3}, {4.95, 112.8e3},
                                {11.0, 78.5e3}, {12.3, 78.5e3}, {13.6, 78.5e3}};
  const Vehicle vehicle{"six-axle", (girder.length_m() + 13.6) / 60.0, axles};
  CrossingOptions options;
  options.time_step_s = 1e-3;
  options.steps_per_output = 1;
  options.damping = RayleighDamping::FromDampingRatio(0.02, 2.0, 8.0);
  for (auto _ : state) {
    const CrossingResult result = SimulateCrossing(girder, vehicle, options);
    benchmark::DoNotOptimize(result.sensors.front().max_deflection_m);
    state.counters["steps"] = static_cast<double>(result.steps);
  }
}
BENCHMARK(BM_SixtySecondCrossing)->Unit(benchmark::kMillisecond);

}  // namespace
