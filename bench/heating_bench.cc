// Heating benchmarks on square grid networks of side N (N^2 junctions,
// 2N(N-1) pipes of 100 m, DN 100): a steady solve with real water, and a 24 h
// plug-flow transient at a 60 s step with a supply temperature change at noon;
// and the demo city's heating network (data/demo-city/heating.json) for 24 h.
//
//   ./dev bench   (build/bench/heating_bench)
#include <benchmark/benchmark.h>

#include "bench/grid_network.h"
#include "models/heating/heating_city_reader.h"
#include "models/heating/heating_transient.h"

namespace lifeline {
namespace {

heating::HeatingNetwork GridHeatingNetwork(int n) {
  heating::HeatingNetwork network;
  network.title = "heating grid";
  NetworkGraphBuilder builder(heating::kSystem);
  bench::AddGrid(builder, n);
  network.graph = builder.Build();
  network.junctions.assign(network.graph.node_count(), {0.0, 343.15, {}});
  heating::Link pipe;
  pipe.length_m = 100.0;
  pipe.diameter_m = 0.1;
  pipe.roughness_m = 1e-4;
  pipe.heat_transfer_W_per_m2K = 1.5;
  pipe.ambient_temperature_K = 283.15;
  pipe.sections = 2;
  network.links.assign(network.graph.link_count(), pipe);
  network.ext_grids.push_back({0, 6e5, 363.15});
  for (NodeIndex j = 1; j < network.graph.node_count(); ++j) network.consumers.push_back({j, 0.05});
  return network;
}

void BM_HeatingSteady(benchmark::State& state) {
  const heating::HeatingNetwork network = GridHeatingNetwork(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(heating::SolveSteadyState(network));
  state.counters["pipes"] = network.graph.link_count();
}
BENCHMARK(BM_HeatingSteady)->Arg(10)->Arg(32)->Unit(benchmark::kMillisecond);

// 24 h at a 60 s step with the supply 5 K colder from noon, timed per run.
void Run24h(const heating::HeatingNetwork& network, benchmark::State& state) {
  heating::TransientOptions options;
  options.duration_s = 86400.0;
  options.time_step_s = 60.0;
  options.report_step_s = 900.0;
  options.show_progress = false;
  for (auto _ : state) {
    heating::HeatingTransient transient(network, options);
    transient.Schedule(43200.0, "supply 5 K colder", [](heating::HeatingNetwork& n) { n.ext_grids[0].temperature_K -= 5.0; });
    benchmark::DoNotOptimize(transient.Run());
  }
  state.counters["links"] = network.graph.link_count();
  state.counters["x_real_time"] =
      benchmark::Counter(86400.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_HeatingTransient24h(benchmark::State& state) {
  Run24h(GridHeatingNetwork(static_cast<int>(state.range(0))), state);
}
BENCHMARK(BM_HeatingTransient24h)->Arg(10)->Arg(32)->Unit(benchmark::kMillisecond);

void BM_DemoCityHeating24h(benchmark::State& state) {
  Run24h(heating::ReadCityHeatingFile(LIFELINE_DEMO_CITY_DIR "/heating.json"), state);
}
BENCHMARK(BM_DemoCityHeating24h)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline
