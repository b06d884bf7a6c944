// City manifest writer (see city_manifest.h).
#include "scenarios/city/city_manifest.h"

#include "scenarios/city/json_lines.h"

namespace lifeline::city {

void WriteCityManifest(const CityModel& model, const CityFileNames& files, const std::string& path) {
  const CityModel& m = model;
  double population = 0.0;
  for (const Block& block : m.layout.blocks) population += block.population;
  int pipes = 0, isolation_valves = 0, prvs = 0;
  double water_length_m = 0.0;
  for (const WaterLink& link : m.water.links) {
    pipes += link.kind == WaterLinkKind::kPipe;
    isolation_valves += link.kind == WaterLinkKind::kIsolationValve;
    prvs += link.kind == WaterLinkKind::kPressureReducingValve;
    water_length_m += link.length_m;
  }
  double sewer_length_m = 0.0, gas_length_m = 0.0, heating_length_m = 0.0;
  for (const SewerConduit& c : m.drainage.conduits) sewer_length_m += c.length_m;
  int regulators = 0;
  for (const GasLink& link : m.gas.links) {
    gas_length_m += link.length_m;
    regulators += link.kind == "regulator";
  }
  for (const HeatingLink& link : m.heating.links) heating_length_m += link.length_m;
  const BurialDepths& b = m.options.burial;
  const double margin_m = 400.0;
  const OrderedJson manifest = {
      {"format", "lifeline-city"},
      {"version", 1},
      {"generator", "lifeline city generate"},
      {"seed", m.options.seed},
      {"size_blocks", m.layout.size_blocks},
      {"block_pitch_m", m.layout.block_pitch_m},
      {"frame", "local city frame: x east, y north, z up, metres above the local datum"},
      {"extent_m", {{"min_x_m", -margin_m}, {"min_y_m", -margin_m},
                    {"max_x_m", m.layout.extent_m() + margin_m}, {"max_y_m", m.layout.extent_m() + margin_m}}},
      {"files",
       {{"layout", files.layout},
        {"water", files.water},
        {"drainage", files.drainage},
        {"gas", files.gas},
        {"heating", files.heating},
        {"bridges", files.bridges},
        {"tunnel", files.tunnel},
        {"sensors", files.sensors},
        {"map", files.map},
        {"map_side_px", files.map_side_px}}},
      {"burial_depths_m",
       {{"water_main_cover_m", b.water_main_cover_m},
        {"water_distribution_cover_m", b.water_distribution_cover_m},
        {"sewer_min_cover_m", b.sewer_min_cover_m},
        {"sewer_max_depth_m", b.sewer_max_depth_m},
        {"gas_cover_m", b.gas_cover_m},
        {"heating_cover_m", b.heating_cover_m},
        {"tunnel_cover_m", b.tunnel_cover_m}}},
      {"counts",
       {{"blocks", m.layout.blocks.size()},
        {"population", population},
        {"sensitive_sites", m.layout.sites.size()},
        {"intersections", m.layout.intersections.size()},
        {"street_segments", m.layout.segments.size()},
        {"districts", m.districts.districts.size()},
        {"water_nodes", m.water.nodes.size()},
        {"water_links", m.water.links.size()},
        {"water_pipes", pipes},
        {"water_isolation_valves", isolation_valves},
        {"water_prvs", prvs},
        {"manholes", m.drainage.manholes.size() - m.drainage.outfalls.size()},
        {"outfalls", m.drainage.outfalls.size()},
        {"conduits", m.drainage.conduits.size()},
        {"subcatchments", m.drainage.subcatchments.size()},
        {"gas_nodes", m.gas.nodes.size()},
        {"gas_links", m.gas.links.size()},
        {"gas_regulators", regulators},
        {"heating_nodes", m.heating.nodes.size()},
        {"heating_links", m.heating.links.size()},
        {"bridges", m.bridges.size()},
        {"tunnel_sections", m.tunnel.sections.size()},
        {"sensors", m.sensors.size()}}},
      {"lengths_m",
       {{"water", Rounded(water_length_m, 1)},
        {"sewer", Rounded(sewer_length_m, 1)},
        {"gas", Rounded(gas_length_m, 1)},
        {"heating", Rounded(heating_length_m, 1)},
        {"tunnel", Rounded(m.tunnel.length_m, 1)}}}};
  TextFileWriter out(path);
  out.Print("{}\n", manifest.dump(2));
  out.Close();
}

}  // namespace lifeline::city
