// Gas benchmarks: steady solve (KINSOL + KLU) of a generated distribution
// network: the square grid of bench/grid_network.h (side N: N^2 junctions,
// 2N(N-1) pipes of 100 m, 150 mm, k = 0.1 mm, Nikuradse, STANET's linear Z),
// fed at 4 bar gauge from one corner, every junction drawing 2e-5 kg/s.
//
//   ./dev bench --benchmark_filter=GasSteady   (or build/bench/gas_bench)
#include <benchmark/benchmark.h>

#include "bench/grid_network.h"
#include "models/gas/gas_steady.h"

namespace lifeline::gas {
namespace {

GasNetwork GridNetwork(int n) {
  NetworkGraphBuilder builder(kSystem);
  bench::AddGrid(builder, n);
  GasNetwork network;
  network.title = "generated grid";
  network.graph = builder.Build();
  network.fluid.z_slope_per_Pa = -0.0022e-5;
  network.junctions.resize(static_cast<size_t>(network.graph.node_count()));
  for (Junction& junction : network.junctions) junction.sink_kg_per_s = 2e-5;
  network.junctions[static_cast<size_t>(network.graph.NodeIndexOf(bench::GridId('N', 0, 0)))].fixed_pressure_Pa =
      4e5 + AmbientPressure_Pa(0.0);
  Link pipe;
  pipe.diameter_m = 0.15;
  pipe.roughness_m = 1e-4;
  network.links.assign(static_cast<size_t>(network.graph.link_count()), pipe);
  return network;
}

void BM_GasSteadySolve(benchmark::State& state) {
  const GasNetwork network = GridNetwork(static_cast<int>(state.range(0)));
  long iterations = 0;
  for (auto _ : state) {
    const GasSteadyResult result = SolveGasSteady(network);
    iterations = result.report.iterations;
    benchmark::DoNotOptimize(result.pressure_Pa.data());
  }
  state.counters["pipes"] = network.graph.link_count();
  state.counters["unknowns"] = network.graph.node_count() - 1 + network.graph.link_count();
  state.counters["newton_iterations"] = static_cast<double>(iterations);
}
BENCHMARK(BM_GasSteadySolve)->Arg(30)->Arg(100)->Arg(224)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline::gas
