// Generates the demo city and writes its files (see city_generator.h).
#include "scenarios/city/city_generator.h"

#include <fmt/format.h>

#include <filesystem>

#include "engine/error.h"
#include "scenarios/city/city_manifest.h"
#include "scenarios/city/city_model.h"
#include "scenarios/city/layout_json_writer.h"
#include "scenarios/city/plan_map_png.h"
#include "scenarios/city/swmm_inp_writer.h"
#include "scenarios/city/water_inp_writer.h"

namespace lifeline::city {

GenerateReport GenerateCity(const GenerateOptions& options) {
  const CityModel model = GenerateCityModel(options.city);
  const std::filesystem::path dir(options.out_dir);
  std::error_code error;
  std::filesystem::create_directories(dir / "bridges", error);
  if (error) throw Error(fmt::format("{}: cannot create the folder: {}", (dir / "bridges").string(), error.message()));

  CityFileNames files;
  files.map_side_px = options.map_side_px;
  const std::string title = fmt::format("Lifeline demo city (seed {}, {} x {} blocks)", options.city.seed,
                                        options.city.size_blocks, options.city.size_blocks);
  auto at = [&](const std::string& name) { return (dir / name).string(); };
  WriteLayoutJson(model.layout, at(files.layout));
  WriteWaterInp(model.water, title + ": water supply", at(files.water));
  WriteSwmmInp(model.drainage, model.layout, title + ": storm sewers", at(files.drainage));
  WriteGasJson(model.gas, at(files.gas));
  WriteHeatingJson(model.heating, at(files.heating));
  for (const std::string& name : WriteBridgeFiles(model.bridges, at("bridges"))) files.bridges.push_back("bridges/" + name);
  WriteTunnelJson(model.tunnel, at(files.tunnel));
  WriteSensorsJson(model.sensors, at(files.sensors));
  WritePlanMapPng(model.Systems(), model.sensors, options.map_side_px, at(files.map));
  WriteCityManifest(model, files, at(files.manifest));

  GenerateReport report;
  report.manifest_path = at(files.manifest);
  report.lines.push_back(fmt::format("city: {} x {} blocks, seed {}", options.city.size_blocks,
                                     options.city.size_blocks, options.city.seed));
  report.lines.push_back(fmt::format("water: {} nodes, {} links", model.water.nodes.size(), model.water.links.size()));
  report.lines.push_back(fmt::format("drainage: {} manholes and outfalls, {} conduits, {} subcatchments",
                                     model.drainage.manholes.size(), model.drainage.conduits.size(),
                                     model.drainage.subcatchments.size()));
  report.lines.push_back(fmt::format("gas: {} nodes, {} links; heating: {} nodes, {} links", model.gas.nodes.size(),
                                     model.gas.links.size(), model.heating.nodes.size(), model.heating.links.size()));
  report.lines.push_back(fmt::format("bridges: {}; tunnel: {:.0f} m in {} sections; sensors: {}", model.bridges.size(),
                                     model.tunnel.length_m, model.tunnel.sections.size(), model.sensors.size()));
  report.lines.push_back(fmt::format("manifest: {}", report.manifest_path));
  return report;
}

}  // namespace lifeline::city
