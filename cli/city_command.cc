// `lifeline city ...` commands (see city_command.h).
#include "cli/city_command.h"

#include <fmt/format.h>

#include <memory>

#include "scenarios/city/city_generator.h"

namespace lifeline::cli {

void AddCityCommand(CLI::App& app) {
  CLI::App* city_app = app.add_subcommand("city", "Generate and inspect the demo city");
  city_app->require_subcommand(1);
  CLI::App* g = city_app->add_subcommand(
      "generate", "Generate a city (layout, water .inp, drainage .inp, gas, heating, bridges, tunnel, sensors, map)");
  auto options = std::make_shared<city::GenerateOptions>();
  city::GenerateOptions& o = *options;
  g->add_option("--seed", o.city.seed, "Seed of every random choice (same seed, same bytes)")->required();
  g->add_option("--size", o.city.size_blocks, "Blocks along each side of the city (8 .. 2000)")->required();
  g->add_option("--out", o.out_dir, "Output folder (created when missing)")->required();
  g->add_option("--map-px", o.map_side_px, "Side of the plan-view map, pixels")->capture_default_str();
  g->add_option("--block-pitch-m", o.city.block_pitch_m, "Distance between street lines, m")->capture_default_str();
  city::BurialDepths& b = o.city.burial;
  g->add_option("--water-main-cover-m", b.water_main_cover_m, "Cover over water mains, m")->capture_default_str();
  g->add_option("--water-distribution-cover-m", b.water_distribution_cover_m, "Cover over distribution pipes, m")
      ->capture_default_str();
  g->add_option("--sewer-min-cover-m", b.sewer_min_cover_m, "Minimum cover over sewers, m")->capture_default_str();
  g->add_option("--sewer-max-depth-m", b.sewer_max_depth_m, "Deepest allowed manhole invert below ground, m")
      ->capture_default_str();
  g->add_option("--gas-cover-m", b.gas_cover_m, "Cover over gas pipes, m")->capture_default_str();
  g->add_option("--heating-cover-m", b.heating_cover_m, "Cover over heating pipes, m")->capture_default_str();
  g->add_option("--tunnel-cover-m", b.tunnel_cover_m, "Cover over the utility tunnel roof, m")->capture_default_str();
  g->callback([options] {
    for (const std::string& line : city::GenerateCity(*options).lines) fmt::print("{}\n", line);
  });
}

}  // namespace lifeline::cli
