// Scene construction from a results file (see scene_builder.h).
#include "viewer/scene_builder.h"

#include <fmt/format.h>
#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/Point>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/error.h"
#include "viewer/system_style.h"

namespace lifeline::viewer {
namespace {

const osg::Vec4 kNoValueColour{0.5f, 0.5f, 0.5f, 1.0f};

// Values of one quantity at the report row nearest time_s, by element id.
struct QuantityAtTime {
  std::unordered_map<std::string, double> value_by_id;
  double min = 0.0, max = 0.0, time_s = 0.0;
};

QuantityAtTime ReadQuantityAt(const ResultsReader& results, const ColourBy& colour_by) {
  const std::vector<std::string> quantities = results.Quantities(colour_by.system);
  if (std::find(quantities.begin(), quantities.end(), colour_by.quantity) == quantities.end()) {
    throw Error(fmt::format("no quantity '{}' for system '{}' in the results file", colour_by.quantity,
                            colour_by.system));
  }
  const std::vector<double> times = results.Times_s(colour_by.system);
  if (times.empty()) throw Error(fmt::format("system '{}' has no results steps", colour_by.system));
  long rows = 0, columns = 0;
  const std::vector<double> values = results.Values(colour_by.system, colour_by.quantity, rows, columns);
  long row = 0;
  for (long k = 1; k < rows; ++k) {
    if (std::abs(times[k] - colour_by.time_s) < std::abs(times[row] - colour_by.time_s)) row = k;
  }
  const std::vector<std::string> ids = results.ElementIds(colour_by.system, colour_by.quantity);
  QuantityAtTime at;
  at.time_s = times[row];
  at.min = std::numeric_limits<double>::infinity();
  at.max = -at.min;
  for (long c = 0; c < columns; ++c) {
    const double v = values[row * columns + c];
    at.value_by_id[ids[c]] = v;
    at.min = std::min(at.min, v);
    at.max = std::max(at.max, v);
  }
  return at;
}

osg::Vec4 ColourOf(const QuantityAtTime& at, double value) {
  const double span = at.max - at.min;
  return RampColour(span > 0.0 ? (value - at.min) / span : 0.5);
}

osg::Vec3 Draw(const Point3& p, double exaggeration) {
  return {static_cast<float>(p.x_m), static_cast<float>(p.y_m), static_cast<float>(p.z_m * exaggeration)};
}

void Grow(SceneSummary& summary, const Point3& p) {
  summary.min_m = {std::min(summary.min_m.x_m, p.x_m), std::min(summary.min_m.y_m, p.y_m),
                   std::min(summary.min_m.z_m, p.z_m)};
  summary.max_m = {std::max(summary.max_m.x_m, p.x_m), std::max(summary.max_m.y_m, p.y_m),
                   std::max(summary.max_m.z_m, p.z_m)};
}

osg::ref_ptr<osg::Geometry> Primitives(const std::string& name, osg::Vec3Array* vertices, osg::Vec4Array* colours,
                                       GLenum mode) {
  osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
  geometry->setName(name);
  geometry->setVertexArray(vertices);
  geometry->setColorArray(colours, osg::Array::BIND_PER_VERTEX);
  geometry->addPrimitiveSet(new osg::DrawArrays(mode, 0, static_cast<GLsizei>(vertices->size())));
  geometry->setUseVertexBufferObjects(true);
  return geometry;
}

// One system's links and nodes.
osg::ref_ptr<osg::Geode> BuildLayer(const ResultsReader& results, const std::string& system,
                                    const SceneOptions& options, SceneSummary& summary,
                                    std::unordered_map<std::string, Point3>& element_positions) {
  const std::vector<std::string> node_ids = results.NetworkNodeIds(system);
  const std::vector<Point3> positions = results.NetworkNodePositions(system);
  const std::vector<std::string> link_ids = results.NetworkLinkIds(system);
  const std::vector<std::string> from = results.NetworkLinkFrom(system), to = results.NetworkLinkTo(system);
  std::unordered_map<std::string, size_t> node_index;
  for (size_t n = 0; n < node_ids.size(); ++n) node_index[node_ids[n]] = n;

  std::optional<QuantityAtTime> quantity;
  if (options.colour_by && options.colour_by->system == system) {
    quantity = ReadQuantityAt(results, *options.colour_by);
    summary.colour_min = quantity->min;
    summary.colour_max = quantity->max;
    summary.colour_time_s = quantity->time_s;
  }
  auto colour_of = [&](const std::string& id) {
    if (!quantity) return SystemColour(system);
    const auto it = quantity->value_by_id.find(id);
    return it == quantity->value_by_id.end() ? kNoValueColour : ColourOf(*quantity, it->second);
  };

  osg::ref_ptr<osg::Vec3Array> link_vertices = new osg::Vec3Array, node_vertices = new osg::Vec3Array;
  osg::ref_ptr<osg::Vec4Array> link_colours = new osg::Vec4Array, node_colours = new osg::Vec4Array;
  for (size_t l = 0; l < link_ids.size(); ++l) {
    const auto a = node_index.find(from[l]), b = node_index.find(to[l]);
    if (a == node_index.end() || b == node_index.end()) {
      throw Error::AtElement(system, link_ids[l], "link end node missing from the results file's network");
    }
    const Point3& pa = positions[a->second];
    const Point3& pb = positions[b->second];
    link_vertices->push_back(Draw(pa, options.vertical_exaggeration));
    link_vertices->push_back(Draw(pb, options.vertical_exaggeration));
    // a link quantity colours the whole link; a node quantity shades it between its ends
    const bool link_valued = quantity && quantity->value_by_id.count(link_ids[l]) > 0;
    link_colours->push_back(link_valued ? colour_of(link_ids[l]) : colour_of(from[l]));
    link_colours->push_back(link_valued ? colour_of(link_ids[l]) : colour_of(to[l]));
    element_positions[system + "/" + link_ids[l]] = {(pa.x_m + pb.x_m) / 2, (pa.y_m + pb.y_m) / 2, (pa.z_m + pb.z_m) / 2};
  }
  for (size_t n = 0; n < node_ids.size(); ++n) {
    node_vertices->push_back(Draw(positions[n], options.vertical_exaggeration));
    node_colours->push_back(colour_of(node_ids[n]));
    element_positions[system + "/" + node_ids[n]] = positions[n];
    Grow(summary, positions[n]);
  }

  osg::ref_ptr<osg::Geode> layer = new osg::Geode;
  layer->setName("layer:" + system);
  layer->addDrawable(Primitives("links:" + system, link_vertices.get(), link_colours.get(), GL_LINES));
  layer->addDrawable(Primitives("nodes:" + system, node_vertices.get(), node_colours.get(), GL_POINTS));
  osg::StateSet* state = layer->getOrCreateStateSet();
  state->setAttributeAndModes(new osg::LineWidth(3.0f));
  state->setAttributeAndModes(new osg::Point(6.0f));
  summary.link_count += static_cast<int>(link_ids.size());
  summary.node_count += static_cast<int>(node_ids.size());
  return layer;
}

// A translucent ground plane at z = 0 over the networks' extent plus a margin.
osg::ref_ptr<osg::Geode> BuildGround(const SceneSummary& summary) {
  const double margin = 0.1 * std::max(summary.max_m.x_m - summary.min_m.x_m, summary.max_m.y_m - summary.min_m.y_m) + 10.0;
  const auto x0 = static_cast<float>(summary.min_m.x_m - margin), x1 = static_cast<float>(summary.max_m.x_m + margin);
  const auto y0 = static_cast<float>(summary.min_m.y_m - margin), y1 = static_cast<float>(summary.max_m.y_m + margin);
  osg::ref_ptr<osg::Vec3Array> corners = new osg::Vec3Array;
  corners->push_back({x0, y0, 0.0f});
  corners->push_back({x1, y0, 0.0f});
  corners->push_back({x1, y1, 0.0f});
  corners->push_back({x0, y1, 0.0f});
  osg::ref_ptr<osg::Vec4Array> colour = new osg::Vec4Array(4);
  std::fill(colour->begin(), colour->end(), osg::Vec4(0.45f, 0.42f, 0.35f, 0.30f));
  osg::ref_ptr<osg::Geode> ground = new osg::Geode;
  ground->setName("ground");
  ground->addDrawable(Primitives("ground", corners.get(), colour.get(), GL_QUADS));
  osg::StateSet* state = ground->getOrCreateStateSet();
  state->setMode(GL_BLEND, osg::StateAttribute::ON);
  state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
  state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));  // do not hide what lies below
  state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
  return ground;
}

