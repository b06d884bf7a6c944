// NetworkGraph implementation on Boost.Graph (see network_graph.h).
//
// The frozen graph is an undirected boost::adjacency_list whose edges carry the
// dense link index; link orientation is kept beside it (from/to arrays).
// Boost's connected_components, breadth_first_search and dijkstra_shortest_paths
// answer the queries; Trace walks the incidence lists directly because the
// allowed direction depends on the end it arrives from.
#include "engine/network_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <unordered_map>

#include "engine/error.h"

namespace lifeline {
namespace {

struct EdgeData {
  LinkIndex link = -1;
  double length_m = 0.0;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeData>;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;

// Keeps the edges whose link is open.
struct OpenLinkFilter {
  const BoostGraph* graph = nullptr;
  const std::vector<bool>* open = nullptr;
  bool operator()(const Edge& e) const { return (*open)[(*graph)[e].link]; }
};

}  // namespace

struct NetworkGraph::Impl {
  std::string system;
  std::vector<NodeProperties> nodes;
  std::vector<LinkProperties> links;
  std::vector<NodeIndex> from, to;
  std::vector<int> incidence_start;       // CSR: links at node n are
  std::vector<LinkIndex> incidence_link;  // incidence_link[start[n] .. start[n+1])
  IdMap node_ids, link_ids;
  BoostGraph graph;

  std::vector<bool> OpenMask(const std::vector<bool>& link_open) const {
    if (link_open.empty()) return std::vector<bool>(links.size(), true);
    if (link_open.size() != links.size()) {
      throw Error(fmt::format("{} network: link_open has {} entries for {} links", system,
                              link_open.size(), links.size()));
    }
    return link_open;
  }

