// HUD construction (see hud.h).
#include "viewer/hud.h"

#include <fmt/format.h>
#include <osg/Geode>
#include <osg/Geometry>
#include <osgText/Text>

#include <cmath>

#include "viewer/system_style.h"

namespace lifeline::viewer {
namespace {

osg::ref_ptr<osgText::Text> Label(const std::string& text, float x, float y, float size_px) {
  osg::ref_ptr<osgText::Text> label = new osgText::Text;
  label->setText(text);
  label->setPosition({x, y, 0.0f});
  label->setCharacterSize(size_px);
  label->setColor({0.92f, 0.92f, 0.92f, 1.0f});
  return label;
}

// A horizontal bar made of quads, coloured by colour_at(fraction) at each stop.
template <typename ColourAt>
osg::ref_ptr<osg::Geometry> Bar(float x, float y, float width, float height, int stops, ColourAt colour_at) {
  osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
  osg::ref_ptr<osg::Vec4Array> colours = new osg::Vec4Array;
  for (int k = 0; k < stops; ++k) {
    const float x0 = x + width * static_cast<float>(k) / static_cast<float>(stops);
    const float x1 = x + width * static_cast<float>(k + 1) / static_cast<float>(stops);
    const osg::Vec4 colour = colour_at(k);
    for (const osg::Vec3& corner : {osg::Vec3(x0, y, 0), osg::Vec3(x1, y, 0), osg::Vec3(x1, y + height, 0),
                                    osg::Vec3(x0, y + height, 0)}) {
      vertices->push_back(corner);
      colours->push_back(colour);
    }
  }
  osg::ref_ptr<osg::Geometry> bar = new osg::Geometry;
  bar->setVertexArray(vertices.get());
  bar->setColorArray(colours.get(), osg::Array::BIND_PER_VERTEX);
  bar->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, static_cast<GLsizei>(vertices->size())));
  return bar;
}

}  // namespace

std::string ClockText(double time_s) {
  const long seconds = std::lround(time_s);
  const long days = seconds / 86400, rest = seconds % 86400;
  const std::string clock = fmt::format("{:02d}:{:02d}:{:02d}", rest / 3600, (rest / 60) % 60, rest % 60);
  return days > 0 ? fmt::format("day {} {}", days + 1, clock) : clock;
}

osg::ref_ptr<osg::Camera> BuildHud(const SceneSummary& summary, const HudText& text, int width_px, int height_px) {
  osg::ref_ptr<osg::Camera> hud = new osg::Camera;
  hud->setName("hud");
  hud->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
  hud->setProjectionMatrixAsOrtho2D(0, width_px, 0, height_px);
  hud->setViewMatrix(osg::Matrix::identity());
  hud->setClearMask(GL_DEPTH_BUFFER_BIT);
  hud->setRenderOrder(osg::Camera::POST_RENDER);
  hud->setAllowEventFocus(false);
  hud->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);

  osg::ref_ptr<osg::Geode> geode = new osg::Geode;
  const auto h = static_cast<float>(height_px);
  geode->addDrawable(Label(text.title, 16.0f, h - 30.0f, 18.0f));
  if (!text.subtitle.empty()) geode->addDrawable(Label(text.subtitle, 16.0f, h - 56.0f, 18.0f));
  if (!text.quantity_label.empty()) {
    geode->addDrawable(Bar(16.0f, 40.0f, 260.0f, 16.0f, 32, [](int k) { return RampColour((k + 0.5) / 32.0); }));
    geode->addDrawable(Label(text.quantity_label, 16.0f, 62.0f, 16.0f));
    geode->addDrawable(Label(fmt::format("{:.4g}", summary.colour_min), 16.0f, 18.0f, 14.0f));
    geode->addDrawable(Label(fmt::format("{:.4g}", summary.colour_max), 236.0f, 18.0f, 14.0f));
  }
  if (!summary.alarm_positions_m.empty()) {
    const auto w = static_cast<float>(width_px);
    geode->addDrawable(Bar(w - 196.0f, 40.0f, 180.0f, 16.0f, 4, [](int k) { return WarningLevelColour(k + 1); }));
    constexpr const char* kLevels[] = {"I", "II", "III", "IV"};
    for (int k = 0; k < 4; ++k) geode->addDrawable(Label(kLevels[k], w - 190.0f + 45.0f * static_cast<float>(k), 18.0f, 14.0f));
    geode->addDrawable(Label("warning level", w - 196.0f, 62.0f, 16.0f));
  }
  hud->addChild(geode.get());
  return hud;
}

}  // namespace lifeline::viewer
