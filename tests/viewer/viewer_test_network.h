// A small two-system results file for the viewer tests: a water main and a
// buried gas line under it, with one water quantity over two report times.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "engine/results_store.h"

namespace lifeline::viewer {

inline std::string WriteViewerTestResults(const std::string& name) {
  const std::string path =
      (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()) + ".h5")).string();
  ResultsWriter writer(path, {"viewer test", ""});
  NetworkGraphBuilder water("water");
  water.AddNode({"W1", "reservoir", {0.0, 0.0, 2.0}});
  water.AddNode({"W2", "junction", {400.0, 0.0, -1.5}});
  water.AddNode({"W3", "junction", {400.0, 300.0, -1.5}});
  water.AddLink({"WP1", "pipe", 400.0, false}, "W1", "W2");
  water.AddLink({"WP2", "pipe", 300.0, false}, "W2", "W3");
  writer.WriteNetwork(water.Build());
  NetworkGraphBuilder gas("gas");
  gas.AddNode({"G1", "junction", {0.0, 50.0, -1.0}});
  gas.AddNode({"G2", "junction", {400.0, 50.0, -1.0}});
  gas.AddLink({"GP1", "pipe", 400.0, false}, "G1", "G2");
  writer.WriteNetwork(gas.Build());
  writer.DeclareQuantity("water", "head_m", "m", {"W1", "W2", "W3"});
  const double early[] = {50.0, 45.0, 40.0}, late[] = {50.0, 35.0, 20.0};
  const QuantityRow at0[] = {{"head_m", early}}, at1[] = {{"head_m", late}};
  writer.AppendStep("water", 0.0, at0);
  writer.AppendStep("water", 3600.0, at1);
  return path;
}

}  // namespace lifeline::viewer
