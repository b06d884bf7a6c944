// The heads-up display drawn over the 3D view: a title line (what is shown and
// the clock), the colour legend of the shown quantity with its range, and the
// warning-level key. Screen-space, in pixels from the bottom-left corner.
#pragma once

#include <osg/Camera>
#include <string>

#include "viewer/scene_builder.h"

namespace lifeline::viewer {

struct HudText {
  std::string title;           // first line: what was run (the results file's title)
  std::string subtitle;        // second line: e.g. "tank_network/head_m  t = 12:00:00"
  std::string quantity_label;  // legend caption; empty = no legend
};

// A post-render orthographic camera holding the HUD for a width x height view.
osg::ref_ptr<osg::Camera> BuildHud(const SceneSummary& summary, const HudText& text, int width_px, int height_px);

// "hh:mm:ss" (with a day count past 24 h) for a simulated time.
std::string ClockText(double time_s);

}  // namespace lifeline::viewer