  // Shortest distances from one node to every node along links (m).
  std::vector<double> DistancesFrom(NodeIndex source) const {
    std::vector<double> distance(nodes.size(), std::numeric_limits<double>::infinity());
    boost::dijkstra_shortest_paths(
        graph, static_cast<size_t>(source),
        boost::weight_map(boost::get(&EdgeData::length_m, graph))
            .distance_inf(std::numeric_limits<double>::infinity())
            .distance_map(boost::make_iterator_property_map(distance.begin(),
                                                            boost::get(boost::vertex_index, graph))));
    return distance;
  }
};

namespace {

void CheckNode(const NetworkGraph& g, NodeIndex node) {
  if (node < 0 || node >= g.node_count()) {
    throw Error(fmt::format("{} network: node index {} out of range [0, {})", g.system(), node,
                            g.node_count()));
  }
}

void CheckLink(const NetworkGraph& g, LinkIndex link) {
  if (link < 0 || link >= g.link_count()) {
    throw Error(fmt::format("{} network: link index {} out of range [0, {})", g.system(), link,
                            g.link_count()));
  }
}

}  // namespace

NetworkGraph::NetworkGraph() : impl_(std::make_shared<Impl>()) {}
NetworkGraph::NetworkGraph(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
NetworkGraph::~NetworkGraph() = default;
NetworkGraph::NetworkGraph(const NetworkGraph&) = default;
NetworkGraph& NetworkGraph::operator=(const NetworkGraph&) = default;
NetworkGraph::NetworkGraph(NetworkGraph&&) noexcept = default;
NetworkGraph& NetworkGraph::operator=(NetworkGraph&&) noexcept = default;

const std::string& NetworkGraph::system() const { return impl_->system; }
int NetworkGraph::node_count() const { return static_cast<int>(impl_->nodes.size()); }
int NetworkGraph::link_count() const { return static_cast<int>(impl_->links.size()); }
const NodeProperties& NetworkGraph::node(NodeIndex node) const {
  CheckNode(*this, node);
  return impl_->nodes[node];
}
const LinkProperties& NetworkGraph::link(LinkIndex link) const {
  CheckLink(*this, link);
  return impl_->links[link];
}
NodeIndex NetworkGraph::link_from(LinkIndex link) const {
  CheckLink(*this, link);
  return impl_->from[link];
}
NodeIndex NetworkGraph::link_to(LinkIndex link) const {
  CheckLink(*this, link);
  return impl_->to[link];
}
std::span<const LinkIndex> NetworkGraph::links_at(NodeIndex node) const {
  CheckNode(*this, node);
  const auto begin = impl_->incidence_link.begin();
  return {begin + impl_->incidence_start[node], begin + impl_->incidence_start[node + 1]};
}

std::optional<NodeIndex> NetworkGraph::FindNode(std::string_view id) const {
  const auto it = impl_->node_ids.find(id);
  if (it == impl_->node_ids.end()) return std::nullopt;
  return it->second;
}
std::optional<LinkIndex> NetworkGraph::FindLink(std::string_view id) const {
  const auto it = impl_->link_ids.find(id);
  if (it == impl_->link_ids.end()) return std::nullopt;
  return it->second;
}
NodeIndex NetworkGraph::NodeIndexOf(std::string_view id) const {
  if (const auto node = FindNode(id)) return *node;
  throw Error::AtElement(system(), std::string(id), "no such node in the network");
}
LinkIndex NetworkGraph::LinkIndexOf(std::string_view id) const {
  if (const auto link = FindLink(id)) return *link;
  throw Error::AtElement(system(), std::string(id), "no such link in the network");
}

Components NetworkGraph::ConnectedComponents(const std::vector<bool>& link_open) const {
  const std::vector<bool> open = impl_->OpenMask(link_open);
  const boost::filtered_graph<BoostGraph, OpenLinkFilter> view(impl_->graph,
                                                              OpenLinkFilter{&impl_->graph, &open});
  Components result;
  result.component_of_node.resize(impl_->nodes.size());
  result.count = impl_->nodes.empty()
                     ? 0
                     : static_cast<int>(boost::connected_components(
                           view, boost::make_iterator_property_map(
                                     result.component_of_node.begin(),
                                     boost::get(boost::vertex_index, impl_->graph))));
  return result;
}

Segment NetworkGraph::IsolatedSegment(NetworkPoint around,
                                      std::span<const LinkIndex> closed_links) const {
  std::vector<bool> open(impl_->links.size(), true);
  for (LinkIndex link : closed_links) {
    CheckLink(*this, link);
    open[link] = false;
  }
  // start from the node, or from both ends of the link the point lies on
  std::vector<NodeIndex> starts;
  if (around.node >= 0) {
    CheckNode(*this, around.node);
    starts.push_back(around.node);
  } else {
    CheckLink(*this, around.link);
    if (!open[around.link]) {
      throw Error::AtElement(system(), impl_->links[around.link].id,
                             "the segment around a closed link is not defined");
    }
    starts = {impl_->from[around.link], impl_->to[around.link]};
  }

  const boost::filtered_graph<BoostGraph, OpenLinkFilter> view(impl_->graph,
                                                              OpenLinkFilter{&impl_->graph, &open});
  std::vector<boost::default_color_type> color(impl_->nodes.size(), boost::white_color);
  auto color_map =
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, impl_->graph));
  boost::queue<size_t> queue;
  for (NodeIndex start : starts) {
    if (color[start] != boost::white_color) continue;
    boost::breadth_first_visit(view, static_cast<size_t>(start), queue, boost::default_bfs_visitor(),
                               color_map);
  }

  Segment segment;
  for (NodeIndex n = 0; n < node_count(); ++n) {
    if (color[n] != boost::white_color) segment.nodes.push_back(n);
  }
  for (LinkIndex l = 0; l < link_count(); ++l) {
    const bool touches = color[impl_->from[l]] != boost::white_color ||
                         color[impl_->to[l]] != boost::white_color;
    if (!touches) continue;
    (open[l] ? segment.links : segment.boundary_closed_links).push_back(l);
  }
  return segment;
}

std::vector<bool> NetworkGraph::NodesReachableFrom(std::span<const NodeIndex> sources,
                                                   const std::vector<bool>& link_open) const {
  const std::vector<bool> open = impl_->OpenMask(link_open);
  std::vector<bool> reached(impl_->nodes.size(), false);
  std::deque<NodeIndex> queue;
  for (NodeIndex source : sources) {
    CheckNode(*this, source);
    if (!reached[source]) queue.push_back(source);
    reached[source] = true;
  }
  while (!queue.empty()) {
    const NodeIndex n = queue.front();
    queue.pop_front();
    for (LinkIndex l : links_at(n)) {
      if (!open[l]) continue;
      const NodeIndex other = impl_->from[l] == n ? impl_->to[l] : impl_->from[l];
      if (!reached[other]) {
        reached[other] = true;
        queue.push_back(other);
      }
    }
  }
  return reached;
}

TraceResult NetworkGraph::Trace(NodeIndex start, TraceDirection direction,
                                std::span<const double> link_flow) const {
  CheckNode(*this, start);
  if (!link_flow.empty() && link_flow.size() != impl_->links.size()) {
    throw Error(fmt::format("{} network: link_flow has {} entries for {} links", system(),
                            link_flow.size(), impl_->links.size()));
  }
  TraceResult result;
  std::vector<bool> seen(impl_->nodes.size(), false);
  std::deque<NodeIndex> queue{start};
  seen[start] = true;
  while (!queue.empty()) {
    const NodeIndex n = queue.front();
    queue.pop_front();
    result.nodes.push_back(n);
    for (LinkIndex l : links_at(n)) {
      // +1 when the link carries water (gas, ...) from its from-node to its to-node
      const double sense = link_flow.empty() ? 1.0 : (link_flow[l] > 0 ? 1.0 : link_flow[l] < 0 ? -1.0 : 0.0);
      if (sense == 0.0) continue;
      const NodeIndex head = sense > 0 ? impl_->from[l] : impl_->to[l];  // where flow enters
      const NodeIndex tail = sense > 0 ? impl_->to[l] : impl_->from[l];  // where flow leaves
      const bool follow = direction == TraceDirection::kDownstream ? head == n : tail == n;
      if (!follow) continue;
      const NodeIndex next = direction == TraceDirection::kDownstream ? tail : head;
      result.links.push_back(l);
      if (!seen[next]) {
        seen[next] = true;
        queue.push_back(next);
      }
    }
  }
  return result;
}

double NetworkGraph::NetworkDistance_m(NetworkPoint a, NetworkPoint b) const {
  // Each point is reached through one or two nodes, at some extra distance.
  struct Entry {
    NodeIndex node;
    double extra_m;
  };
  auto entries = [this](const NetworkPoint& p) {
    if (p.node >= 0) {
      CheckNode(*this, p.node);
      return std::vector<Entry>{{p.node, 0.0}};
    }
    CheckLink(*this, p.link);
    const double length = impl_->links[p.link].length_m;
    if (p.offset_m < 0.0 || p.offset_m > length) {
      throw Error::AtElement(system(), impl_->links[p.link].id,
                             fmt::format("offset {} m lies outside the link (length {} m)",
                                         p.offset_m, length));
    }
    return std::vector<Entry>{{impl_->from[p.link], p.offset_m},
                              {impl_->to[p.link], length - p.offset_m}};
  };
  const std::vector<Entry> from_a = entries(a), to_b = entries(b);

  double best = std::numeric_limits<double>::infinity();
  if (a.node < 0 && b.node < 0 && a.link == b.link) best = std::abs(a.offset_m - b.offset_m);
  for (const Entry& ea : from_a) {
    const std::vector<double> distance = impl_->DistancesFrom(ea.node);
    for (const Entry& eb : to_b) best = std::min(best, ea.extra_m + distance[eb.node] + eb.extra_m);
  }
  return best;
}

NearbyElements NetworkGraph::ElementsWithin(const Point3& center, double radius_m,
                                            DistanceMetric metric) const {
  NearbyElements nearby;
  for (NodeIndex n = 0; n < node_count(); ++n) {
    if (Distance_m(center, impl_->nodes[n].position, metric) <= radius_m) nearby.nodes.push_back(n);
  }
  for (LinkIndex l = 0; l < link_count(); ++l) {
    const Point3& a = impl_->nodes[impl_->from[l]].position;
    const Point3& b = impl_->nodes[impl_->to[l]].position;
    if (DistanceToSegment_m(center, a, b, metric) <= radius_m) nearby.links.push_back(l);
  }
  return nearby;
}

// ---------------------------------------------------------------------------------------------
// Builder

struct NetworkGraphBuilder::Data {
  std::shared_ptr<NetworkGraph::Impl> impl = std::make_shared<NetworkGraph::Impl>();
};

NetworkGraphBuilder::NetworkGraphBuilder(std::string system) : data_(std::make_unique<Data>()) {
  data_->impl->system = std::move(system);
}
NetworkGraphBuilder::~NetworkGraphBuilder() = default;
NetworkGraphBuilder::NetworkGraphBuilder(NetworkGraphBuilder&&) noexcept = default;
NetworkGraphBuilder& NetworkGraphBuilder::operator=(NetworkGraphBuilder&&) noexcept = default;

NodeIndex NetworkGraphBuilder::AddNode(NodeProperties properties) {
  auto& impl = *data_->impl;
  const auto index = static_cast<NodeIndex>(impl.nodes.size());
  if (!impl.node_ids.emplace(properties.id, index).second) {
    throw Error::AtElement(impl.system, properties.id, "duplicate node id");
  }
  impl.nodes.push_back(std::move(properties));
  return index;
}

LinkIndex NetworkGraphBuilder::AddLink(LinkProperties properties, std::string_view from_node_id,
                                       std::string_view to_node_id) {
  auto& impl = *data_->impl;
  auto find = [&](std::string_view node_id) {
    const auto it = impl.node_ids.find(node_id);
    if (it == impl.node_ids.end()) {
      throw Error::AtElement(impl.system, properties.id,
                             fmt::format("end node '{}' is not in the network", node_id));
    }
    return it->second;
  };
  const NodeIndex from = find(from_node_id), to = find(to_node_id);
  if (!(properties.length_m >= 0.0)) {
    throw Error::AtElement(impl.system, properties.id,
                           fmt::format("length {} m is not a non-negative number", properties.length_m));
  }
  const auto index = static_cast<LinkIndex>(impl.links.size());
  if (!impl.link_ids.emplace(properties.id, index).second) {
    throw Error::AtElement(impl.system, properties.id, "duplicate link id");
  }
  impl.links.push_back(std::move(properties));
  impl.from.push_back(from);
  impl.to.push_back(to);
  return index;
}

int NetworkGraphBuilder::node_count() const { return static_cast<int>(data_->impl->nodes.size()); }
int NetworkGraphBuilder::link_count() const { return static_cast<int>(data_->impl->links.size()); }

NetworkGraph NetworkGraphBuilder::Build() {
  auto& impl = *data_->impl;
  const size_t n_nodes = impl.nodes.size(), n_links = impl.links.size();

  // incidence lists (CSR), in link insertion order
  impl.incidence_start.assign(n_nodes + 1, 0);
  for (size_t l = 0; l < n_links; ++l) {
    ++impl.incidence_start[impl.from[l] + 1];
    if (impl.to[l] != impl.from[l]) ++impl.incidence_start[impl.to[l] + 1];
  }
  for (size_t n = 0; n < n_nodes; ++n) impl.incidence_start[n + 1] += impl.incidence_start[n];
  impl.incidence_link.resize(impl.incidence_start[n_nodes]);
  std::vector<int> fill(impl.incidence_start.begin(), impl.incidence_start.end() - 1);
  for (size_t l = 0; l < n_links; ++l) {
    impl.incidence_link[fill[impl.from[l]]++] = static_cast<LinkIndex>(l);
    if (impl.to[l] != impl.from[l]) impl.incidence_link[fill[impl.to[l]]++] = static_cast<LinkIndex>(l);
  }

  impl.graph = BoostGraph(n_nodes);
  for (size_t l = 0; l < n_links; ++l) {
    boost::add_edge(static_cast<size_t>(impl.from[l]), static_cast<size_t>(impl.to[l]),
                    EdgeData{static_cast<LinkIndex>(l), impl.links[l].length_m}, impl.graph);
  }

  NetworkGraph graph(std::shared_ptr<const NetworkGraph::Impl>(std::move(data_->impl)));
  const std::string system = graph.system();
  data_ = std::make_unique<Data>();
  data_->impl->system = system;
  return graph;
}

}  // namespace lifeline
