// Engine benchmarks: graph queries and a steady KINSOL+KLU solve on square grid
// networks of side N (N^2 nodes, 2N(N-1) links, 100 m pipes).
//
//   ./dev bench            (or build/bench/engine_bench --benchmark_filter=...)
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <string>

#include "bench/grid_network.h"
#include "engine/network_graph.h"
#include "engine/steady_solver.h"
#include "models/tank_network/tank_network_equations.h"

namespace lifeline {
namespace {

NetworkGraph Grid(int n) {
  NetworkGraphBuilder builder("water");
  bench::AddGrid(builder, n);
  return builder.Build();
}

void BM_GraphBuild(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(Grid(n));
  state.counters["links"] = 2.0 * n * (n - 1);
}
BENCHMARK(BM_GraphBuild)->Arg(100)->Arg(316)->Unit(benchmark::kMillisecond);

void BM_ConnectedComponents(benchmark::State& state) {
  const NetworkGraph graph = Grid(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(graph.ConnectedComponents());
  state.counters["links"] = graph.link_count();
}
BENCHMARK(BM_ConnectedComponents)->Arg(100)->Arg(316)->Unit(benchmark::kMillisecond);

void BM_IsolatedSegment(benchmark::State& state) {
  const NetworkGraph graph = Grid(static_cast<int>(state.range(0)));
  std::vector<LinkIndex> valves;
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    if (graph.link(l).is_isolation_valve) valves.push_back(l);
  }
  const NetworkPoint middle = NetworkPoint::AtNode(graph.node_count() / 2);
  for (auto _ : state) benchmark::DoNotOptimize(graph.IsolatedSegment(middle, valves));
  state.counters["links"] = graph.link_count();
}
BENCHMARK(BM_IsolatedSegment)->Arg(100)->Arg(316)->Unit(benchmark::kMillisecond);

void BM_NetworkDistance(benchmark::State& state) {
  const NetworkGraph graph = Grid(static_cast<int>(state.range(0)));
  const NetworkPoint a = NetworkPoint::AlongLink(0, 30.0);
  const NetworkPoint b = NetworkPoint::AtNode(graph.node_count() - 1);
  for (auto _ : state) benchmark::DoNotOptimize(graph.NetworkDistance_m(a, b));
  state.counters["links"] = graph.link_count();
}
BENCHMARK(BM_NetworkDistance)->Arg(100)->Arg(316)->Unit(benchmark::kMillisecond);

void BM_ElementsWithin(benchmark::State& state) {
  const NetworkGraph graph = Grid(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(graph.ElementsWithin({5000.0, 5000.0, 0.0}, 250.0));
  state.counters["links"] = graph.link_count();
}
BENCHMARK(BM_ElementsWithin)->Arg(100)->Arg(316)->Unit(benchmark::kMillisecond);

// A reservoir at the grid's corner supplying 0.1 L/s at every junction.
tank_network::TankNetwork GridTankNetwork(int n) {
  tank_network::TankNetwork network;
  NetworkGraphBuilder builder(tank_network::kSystem);
  builder.AddNode({"R", "reservoir", {-100.0, 0.0, 0.0}});
  bench::AddGrid(builder, n);
  builder.AddLink({"RP", "pipe", 100.0, false}, "R", bench::GridId('N', 0, 0));
  network.graph = builder.Build();
  network.nodes.resize(network.graph.node_count());
  network.nodes[0] = {tank_network::NodeKind::kReservoir, 0.0, 100.0};
  for (size_t k = 1; k < network.nodes.size(); ++k) network.nodes[k].base_demand_m3_per_s = 1e-4;
  for (LinkIndex l = 0; l < network.graph.link_count(); ++l) {
    const double d = l + 1 == network.graph.link_count() ? 1.0 : 0.3;
    const double r = 8.0 * 0.02 * 100.0 / (9.80665 * std::numbers::pi * std::numbers::pi * std::pow(d, 5));
    network.pipes.push_back({d, 0.02, r});
  }
  return network;
}

void BM_SteadySolveGrid(benchmark::State& state) {
  const tank_network::TankNetwork network = GridTankNetwork(static_cast<int>(state.range(0)));
  const tank_network::SteadyEquations equations(network, {}, 0.0);
  long iterations = 0;
  for (auto _ : state) {
    std::vector<double> x(equations.size(), 0.0);
    for (int k = 0; k < equations.layout().junction_count(); ++k) x[k] = 90.0;
    iterations = SolveSteady(equations, x).iterations;
  }
  state.counters["unknowns"] = equations.size();
  state.counters["newton_iterations"] = static_cast<double>(iterations);
}
BENCHMARK(BM_SteadySolveGrid)->Arg(30)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline
