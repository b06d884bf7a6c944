// Tests for viewer/snapshot.cc: what a person would see in an off-screen
// snapshot (run under Xvfb by CTest): not blank, the alarm marker's pixels in
// the level's colour at its projected position, buried pipes visible through
// the ground.
#include "viewer/snapshot.h"

#include <gtest/gtest.h>
#include <osg/Image>
#include <osgDB/ReadFile>

#include <cmath>
#include <filesystem>

#include "engine/error.h"
#include "tests/viewer/viewer_test_network.h"
#include "viewer/system_style.h"

namespace lifeline::viewer {
namespace {

// Colour of a pixel given top-left coordinates (osg images are bottom-up).
osg::Vec4 PixelAt(const osg::Image& image, int x, int y_from_top) {
  return image.getColor(static_cast<unsigned>(x), static_cast<unsigned>(image.t() - 1 - y_from_top));
}

bool Near(const osg::Vec4& a, const osg::Vec4& b, float tolerance) {
  return std::abs(a.r() - b.r()) <= tolerance && std::abs(a.g() - b.g()) <= tolerance &&
         std::abs(a.b() - b.b()) <= tolerance;
}

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    results_path_ = WriteViewerTestResults("snapshot");
    png_path_ = results_path_ + ".png";
  }
  void TearDown() override {
    std::filesystem::remove(results_path_);
    if (!HasFailure()) std::filesystem::remove(png_path_);
  }
  std::string results_path_, png_path_;
};

TEST_F(SnapshotTest, AlarmMarkerCarriesTheLevelColourWhereItProjects) {
  const ResultsReader results(results_path_);
  SceneOptions scene_options;
  scene_options.alarms = {{"gas", "GP1", 1}};
  SceneSummary summary;
  const osg::ref_ptr<osg::Group> scene = BuildScene(results, scene_options, summary);
  SnapshotOptions options;
  options.width_px = 640;
  options.height_px = 400;
  options.preset = CameraPreset::kOblique;
  RenderSnapshot(scene.get(), summary, options, png_path_);

  const osg::ref_ptr<osg::Image> image = osgDB::readImageFile(png_path_);
  ASSERT_TRUE(image.valid());
  ASSERT_EQ(image->s(), 640);
  // not blank: many distinct colours
  int lit = 0;
  for (int y = 0; y < 400; y += 4) {
    for (int x = 0; x < 640; x += 4) lit += PixelAt(*image, x, y).r() > 0.2f ? 1 : 0;
  }
  EXPECT_GT(lit, 50);
  const Pixel marker = ProjectToPixel(summary.alarm_positions_m[0], FrameScene(summary, options), options);
  ASSERT_GE(marker.x, 0);
  ASSERT_LT(marker.x, 640);
  EXPECT_TRUE(Near(PixelAt(*image, marker.x, marker.y), WarningLevelColour(1), 0.1f))
      << "pixel at " << marker.x << "," << marker.y;
}

TEST_F(SnapshotTest, BuriedPipesShowThroughTheGround) {
  const ResultsReader results(results_path_);
  SceneSummary summary;
  const osg::ref_ptr<osg::Group> scene = BuildScene(results, {}, summary);
  SnapshotOptions options;
  options.width_px = 640;
  options.height_px = 400;
  options.preset = CameraPreset::kPlan;
  RenderSnapshot(scene.get(), summary, options, png_path_);
  const osg::ref_ptr<osg::Image> image = osgDB::readImageFile(png_path_);
  ASSERT_TRUE(image.valid());
  // a point on the buried water main WP2 (x = 400, y = 150, 1.5 m deep), seen from above through the ground
  const Pixel on_pipe = ProjectToPixel({400.0, 150.0, -1.5}, FrameScene(summary, options), options);
  const osg::Vec4 seen = PixelAt(*image, on_pipe.x, on_pipe.y);
  const osg::Vec4 water = SystemColour("water");
  EXPECT_GT(seen.b(), seen.r() + 0.2f) << "the buried water pipe should read blue through the translucent ground";
  EXPECT_GT(seen.b(), 0.5f * water.b());
}

TEST(Snapshot, UnknownPresetIsAnError) { EXPECT_THROW(ParseCameraPreset("fisheye"), Error); }

}  // namespace
}  // namespace lifeline::viewer
