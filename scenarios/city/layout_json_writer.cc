// City layout JSON writer (see layout_json_writer.h).
#include "scenarios/city/layout_json_writer.h"

#include "scenarios/city/json_lines.h"

namespace lifeline::city {

void WriteLayoutJson(const CityLayout& layout, const std::string& path) {
  TextFileWriter out(path);
  const Terrain& terrain = layout.terrain;
  OrderedJson waves = OrderedJson::array();
  for (const TerrainWave& wave : terrain.waves) {
    waves.push_back({{"amplitude_m", wave.amplitude_m},
                     {"wavenumber_x_per_m", wave.wavenumber_x_per_m},
                     {"wavenumber_y_per_m", wave.wavenumber_y_per_m},
                     {"phase_x_rad", wave.phase_x_rad},
                     {"phase_y_rad", wave.phase_y_rad}});
  }
  const River& river = terrain.river;
  OrderedJson centreline = OrderedJson::array();
  for (double x = -400.0; x <= layout.extent_m() + 400.0; x += 50.0) {
    centreline.push_back({Rounded(x, 2), Rounded(river.CentreY_m(x), 2)});
  }
  const OrderedJson head = {
      {"format", "lifeline-city-layout"},
      {"version", 1},
      {"size_blocks", layout.size_blocks},
      {"block_pitch_m", layout.block_pitch_m},
      {"river_block_row", layout.river_block_row},
      {"terrain",
       {{"formula", "z = base - fall_east*x + valley_slope*(sqrt(d^2+w^2)-w) + sum a*sin(kx*x+px)*cos(ky*y+py), "
                    "d = y - river_centre_y(x)"},
        {"base_elevation_m", terrain.base_elevation_m},
        {"eastward_fall_per_m", terrain.eastward_fall_per_m},
        {"valley_slope_per_m", terrain.valley_slope_per_m},
        {"valley_floor_rounding_m", terrain.valley_floor_rounding_m},
        {"waves", waves}}},
      {"river",
       {{"formula", "centre_y = centre_y_m + amplitude_m*sin(2*pi*x/wavelength_m + phase_rad)"},
        {"centre_y_m", river.centre_y_m},
        {"amplitude_m", river.amplitude_m},
        {"wavelength_m", river.wavelength_m},
        {"phase_rad", river.phase_rad},
        {"width_m", river.width_m},
        {"bed_below_bank_m", river.bed_below_bank_m},
        {"centreline_xy_m", centreline}}}};
  const std::string head_text = head.dump(2);
  out.Print("{},\n", head_text.substr(0, head_text.size() - 2));  // drop the closing "\n}"
  WriteJsonArray(out, "streets", layout.streets.size(), [&](size_t k) {
    const Street& s = layout.streets[k];
    return OrderedJson{{"id", s.id},         {"name", s.name},
                       {"kind", s.is_main ? "main" : "minor"},
                       {"direction", s.runs_north_south ? "north-south" : "east-west"},
                       {"line", s.line},     {"width_m", s.width_m}};
  }, false);
  WriteJsonArray(out, "intersections", layout.intersections.size(), [&](size_t k) {
    const Point3& p = layout.intersections[k];
    return OrderedJson{{"id", layout.IntersectionId(static_cast<int>(k))},
                       {"x_m", Rounded(p.x_m, 2)},
                       {"y_m", Rounded(p.y_m, 2)},
                       {"z_m", Rounded(p.z_m, 3)}};
  }, false);
  WriteJsonArray(out, "segments", layout.segments.size(), [&](size_t k) {
    const StreetSegment& s = layout.segments[k];
    return OrderedJson{{"id", s.id},
                       {"street", layout.streets[s.street].id},
                       {"from", layout.IntersectionId(s.from_node)},
                       {"to", layout.IntersectionId(s.to_node)},
                       {"length_m", Rounded(s.length_m, 2)},
                       {"bridge", s.bridge >= 0 ? OrderedJson(layout.bridges[s.bridge].id) : OrderedJson(nullptr)}};
  }, false);
  WriteJsonArray(out, "blocks", layout.blocks.size(), [&](size_t k) {
    const Block& b = layout.blocks[k];
    OrderedJson corners = OrderedJson::array();
    for (const int node : b.corner_nodes) corners.push_back(layout.IntersectionId(node));
    return OrderedJson{{"id", b.id},
                       {"land_use", LandUseName(b.land_use)},
                       {"area_m2", Rounded(b.area_m2, 1)},
                       {"population", b.population},
                       {"density_per_ha", Rounded(b.population / (b.area_m2 / 1e4), 1)},
                       {"corners", corners},
                       {"centroid_xyz_m", {Rounded(b.centroid.x_m, 2), Rounded(b.centroid.y_m, 2), Rounded(b.centroid.z_m, 3)}}};
  }, false);
  WriteJsonArray(out, "sensitive_sites", layout.sites.size(), [&](size_t k) {
    const SensitiveSite& s = layout.sites[k];
    return OrderedJson{{"id", s.id},
                       {"kind", s.kind},
                       {"block", s.block >= 0 ? OrderedJson(layout.blocks[s.block].id) : OrderedJson(nullptr)},
                       {"intersection", layout.IntersectionId(s.node)},
                       {"x_m", Rounded(s.position.x_m, 2)},
                       {"y_m", Rounded(s.position.y_m, 2)},
                       {"z_m", Rounded(s.position.z_m, 3)},
                       {"persons", s.persons}};
  }, true);
  out.Print("}}\n");
  out.Close();
}

}  // namespace lifeline::city
