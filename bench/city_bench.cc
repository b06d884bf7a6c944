// Demo-city generator benchmarks: designing every system in memory, and the
// whole `lifeline city generate` (designs + every file + the map) into a
// temporary folder, for cities of S x S blocks (about 3.4 S^2 water links).
//
//   ./dev bench --benchmark_filter=City   (or build/bench/city_bench)
#include <benchmark/benchmark.h>

#include <filesystem>

#include "scenarios/city/city_generator.h"
#include "scenarios/city/city_model.h"

namespace lifeline::city {
namespace {

void BM_CityModel(benchmark::State& state) {
  CityOptions options;
  options.size_blocks = static_cast<int>(state.range(0));
  size_t links = 0;
  for (auto _ : state) {
    const CityModel model = GenerateCityModel(options);
    links = model.water.links.size();
    benchmark::DoNotOptimize(links);
  }
  state.counters["water_links"] = static_cast<double>(links);
}
BENCHMARK(BM_CityModel)->Arg(18)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_CityGenerate(benchmark::State& state) {
  GenerateOptions options;
  options.city.size_blocks = static_cast<int>(state.range(0));
  options.out_dir = (std::filesystem::temp_directory_path() / "lifeline-city-bench").string();
  for (auto _ : state) benchmark::DoNotOptimize(GenerateCity(options).lines.size());
  std::filesystem::remove_all(options.out_dir);
}
BENCHMARK(BM_CityGenerate)->Arg(18)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline::city
