// Builds the OpenSceneGraph scene of the twin from a results file.
//
// One layer (an osg::Geode named "layer:<system>") per system with a network in
// /network: its links merged into one GL_LINES geometry and its nodes into one
// GL_POINTS geometry, at their true x/y/z (z scaled by vertical_exaggeration so
// buried assets read clearly), coloured by system or by a quantity at a time.
// A translucent ground plane at z = 0 ("ground") lets the camera see through
// to the buried networks; alarm markers ("alarms") sit on their elements in the
// warning level's colour. No GL context is needed to build the scene.
#pragma once

#include <osg/Group>
#include <optional>
#include <string>
#include <vector>

#include "engine/geometry.h"
#include "engine/results_store.h"

namespace lifeline::viewer {

// Colour one quantity of one system at the report time nearest time_s.
struct ColourBy {
  std::string system;
  std::string quantity;  // a node or link quantity, e.g. head_m, flow_m3_per_s
  double time_s = 0.0;
};

// An alarm to mark on an element (node or link id) of a system.
struct AlarmMarker {
  std::string system;
  std::string element;
  int level = 4;  // 1 = I red ... 4 = IV blue
};

struct SceneOptions {
  double vertical_exaggeration = 5.0;  // z is drawn as z * this
  std::optional<ColourBy> colour_by;
  std::vector<AlarmMarker> alarms;
};

// What the scene holds, for tests and the HUD.
struct SceneSummary {
  std::vector<std::string> layers;  // systems drawn, in file order
  int link_count = 0;
  int node_count = 0;
  Point3 min_m, max_m;              // bounds of all drawn network geometry (true z)
  double colour_min = 0.0, colour_max = 0.0;  // range of the coloured quantity
  double colour_time_s = 0.0;                 // report time actually shown
  std::vector<Point3> alarm_positions_m;       // true positions of the alarm markers
};

// An Error names the file, system or element when something is missing.
osg::ref_ptr<osg::Group> BuildScene(const ResultsReader& results, const SceneOptions& options,
                                    SceneSummary& summary);

}  // namespace lifeline::viewer
