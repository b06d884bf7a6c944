// Tests the city's file writers (water_inp_writer, swmm_inp_writer, plan_map_png, city_manifest):
// sections in the order EPANET 2.2 and SWMM 5.2 expect, element counts that match the model, ids
// EPANET accepts, a manifest naming files that exist, and a plan-view map that is not blank.
#include <gtest/gtest.h>
#include <png.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "scenarios/city/city_model.h"
#include "tests/scenarios/city_test_support.h"

namespace lifeline::city {
namespace {

struct InpSections {
  std::vector<std::string> order;                // section names as they appear
  std::map<std::string, int> data_lines;         // non-comment, non-empty lines per section
  std::map<std::string, std::vector<std::string>> first_fields;  // first token of each data line
};

InpSections ReadSections(const std::string& text) {
  InpSections sections;
  std::istringstream in(text);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ';') continue;
    if (line[0] == '[') {
      current = line.substr(0, line.find(']') + 1);
      sections.order.push_back(current);
      continue;
    }
    ++sections.data_lines[current];
    std::istringstream fields(line);
    std::string first;
    fields >> first;
    sections.first_fields[current].push_back(first);
  }
  return sections;
}

class CityFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::FreshFolder("files");
    testing::GenerateInto(dir_, 11, 10, 300);
    CityOptions options;
    options.seed = 11;
    options.size_blocks = 10;
    model_ = new CityModel(GenerateCityModel(options));
  }
  static void TearDownTestSuite() { delete model_; }
  static std::filesystem::path dir_;
  static CityModel* model_;
};
std::filesystem::path CityFiles::dir_;
CityModel* CityFiles::model_ = nullptr;

TEST_F(CityFiles, WaterInpHasEpanetSectionsAndEveryElement) {
  const InpSections inp = ReadSections(testing::ReadBytes(dir_ / "water.inp"));
  const std::vector<std::string> expected{"[TITLE]", "[JUNCTIONS]", "[RESERVOIRS]", "[TANKS]", "[PIPES]", "[PUMPS]",
                                          "[VALVES]", "[PATTERNS]", "[CURVES]", "[TIMES]", "[REPORT]", "[OPTIONS]",
                                          "[COORDINATES]", "[END]"};
  EXPECT_EQ(inp.order, expected);
  const int links = inp.data_lines.at("[PIPES]") + inp.data_lines.at("[PUMPS]") + inp.data_lines.at("[VALVES]");
  EXPECT_EQ(links, static_cast<int>(model_->water.links.size()));
  const int nodes = inp.data_lines.at("[JUNCTIONS]") + inp.data_lines.at("[RESERVOIRS]") + inp.data_lines.at("[TANKS]");
  EXPECT_EQ(nodes, static_cast<int>(model_->water.nodes.size()));
  EXPECT_EQ(inp.data_lines.at("[COORDINATES]"), nodes);
  std::set<std::string> ids;
  for (const char* section : {"[JUNCTIONS]", "[RESERVOIRS]", "[TANKS]", "[PIPES]", "[PUMPS]", "[VALVES]"}) {
    for (const std::string& id : inp.first_fields.at(section)) {
      EXPECT_LE(id.size(), 31u) << id;  // EPANET's id limit
      EXPECT_TRUE(ids.insert(std::string(section[1] == 'J' || section[1] == 'R' || section[1] == 'T' ? "n:" : "l:") + id).second)
          << "duplicate id " << id;
    }
  }
}

TEST_F(CityFiles, DrainageInpHasSwmmSectionsAndEveryElement) {
  const InpSections inp = ReadSections(testing::ReadBytes(dir_ / "drainage.inp"));
  const std::vector<std::string> expected{"[TITLE]", "[OPTIONS]", "[EVAPORATION]", "[RAINGAGES]", "[SUBCATCHMENTS]",
                                          "[SUBAREAS]", "[INFILTRATION]", "[JUNCTIONS]", "[OUTFALLS]", "[CONDUITS]",
                                          "[XSECTIONS]", "[TIMESERIES]", "[REPORT]", "[MAP]", "[COORDINATES]",
                                          "[Polygons]", "[SYMBOLS]"};
  EXPECT_EQ(inp.order, expected);
  const DrainageNetwork& d = model_->drainage;
  EXPECT_EQ(inp.data_lines.at("[JUNCTIONS]") + inp.data_lines.at("[OUTFALLS]"), static_cast<int>(d.manholes.size()));
  EXPECT_EQ(inp.data_lines.at("[CONDUITS]"), static_cast<int>(d.conduits.size()));
  EXPECT_EQ(inp.data_lines.at("[XSECTIONS]"), static_cast<int>(d.conduits.size()));
  EXPECT_EQ(inp.data_lines.at("[SUBCATCHMENTS]"), static_cast<int>(d.subcatchments.size()));
  EXPECT_EQ(inp.data_lines.at("[Polygons]"), 4 * static_cast<int>(d.subcatchments.size()));
  EXPECT_EQ(inp.data_lines.at("[TIMESERIES]"), static_cast<int>(d.storm_intensity_mm_per_h.size()) + 1);
}

TEST_F(CityFiles, ManifestNamesFilesThatExist) {
  const nlohmann::json manifest = nlohmann::json::parse(testing::ReadBytes(dir_ / "city.json"));
  EXPECT_EQ(manifest["seed"], 11);
  EXPECT_EQ(manifest["size_blocks"], 10);
  for (const auto& [key, value] : manifest["files"].items()) {
    if (value.is_string()) {
      EXPECT_TRUE(std::filesystem::exists(dir_ / value.get<std::string>())) << key;
    } else if (value.is_array()) {
      for (const auto& name : value) {
        EXPECT_TRUE(std::filesystem::exists(dir_ / name.get<std::string>())) << name;
      }
    }
  }
  EXPECT_EQ(manifest["counts"]["water_links"], model_->water.links.size());
  EXPECT_EQ(manifest["counts"]["sensors"], model_->sensors.size());
}

TEST_F(CityFiles, MapIsAPngThatIsNotBlank) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  ASSERT_NE(png_image_begin_read_from_file(&image, (dir_ / "map.png").c_str()), 0);
  image.format = PNG_FORMAT_RGB;
  std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
  ASSERT_NE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr), 0);
  EXPECT_EQ(image.width, 300u);
  EXPECT_EQ(image.height, 300u);
  std::set<std::uint32_t> colours;
  size_t water_blue = 0;
  for (size_t k = 0; k + 2 < pixels.size(); k += 3) {
    colours.insert(static_cast<std::uint32_t>(pixels[k]) << 16 | static_cast<std::uint32_t>(pixels[k + 1]) << 8 | pixels[k + 2]);
    water_blue += pixels[k] == 20 && pixels[k + 1] == 90 && pixels[k + 2] == 200;
  }
  EXPECT_GT(colours.size(), 20u);
  EXPECT_GT(water_blue, 100u);
}

}  // namespace
}  // namespace lifeline::city
