// Plan-view map rasterizer and PNG writer (see plan_map_png.h).
#include "scenarios/city/plan_map_png.h"

#include <fmt/format.h>
#include <png.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "engine/error.h"

namespace lifeline::city {
namespace {

using Colour = std::array<std::uint8_t, 3>;

constexpr Colour kStreet{150, 150, 150};
constexpr Colour kRiver{90, 150, 220};
constexpr Colour kWater{20, 90, 200};
constexpr Colour kSewer{140, 90, 40};
constexpr Colour kGas{235, 175, 0};
constexpr Colour kHeating{210, 40, 40};
constexpr Colour kTunnel{130, 40, 170};
constexpr Colour kBridge{20, 20, 20};
constexpr Colour kSensor{0, 0, 0};

Colour LandUseColour(LandUse land_use) {
  switch (land_use) {
    case LandUse::kResidential: return {246, 226, 170};
    case LandUse::kCommercial: return {240, 170, 150};
    case LandUse::kIndustrial: return {200, 190, 215};
    case LandUse::kPark: return {160, 210, 140};
    case LandUse::kRiver: return {190, 220, 200};
  }
  return {255, 255, 255};
}

Colour SiteColour(const std::string& kind) {
  if (kind == "school") return {0, 160, 60};
  if (kind == "hospital") return {230, 0, 0};
  if (kind == "station") return {0, 0, 160};
  return {230, 110, 0};  // market
}

class Canvas {
 public:
  Canvas(double min_x_m, double min_y_m, double span_m, int side_px)
      : min_x_m_(min_x_m), min_y_m_(min_y_m), px_per_m_(side_px / span_m), side_(side_px),
        pixels_(static_cast<size_t>(side_px) * static_cast<size_t>(side_px) * 3, 255) {}

  int side() const { return side_; }
  double px_per_m() const { return px_per_m_; }
  double Column(double x_m) const { return (x_m - min_x_m_) * px_per_m_; }
  double Row(double y_m) const { return side_ - (y_m - min_y_m_) * px_per_m_; }
  double X_m(int column) const { return min_x_m_ + (column + 0.5) / px_per_m_; }
  double Y_m(int row) const { return min_y_m_ + (side_ - row - 0.5) / px_per_m_; }

  void Set(int column, int row, const Colour& colour) {
    if (column < 0 || row < 0 || column >= side_ || row >= side_) return;
    std::uint8_t* p = &pixels_[(static_cast<size_t>(row) * static_cast<size_t>(side_) + static_cast<size_t>(column)) * 3];
    p[0] = colour[0];
    p[1] = colour[1];
    p[2] = colour[2];
  }

  void Disk(double column, double row, double radius_px, const Colour& colour) {
    const int r = static_cast<int>(std::ceil(radius_px));
    const int c0 = static_cast<int>(std::lround(column)), r0 = static_cast<int>(std::lround(row));
    for (int dr = -r; dr <= r; ++dr) {
      for (int dc = -r; dc <= r; ++dc) {
        if (dc * dc + dr * dr <= radius_px * radius_px + 0.25) Set(c0 + dc, r0 + dr, colour);
      }
    }
  }

  // A line between two city points, offset_px to the left of its direction, width_px wide.
  void Line(const Point3& a, const Point3& b, double width_px, double offset_px, const Colour& colour) {
    double c1 = Column(a.x_m), r1 = Row(a.y_m), c2 = Column(b.x_m), r2 = Row(b.y_m);
    const double length_px = std::hypot(c2 - c1, r2 - r1);
    if (length_px > 0.0 && offset_px != 0.0) {
      const double nc = (r2 - r1) / length_px * offset_px, nr = -(c2 - c1) / length_px * offset_px;
      c1 += nc; c2 += nc; r1 += nr; r2 += nr;
    }
    const int steps = std::max(1, static_cast<int>(std::ceil(2.0 * length_px)));
    for (int k = 0; k <= steps; ++k) {
      const double t = static_cast<double>(k) / steps;
      Disk(c1 + t * (c2 - c1), r1 + t * (r2 - r1), 0.5 * width_px, colour);
    }
  }

  // Fills a convex polygon given in city coordinates.
  void FillConvex(const std::array<Point3, 4>& corners, const Colour& colour) {
    double lo_c = side_, hi_c = 0, lo_r = side_, hi_r = 0;
    for (const Point3& p : corners) {
      lo_c = std::min(lo_c, Column(p.x_m)); hi_c = std::max(hi_c, Column(p.x_m));
      lo_r = std::min(lo_r, Row(p.y_m)); hi_r = std::max(hi_r, Row(p.y_m));
    }
    for (int row = std::max(0, static_cast<int>(lo_r)); row <= std::min(side_ - 1, static_cast<int>(hi_r)); ++row) {
      for (int column = std::max(0, static_cast<int>(lo_c)); column <= std::min(side_ - 1, static_cast<int>(hi_c)); ++column) {
        const double x = X_m(column), y = Y_m(row);
        bool inside = true;
        for (size_t k = 0; k < corners.size() && inside; ++k) {
          const Point3& p = corners[k];
          const Point3& q = corners[(k + 1) % corners.size()];
          inside = (q.x_m - p.x_m) * (y - p.y_m) - (q.y_m - p.y_m) * (x - p.x_m) >= 0.0;
        }
        if (inside) Set(column, row, colour);
      }
    }
  }