osg::ref_ptr<osg::Geode> BuildAlarms(const SceneOptions& options,
                                     const std::unordered_map<std::string, Point3>& element_positions,
                                     SceneSummary& summary) {
  osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
  osg::ref_ptr<osg::Vec4Array> colours = new osg::Vec4Array;
  for (const AlarmMarker& alarm : options.alarms) {
    const auto it = element_positions.find(alarm.system + "/" + alarm.element);
    if (it == element_positions.end()) {
      throw Error::AtElement(alarm.system, alarm.element, "alarm on an element that is not in the results file");
    }
    vertices->push_back(Draw(it->second, options.vertical_exaggeration));
    colours->push_back(WarningLevelColour(alarm.level));
    summary.alarm_positions_m.push_back(it->second);
  }
  osg::ref_ptr<osg::Geode> alarms = new osg::Geode;
  alarms->setName("alarms");
  alarms->addDrawable(Primitives("alarms", vertices.get(), colours.get(), GL_POINTS));
  osg::StateSet* state = alarms->getOrCreateStateSet();
  state->setAttributeAndModes(new osg::Point(22.0f));
  state->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, true));  // always on top
  state->setRenderBinDetails(20, "RenderBin");
  return alarms;
}

}  // namespace

osg::ref_ptr<osg::Group> BuildScene(const ResultsReader& results, const SceneOptions& options, SceneSummary& summary) {
  summary = SceneSummary{};
  constexpr double kInf = std::numeric_limits<double>::infinity();
  summary.min_m = {kInf, kInf, kInf};
  summary.max_m = {-kInf, -kInf, -kInf};
  osg::ref_ptr<osg::Group> root = new osg::Group;
  root->setName("twin");
  root->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);

  std::unordered_map<std::string, Point3> element_positions;
  for (const std::string& system : results.NetworkSystems()) {
    root->addChild(BuildLayer(results, system, options, summary, element_positions));
    summary.layers.push_back(system);
  }
  if (summary.layers.empty()) throw Error("the results file holds no network to draw");
  if (options.colour_by && std::find(summary.layers.begin(), summary.layers.end(), options.colour_by->system) ==
                               summary.layers.end()) {
    throw Error(fmt::format("no network '{}' in the results file to colour", options.colour_by->system));
  }
  root->addChild(BuildGround(summary));
  root->addChild(BuildAlarms(options, element_positions, summary));
  return root;
}

}  // namespace lifeline::viewer
