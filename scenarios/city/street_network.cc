// Street graph and street trees (see street_network.h).
#include "scenarios/city/street_network.h"

#include <fmt/format.h>

#include <cstddef>

namespace lifeline::city {

NetworkGraph BuildStreetGraph(const CityLayout& layout) {
  NetworkGraphBuilder builder("street");
  for (int node = 0; node < static_cast<int>(layout.intersections.size()); ++node) {
    builder.AddNode({layout.IntersectionId(node), "intersection", layout.intersections[node]});
  }
  for (const StreetSegment& segment : layout.segments) {
    builder.AddLink({segment.id, segment.bridge >= 0 ? "bridge" : "street", segment.length_m, false},
                    layout.IntersectionId(segment.from_node), layout.IntersectionId(segment.to_node));
  }
  return builder.Build();
}

StreetTree MainStreetTree(const CityLayout& layout, int root_node) {
  StreetTree tree;
  std::vector<bool> reached(layout.intersections.size(), false);
  tree.parent_segment.assign(layout.intersections.size(), -1);
  tree.order.push_back(root_node);
  reached[root_node] = true;
  for (size_t head = 0; head < tree.order.size(); ++head) {
    const int node = tree.order[head];
    for (const int segment : layout.segments_at[node]) {
      if (segment < 0 || !layout.IsMainSegment(segment)) continue;
      const int next = layout.OtherEnd(segment, node);
      if (reached[next]) continue;
      reached[next] = true;
      tree.parent_segment[next] = segment;
      tree.order.push_back(next);
    }
  }
  return tree;
}

Districts FindDistricts(const CityLayout& layout) {
  Districts result;
  result.parent_segment.assign(layout.intersections.size(), -1);
  std::vector<int> main_columns, main_rows;
  for (int line = 0; line <= layout.size_blocks; ++line) {
    if (layout.main_column[line]) main_columns.push_back(line);
    if (layout.main_row[line]) main_rows.push_back(line);
  }
  std::vector<bool> reached(layout.intersections.size(), false);
  for (size_t b = 0; b + 1 < main_rows.size(); ++b) {
    const int south = main_rows[b], north = main_rows[b + 1];
    if (north - south < 2) continue;
    for (size_t a = 0; a + 1 < main_columns.size(); ++a) {
      const int west = main_columns[a], east = main_columns[a + 1];
      if (east - west < 2) continue;
      District district;
      district.id = fmt::format("D{}", result.districts.size() + 1);
      district.entry_node = layout.NodeAt(west + 1, south);
      district.entry_segment = layout.segments_at[district.entry_node][1];
      district.is_low_lying = south == layout.river_block_row + 1 || north == layout.river_block_row;
      const int first = layout.NodeAt(west + 1, south + 1);
      auto inside = [&](int node) {
        const int c = layout.ColumnOf(node), r = layout.RowOf(node);
        return c > west && c < east && r > south && r < north;
      };
      district.order.push_back(first);
      reached[first] = true;
      result.parent_segment[first] = district.entry_segment;
      for (size_t head = 0; head < district.order.size(); ++head) {
        const int node = district.order[head];
        for (const int segment : layout.segments_at[node]) {
          if (segment < 0) continue;
          const int next = layout.OtherEnd(segment, node);
          if (!inside(next) || reached[next]) continue;
          reached[next] = true;
          result.parent_segment[next] = segment;
          district.order.push_back(next);
        }
      }
      result.districts.push_back(std::move(district));
    }
  }
  return result;
}

}  // namespace lifeline::city