  void Write(const std::string& path) const {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(side_);
    image.height = static_cast<png_uint_32>(side_);
    image.format = PNG_FORMAT_RGB;
    if (png_image_write_to_file(&image, path.c_str(), 0, pixels_.data(), 0, nullptr) == 0) {
      const std::string reason = image.message;
      png_image_free(&image);
      throw Error(fmt::format("{}: cannot write the map: {}", path, reason));
    }
  }

 private:
  double min_x_m_, min_y_m_, px_per_m_;
  int side_;
  std::vector<std::uint8_t> pixels_;
};

}  // namespace

void WritePlanMapPng(const CitySystems& city, const std::vector<CitySensor>& sensors, int max_side_px,
                     const std::string& path) {
  if (max_side_px < 64) throw Error(fmt::format("map size {} px is below 64", max_side_px));
  const CityLayout& layout = city.layout;
  const double margin_m = 400.0;
  Canvas canvas(-margin_m, -margin_m, layout.extent_m() + 2 * margin_m, max_side_px);
  const double lane_px = std::max(1.0, std::min(3.0, 6.0 * canvas.px_per_m()));

  // Terrain tint: lighter green low, tan high.
  double low_m = 1e300, high_m = -1e300;
  for (const Point3& p : layout.intersections) { low_m = std::min(low_m, p.z_m); high_m = std::max(high_m, p.z_m); }
  for (int row = 0; row < canvas.side(); ++row) {
    for (int column = 0; column < canvas.side(); ++column) {
      const double t = std::clamp((layout.terrain.Elevation_m(canvas.X_m(column), canvas.Y_m(row)) - low_m) /
                                      std::max(1.0, high_m - low_m), 0.0, 1.0);
      canvas.Set(column, row, {static_cast<std::uint8_t>(205 + 30 * t), static_cast<std::uint8_t>(225 - 15 * t),
                               static_cast<std::uint8_t>(195 - 35 * t)});
    }
  }
  for (const Block& block : layout.blocks) {
    std::array<Point3, 4> corners;
    for (size_t k = 0; k < 4; ++k) corners[k] = layout.intersections[block.corner_nodes[k]];
    canvas.FillConvex(corners, LandUseColour(block.land_use));
  }
  // River: a band around the centreline, drawn column by column.
  const River& river = layout.terrain.river;
  for (int column = 0; column < canvas.side(); ++column) {
    const double centre_row = canvas.Row(river.CentreY_m(canvas.X_m(column)));
    const double half_px = std::max(1.0, 0.5 * river.width_m * canvas.px_per_m());
    for (int row = static_cast<int>(centre_row - half_px); row <= static_cast<int>(centre_row + half_px); ++row) {
      canvas.Set(column, row, kRiver);
    }
  }
  for (const StreetSegment& segment : layout.segments) {
    const double width_px = std::max(1.0, layout.streets[segment.street].width_m * canvas.px_per_m());
    canvas.Line(layout.intersections[segment.from_node], layout.intersections[segment.to_node], width_px, 0.0, kStreet);
  }
  for (const SewerConduit& c : city.drainage.conduits) {
    canvas.Line(city.drainage.manholes[c.from].position, city.drainage.manholes[c.to].position, lane_px, -lane_px, kSewer);
  }
  for (const WaterLink& link : city.water.links) {
    canvas.Line(city.water.nodes[link.from].position, city.water.nodes[link.to].position, lane_px, lane_px, kWater);
  }
  for (const GasLink& link : city.gas.links) {
    canvas.Line(city.gas.nodes[link.from].position, city.gas.nodes[link.to].position, lane_px, 2 * lane_px, kGas);
  }
  for (const HeatingLink& link : city.heating.links) {
    if (link.kind != "supply_pipe") continue;
    canvas.Line(city.heating.nodes[link.from].position, city.heating.nodes[link.to].position, lane_px, -2 * lane_px,
                kHeating);
  }
  for (size_t k = 0; k + 1 < city.tunnel.path.size(); ++k) {
    canvas.Line(city.tunnel.path[k], city.tunnel.path[k + 1], 3 * lane_px, 0.0, kTunnel);
  }
  for (const CityBridge& bridge : city.bridges) {
    canvas.Line(bridge.south_end, bridge.north_end, std::max(2.0, bridge.deck_width_m * canvas.px_per_m()), 0.0, kBridge);
  }
  for (const SensitiveSite& site : layout.sites) {
    canvas.Disk(canvas.Column(site.position.x_m), canvas.Row(site.position.y_m), 2.0 * lane_px, SiteColour(site.kind));
  }
  for (const CitySensor& sensor : sensors) {
    canvas.Disk(canvas.Column(sensor.position.x_m), canvas.Row(sensor.position.y_m), 0.5 * lane_px, kSensor);
  }
  canvas.Write(path);
}

}  // namespace lifeline::city
