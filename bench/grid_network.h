// Square grid networks for the benchmarks: side N gives N^2 junctions and
// 2N(N-1) pipes of 100 m, every fourth horizontal pipe an isolation valve.
#pragma once

#include <string>

#include "engine/network_graph.h"

namespace lifeline::bench {

inline std::string GridId(char prefix, int i, int j) {
  return prefix + std::to_string(i) + "_" + std::to_string(j);
}

// Adds the grid's nodes ("N<i>_<j>", 1.5 m deep) and links to a builder.
inline void AddGrid(NetworkGraphBuilder& builder, int n) {
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) builder.AddNode({GridId('N', i, j), "junction", {100.0 * i, 100.0 * j, -1.5}});
  }
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (i + 1 < n) {
        builder.AddLink({GridId('H', i, j), "pipe", 100.0, j % 4 == 0}, GridId('N', i, j), GridId('N', i + 1, j));
      }
      if (j + 1 < n) builder.AddLink({GridId('V', i, j), "pipe", 100.0, false}, GridId('N', i, j), GridId('N', i, j + 1));
    }
  }
}

}  // namespace lifeline::bench
