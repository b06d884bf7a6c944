// Tests for viewer/scene_builder.cc: the scene graph built without a GL context.
#include "viewer/scene_builder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <osg/Geode>
#include <osg/Geometry>

#include <filesystem>

#include "engine/error.h"
#include "tests/viewer/viewer_test_network.h"
#include "viewer/system_style.h"

namespace lifeline::viewer {
namespace {

const osg::Geode* FindGeode(const osg::Group& root, const std::string& name) {
  for (unsigned k = 0; k < root.getNumChildren(); ++k) {
    if (root.getChild(k)->getName() == name) return root.getChild(k)->asGeode();
  }
  return nullptr;
}

class SceneBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = WriteViewerTestResults("scene"); }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(SceneBuilderTest, OneLayerPerSystemWithMergedDrawables) {
  const ResultsReader results(path_);
  SceneSummary summary;
  const osg::ref_ptr<osg::Group> root = BuildScene(results, {}, summary);
  EXPECT_THAT(summary.layers, ::testing::ElementsAre("gas", "water"));
  EXPECT_EQ(summary.link_count, 3);
  EXPECT_EQ(summary.node_count, 5);
  const osg::Geode* water = FindGeode(*root, "layer:water");
  ASSERT_NE(water, nullptr);
  ASSERT_EQ(water->getNumDrawables(), 2u);  // all links in one geometry, all nodes in another
  const auto* links = water->getDrawable(0)->asGeometry();
  EXPECT_EQ(links->getName(), "links:water");
  EXPECT_EQ(links->getVertexArray()->getNumElements(), 4u);
  ASSERT_NE(FindGeode(*root, "ground"), nullptr);
  ASSERT_NE(FindGeode(*root, "alarms"), nullptr);
}

TEST_F(SceneBuilderTest, BoundsAndDepthsAreTrueWithZExaggeratedInTheGeometry) {
  const ResultsReader results(path_);
  SceneSummary summary;
  SceneOptions options;
  options.vertical_exaggeration = 10.0;
  const osg::ref_ptr<osg::Group> root = BuildScene(results, options, summary);
  EXPECT_DOUBLE_EQ(summary.min_m.z_m, -1.5);
  EXPECT_DOUBLE_EQ(summary.max_m.z_m, 2.0);
  EXPECT_DOUBLE_EQ(summary.max_m.x_m, 400.0);
  const auto* vertices = dynamic_cast<const osg::Vec3Array*>(
      FindGeode(*root, "layer:gas")->getDrawable(1)->asGeometry()->getVertexArray());
  ASSERT_NE(vertices, nullptr);
  EXPECT_FLOAT_EQ((*vertices)[0].z(), -10.0f);  // gas 1 m deep, drawn 10x
  // the ground plane lies at z = 0, above every buried asset
  const auto* ground = dynamic_cast<const osg::Vec3Array*>(
      FindGeode(*root, "ground")->getDrawable(0)->asGeometry()->getVertexArray());
  EXPECT_FLOAT_EQ((*ground)[0].z(), 0.0f);
}

TEST_F(SceneBuilderTest, ColoursAQuantityAtTheNearestReportTime) {
  const ResultsReader results(path_);
  SceneSummary summary;
  SceneOptions options;
  options.colour_by = ColourBy{"water", "head_m", 3000.0};
  const osg::ref_ptr<osg::Group> root = BuildScene(results, options, summary);
  EXPECT_DOUBLE_EQ(summary.colour_time_s, 3600.0);
  EXPECT_DOUBLE_EQ(summary.colour_min, 20.0);
  EXPECT_DOUBLE_EQ(summary.colour_max, 50.0);
  const auto* colours = dynamic_cast<const osg::Vec4Array*>(
      FindGeode(*root, "layer:water")->getDrawable(1)->asGeometry()->getColorArray());
  EXPECT_EQ((*colours)[0], RampColour(1.0));  // W1 at the top of the range
  EXPECT_EQ((*colours)[2], RampColour(0.0));  // W3 at the bottom
}

TEST_F(SceneBuilderTest, AlarmsSitOnTheirElementsInTheLevelColour) {
  const ResultsReader results(path_);
  SceneSummary summary;
  SceneOptions options;
  options.alarms = {{"gas", "GP1", 1}, {"water", "W3", 3}};
  const osg::ref_ptr<osg::Group> root = BuildScene(results, options, summary);
  ASSERT_EQ(summary.alarm_positions_m.size(), 2u);
  EXPECT_DOUBLE_EQ(summary.alarm_positions_m[0].x_m, 200.0);  // middle of GP1
  const auto* colours = dynamic_cast<const osg::Vec4Array*>(
      FindGeode(*root, "alarms")->getDrawable(0)->asGeometry()->getColorArray());
  EXPECT_EQ((*colours)[0], WarningLevelColour(1));
  options.alarms = {{"gas", "nope", 2}};
  EXPECT_THROW(BuildScene(results, options, summary), Error);
  options.alarms.clear();
  options.colour_by = ColourBy{"water", "no_such_quantity", 0.0};
  EXPECT_THROW(BuildScene(results, options, summary), Error);
}

}  // namespace
}  // namespace lifeline::viewer
