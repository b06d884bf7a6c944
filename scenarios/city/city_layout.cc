// Lays out the demo city: streets, river corridor, blocks and sensitive sites (see city_layout.h).
#include "scenarios/city/city_layout.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/error.h"
#include "scenarios/city/city_random.h"

namespace lifeline::city {
namespace {

constexpr double kMainStreetWidth_m = 40.0;
constexpr double kMinorStreetWidth_m = 16.0;
constexpr double kJitterFraction = 0.08;  // minor intersections move up to this fraction of the pitch

constexpr const char* kMainNames[] = {"Renmin", "Jiefang", "Zhongshan", "Jianshe", "Wenhua", "Heping",
                                      "Xinhua", "Changjiang", "Huanghe", "Yingbin", "Chaoyang", "Dongfeng",
                                      "Shengli", "Guangming", "Jinshui", "Nongye"};
constexpr const char* kMinorNames[] = {"Lotus", "Pine", "Willow", "Peony", "Bamboo", "Plum",
                                       "Orchid", "Maple", "Cedar", "Jasmine", "Poplar", "Ginkgo"};

std::string StreetName(bool is_main, bool runs_north_south, int ordinal) {
  const int main_count = static_cast<int>(std::size(kMainNames));
  const int minor_count = static_cast<int>(std::size(kMinorNames));
  const char* suffix = is_main ? (runs_north_south ? "Road" : "Avenue") : (runs_north_south ? "Lane" : "Street");
  const char* stem = is_main ? kMainNames[ordinal % main_count] : kMinorNames[ordinal % minor_count];
  const int round = ordinal / (is_main ? main_count : minor_count);
  return round == 0 ? fmt::format("{} {}", stem, suffix) : fmt::format("{} {} {}", stem, suffix, round + 1);
}

double PolygonArea_m2(const std::array<Point3, 4>& corners) {
  double twice_area = 0.0;
  for (size_t k = 0; k < corners.size(); ++k) {
    const Point3& a = corners[k];
    const Point3& b = corners[(k + 1) % corners.size()];
    twice_area += a.x_m * b.y_m - b.x_m * a.y_m;
  }
  return 0.5 * std::abs(twice_area);
}

void AddStreets(CityLayout& layout) {
  const int n = layout.size_blocks;
  int main_ordinal = 0, minor_ordinal = 0;
  for (int direction = 0; direction < 2; ++direction) {
    const bool north_south = direction == 0;
    for (int line = 0; line <= n; ++line) {
      const bool is_main = north_south ? layout.main_column[line] : layout.main_row[line];
      Street street;
      street.id = fmt::format("ST-{}{}", north_south ? "NS" : "EW", line);
      street.name = StreetName(is_main, north_south, is_main ? main_ordinal++ : minor_ordinal++);
      street.is_main = is_main;
      street.runs_north_south = north_south;
      street.line = line;
      street.width_m = is_main ? kMainStreetWidth_m : kMinorStreetWidth_m;
      layout.streets.push_back(std::move(street));
    }
  }
}

void AddSegment(CityLayout& layout, std::string id, int street, int from_node, int to_node, int side_from,
                int side_to) {
  StreetSegment segment;
  segment.id = std::move(id);
  segment.street = street;
  segment.from_node = from_node;
  segment.to_node = to_node;
  segment.length_m = Distance_m(layout.intersections[from_node], layout.intersections[to_node], DistanceMetric::kPlan);
  const int index = static_cast<int>(layout.segments.size());
  layout.segments_at[from_node][side_from] = index;
  layout.segments_at[to_node][side_to] = index;
  layout.segments.push_back(std::move(segment));
}

void AddSegmentsAndBridges(CityLayout& layout, int simple_bridge_column) {
  const int n = layout.size_blocks;
  layout.segments_at.assign(layout.intersections.size(), {-1, -1, -1, -1});
  for (int row = 0; row <= n; ++row) {
    for (int column = 0; column <= n; ++column) {
      const int node = layout.NodeAt(column, row);
      if (column < n) {
        AddSegment(layout, fmt::format("E{}_{}", column, row), n + 1 + row, node, layout.NodeAt(column + 1, row), 0, 2);
      }
      if (row < n) {
        const bool crosses_river = row == layout.river_block_row;
        const bool bridged = layout.main_column[column] || column == simple_bridge_column;
        if (crosses_river && !bridged) continue;
        AddSegment(layout, fmt::format("N{}_{}", column, row), column, node, layout.NodeAt(column, row + 1), 1, 3);
        if (crosses_river) {
          const int segment = static_cast<int>(layout.segments.size()) - 1;
          layout.segments.back().bridge = static_cast<int>(layout.bridges.size());
          layout.bridges.push_back({fmt::format("B{}", layout.bridges.size() + 1), segment,
                                    layout.main_column[column]});
        }
      }
    }
  }
}

LandUse ChooseLandUse(const CityLayout& layout, int column, int row, std::mt19937_64& rng) {
  const double n = layout.size_blocks;
  const double u = Uniform01(rng);
  if (row == layout.river_block_row) return LandUse::kRiver;
  const double cx = (column + 0.5) / n - 0.5, cy = (row + 0.5) / n - 0.5;
  const double from_centre = std::hypot(cx, cy);
  const bool on_main = layout.main_column[column] || layout.main_column[column + 1] || layout.main_row[row] ||
                       layout.main_row[row + 1];
  if (u < 0.08) return LandUse::kPark;
  if (cx > 0.3 && cy < 0.0 && u < 0.7) return LandUse::kIndustrial;  // downstream, south-east
  if (from_centre < 0.2 && u < 0.65) return LandUse::kCommercial;
  if (on_main && u < 0.25) return LandUse::kCommercial;
  return LandUse::kResidential;
}

double DensityPerHectare(LandUse land_use, std::mt19937_64& rng) {
  switch (land_use) {
    case LandUse::kResidential: return UniformIn(rng, 250.0, 450.0);
    case LandUse::kCommercial: return UniformIn(rng, 60.0, 150.0);
    case LandUse::kIndustrial: return UniformIn(rng, 10.0, 40.0);
    case LandUse::kPark:
    case LandUse::kRiver: return 0.0;
  }
  return 0.0;
}

void AddBlocks(CityLayout& layout, std::mt19937_64& rng) {
  const int n = layout.size_blocks;
  for (int row = 0; row < n; ++row) {
    for (int column = 0; column < n; ++column) {
      Block block;
      block.id = fmt::format("K{}_{}", column, row);
      block.column = column;
      block.row = row;
      block.land_use = ChooseLandUse(layout, column, row, rng);
      block.corner_nodes = {layout.NodeAt(column, row), layout.NodeAt(column + 1, row),
                            layout.NodeAt(column + 1, row + 1), layout.NodeAt(column, row + 1)};
      std::array<Point3, 4> corners;
      for (size_t k = 0; k < 4; ++k) corners[k] = layout.intersections[block.corner_nodes[k]];
      block.area_m2 = PolygonArea_m2(corners);
      block.population = std::round(DensityPerHectare(block.land_use, rng) * block.area_m2 / 1e4);
      for (const Point3& corner : corners) {
        block.centroid.x_m += 0.25 * corner.x_m;
        block.centroid.y_m += 0.25 * corner.y_m;
      }
      block.centroid.z_m = layout.terrain.Elevation_m(block.centroid.x_m, block.centroid.y_m);
      layout.blocks.push_back(std::move(block));
    }
  }
}

// Schools and hospitals in residential blocks, markets in commercial ones,
// stations at main-street crossings; at least one of each kind.
void AddSensitiveSites(CityLayout& layout, std::mt19937_64& rng) {
  int schools = 0, hospitals = 0, markets = 0, stations = 0;
  auto add_block_site = [&](const char* prefix, const char* kind, int& count, int block, double persons) {
    const Block& b = layout.blocks[block];
    layout.sites.push_back({fmt::format("{}-{}", prefix, ++count), kind, block, b.corner_nodes[2], b.centroid, persons});
  };
  for (int k = 0; k < static_cast<int>(layout.blocks.size()); ++k) {
    const double u = Uniform01(rng);
    const double persons = std::round(UniformIn(rng, 500.0, 2500.0));
    const LandUse use = layout.blocks[k].land_use;
    if (use == LandUse::kResidential && u < 0.05) add_block_site("SCH", "school", schools, k, persons);
    if (use == LandUse::kResidential && u > 0.985) add_block_site("HOS", "hospital", hospitals, k, persons);
    if (use == LandUse::kCommercial && u < 0.12) add_block_site("MKT", "market", markets, k, persons);
  }
  int first_built = -1;
  for (int k = 0; k < static_cast<int>(layout.blocks.size()) && first_built < 0; ++k) {
    if (layout.blocks[k].land_use != LandUse::kRiver) first_built = k;
  }
  // Guarantee every kind, in blocks chosen from the middle of the built rows.
  const int middle = static_cast<int>(layout.blocks.size()) / 4;
  auto fallback_block = [&](int offset) {
    const int k = (middle + offset) % static_cast<int>(layout.blocks.size());
    return layout.blocks[k].land_use == LandUse::kRiver ? first_built : k;
  };
  if (schools == 0) add_block_site("SCH", "school", schools, fallback_block(0), 1200.0);
  if (hospitals == 0) add_block_site("HOS", "hospital", hospitals, fallback_block(1), 900.0);
  if (markets == 0) add_block_site("MKT", "market", markets, fallback_block(2), 800.0);
  for (int node = 0; node < static_cast<int>(layout.intersections.size()); ++node) {
    const bool crossing = layout.main_column[layout.ColumnOf(node)] && layout.main_row[layout.RowOf(node)];
    const double u = Uniform01(rng);
    if (crossing && (u < 0.25 || stations == 0)) {
      layout.sites.push_back({fmt::format("STA-{}", ++stations), "station", -1, node, layout.intersections[node],
                              std::round(UniformIn(rng, 2000.0, 20000.0))});
    }
  }
}

}  // namespace

const char* LandUseName(LandUse land_use) {
  switch (land_use) {
    case LandUse::kResidential: return "residential";
    case LandUse::kCommercial: return "commercial";
    case LandUse::kIndustrial: return "industrial";
    case LandUse::kPark: return "park";
    case LandUse::kRiver: return "river";
  }
  return "unknown";
}

std::string CityLayout::IntersectionId(int node) const {
  return fmt::format("X{}_{}", ColumnOf(node), RowOf(node));
}

CityLayout GenerateCityLayout(const CityOptions& options, std::mt19937_64& rng) {
  if (options.size_blocks < 8 || options.size_blocks > 2000) {
    throw Error(fmt::format("city size {} blocks is outside 8 .. 2000", options.size_blocks));
  }
  if (!(options.block_pitch_m >= 60.0 && options.block_pitch_m <= 500.0)) {
    throw Error(fmt::format("block pitch {} m is outside 60 .. 500 m", options.block_pitch_m));
  }
  CityLayout layout;
  const int n = options.size_blocks;
  const double pitch = options.block_pitch_m;
  layout.size_blocks = n;
  layout.block_pitch_m = pitch;
  layout.river_block_row = n / 2;
  layout.main_column.assign(n + 1, false);
  layout.main_row.assign(n + 1, false);
  for (int line = 0; line <= n; ++line) {
    layout.main_column[line] = line % 4 == 0 || line == n;
    layout.main_row[line] = line % 4 == 0 || line == n || line == layout.river_block_row ||
                            line == layout.river_block_row + 1;
  }
  layout.terrain = MakeTerrain(rng, (layout.river_block_row + 0.5) * pitch);
  layout.terrain.river.width_m = 0.2 * pitch;

  layout.intersections.resize(static_cast<size_t>(n + 1) * static_cast<size_t>(n + 1));
  for (int row = 0; row <= n; ++row) {
    for (int column = 0; column <= n; ++column) {
      const double jitter_x = UniformIn(rng, -kJitterFraction, kJitterFraction) * pitch;
      const double jitter_y = UniformIn(rng, -kJitterFraction, kJitterFraction) * pitch;
      Point3& p = layout.intersections[layout.NodeAt(column, row)];
      p.x_m = column * pitch + (layout.main_column[column] ? 0.0 : jitter_x);
      p.y_m = row * pitch + (layout.main_row[row] ? 0.0 : jitter_y);
      p.z_m = layout.terrain.Elevation_m(p.x_m, p.y_m);
    }
  }
  AddStreets(layout);
  int simple_bridge_column = (3 * n) / 4;
  while (layout.main_column[simple_bridge_column]) --simple_bridge_column;
  AddSegmentsAndBridges(layout, simple_bridge_column);
  AddBlocks(layout, rng);
  AddSensitiveSites(layout, rng);
  return layout;
}

}  // namespace lifeline::city
