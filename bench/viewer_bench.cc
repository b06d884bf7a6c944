// Viewer benchmarks: building the scene from a results file, and the frame time
// of the off-screen view with the software renderer (Mesa llvmpipe under Xvfb),
// on grid networks of N = 100 (19,800 pipes) and N = 224 (99,904 pipes).
//
//   ./dev bench   (runs this under xvfb-run; without a display the frame-time cases report an error)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "bench/grid_network.h"
#include "engine/results_store.h"
#include "viewer/scene_builder.h"
#include "viewer/snapshot.h"

namespace lifeline {
namespace {

// A results file holding one grid network, written once per size.
const std::string& GridResults(int n) {
  static std::map<int, std::string> paths;
  auto it = paths.find(n);
  if (it != paths.end()) return it->second;
  const std::string path =
      (std::filesystem::temp_directory_path() / ("viewer-bench-" + std::to_string(getpid()) + "-" + std::to_string(n) + ".h5"))
          .string();
  {
    ResultsWriter writer(path, {"viewer benchmark grid", ""});
    NetworkGraphBuilder builder("water");
    bench::AddGrid(builder, n);
    writer.WriteNetwork(builder.Build());
  }
  std::atexit([] {
    for (const auto& [size, file] : paths) std::filesystem::remove(file);
  });
  return paths.emplace(n, path).first->second;
}

void BM_SceneBuild(benchmark::State& state) {
  const ResultsReader results(GridResults(static_cast<int>(state.range(0))));
  viewer::SceneSummary summary;
  for (auto _ : state) benchmark::DoNotOptimize(viewer::BuildScene(results, {}, summary));
  state.counters["pipes"] = summary.link_count;
}
BENCHMARK(BM_SceneBuild)->Arg(100)->Arg(224)->Unit(benchmark::kMillisecond);

void BM_FrameTime(benchmark::State& state) {
  if (std::getenv("DISPLAY") == nullptr) {
    state.SkipWithError("no X display: run under xvfb-run -a");
    return;
  }
  const ResultsReader results(GridResults(static_cast<int>(state.range(0))));
  viewer::SceneSummary summary;
  const osg::ref_ptr<osg::Group> scene = viewer::BuildScene(results, {}, summary);
  viewer::SnapshotOptions options;
  viewer::OffscreenView view(scene.get(), summary, options);
  view.RenderFrame();  // first frame compiles the GL objects
  for (auto _ : state) view.RenderFrame();
  state.counters["pipes"] = summary.link_count;
}
BENCHMARK(BM_FrameTime)->Arg(100)->Arg(224)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lifeline
