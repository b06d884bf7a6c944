// NetworkGraph: the one graph type every lifeline system is built on.
//
// A network is nodes (junctions, tanks, manholes, regulators, ...) joined by
// links (pipes, conduits, valves, pumps, ...). Each has an external id (the
// id in the input file), a kind, and a position in the city frame. Physical
// parameters stay with each model, in arrays indexed by the dense NodeIndex /
// LinkIndex this graph assigns. A link has an orientation (from -> to), which
// is the sign convention for its flow.
//
// Build with NetworkGraphBuilder (ids -> dense indices), then Build() freezes
// it; a NetworkGraph never changes afterwards and is cheap to copy.
//
// Queries (see each function):
//   ConnectedComponents  - islands of the network with a set of links open
//   IsolatedSegment      - what closing a set of valves cuts out around an element
//   NodesReachableFrom   - what stays supplied from a set of sources
//   Trace                - upstream / downstream along link orientation or flow
//   NetworkDistance_m    - shortest path length along links between two points
//   ElementsWithin       - nodes and links within a radius of a point
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/geometry.h"

namespace lifeline {

using NodeIndex = std::int32_t;
using LinkIndex = std::int32_t;

// What every system's node carries; system-specific data lives in the model.
struct NodeProperties {
  std::string id;     // external id, unique among the network's nodes
  std::string kind;   // "junction", "tank", "manhole", ... (the system's own word)
  Point3 position;    // city frame, m
};

// What every system's link carries; system-specific data lives in the model.
struct LinkProperties {
  std::string id;              // external id, unique among the network's links
  std::string kind;            // "pipe", "valve", "pump", "conduit", ...
  double length_m = 0.0;       // along the link; 0 for valves and pumps
  bool is_isolation_valve = false;  // can be closed to isolate a segment
};

// A point on the network: a node, or a place along a link.
struct NetworkPoint {
  static NetworkPoint AtNode(NodeIndex node) { return {node, -1, 0.0}; }
  static NetworkPoint AlongLink(LinkIndex link, double offset_from_start_m) {
    return {-1, link, offset_from_start_m};
  }
  NodeIndex node = -1;       // >= 0 for a node
  LinkIndex link = -1;       // >= 0 for a place along a link
  double offset_m = 0.0;     // from the link's from-node, m
};

struct Components {
  int count = 0;                      // number of islands
  std::vector<int> component_of_node;  // 0 .. count-1 for each node
};

// The part of the network cut out when a set of links is closed.
struct Segment {
  std::vector<NodeIndex> nodes;             // nodes inside the segment
  std::vector<LinkIndex> links;             // open links inside the segment
  std::vector<LinkIndex> boundary_closed_links;  // closed links that bound it
};

// Nodes and links within a radius of a point.
struct NearbyElements {
  std::vector<NodeIndex> nodes;
  std::vector<LinkIndex> links;
};

enum class TraceDirection { kDownstream, kUpstream };

struct TraceResult {
  std::vector<NodeIndex> nodes;  // in breadth-first order, the start node first
  std::vector<LinkIndex> links;
};

class NetworkGraph {
 public:
  NetworkGraph();  // an empty network
  ~NetworkGraph();
  NetworkGraph(const NetworkGraph&);
  NetworkGraph& operator=(const NetworkGraph&);
  NetworkGraph(NetworkGraph&&) noexcept;
  NetworkGraph& operator=(NetworkGraph&&) noexcept;

  // The system this network belongs to: "water", "drainage", "gas", ...
  const std::string& system() const;

  int node_count() const;
  int link_count() const;
  const NodeProperties& node(NodeIndex node) const;
  const LinkProperties& link(LinkIndex link) const;
  NodeIndex link_from(LinkIndex link) const;
  NodeIndex link_to(LinkIndex link) const;
  // The links that touch a node, in insertion order.
  std::span<const LinkIndex> links_at(NodeIndex node) const;

  std::optional<NodeIndex> FindNode(std::string_view id) const;
  std::optional<LinkIndex> FindLink(std::string_view id) const;
  // As Find*, but an unknown id is an Error naming it.
  NodeIndex NodeIndexOf(std::string_view id) const;
  LinkIndex LinkIndexOf(std::string_view id) const;

  // Islands of the network when only the links with link_open[l] are used.
  // An empty span means every link is open.
  Components ConnectedComponents(const std::vector<bool>& link_open = {}) const;

  // The segment around an element (a node, or a point along a link) that is cut
  // out when closed_links are closed. Passing every isolation valve gives the
  // smallest segment; its boundary_closed_links are the valves to shut.
  Segment IsolatedSegment(NetworkPoint around, std::span<const LinkIndex> closed_links) const;

  // Nodes connected to any of the sources through open links (empty = all open).
  std::vector<bool> NodesReachableFrom(std::span<const NodeIndex> sources,
                                       const std::vector<bool>& link_open = {}) const;

  // Everything downstream (or upstream) of a node. A link is followed in its
  // from -> to orientation, or, when link_flow is given, in the direction of
  // its flow; links with zero flow are not followed.
  TraceResult Trace(NodeIndex start, TraceDirection direction,
                    std::span<const double> link_flow = {}) const;

  // Shortest distance along links between two points of the network (m);
  // +infinity when they lie on different islands.
  double NetworkDistance_m(NetworkPoint a, NetworkPoint b) const;

  // Nodes whose position, and links whose straight segment between their end
  // nodes, lie within radius_m of center.
  NearbyElements ElementsWithin(const Point3& center, double radius_m,
                                DistanceMetric metric = DistanceMetric::kPlan) const;

 private:
  friend class NetworkGraphBuilder;
  struct Impl;
  explicit NetworkGraph(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// Collects nodes and links by external id, then freezes them into a NetworkGraph.
class NetworkGraphBuilder {
 public:
  explicit NetworkGraphBuilder(std::string system);
  ~NetworkGraphBuilder();
  NetworkGraphBuilder(NetworkGraphBuilder&&) noexcept;
  NetworkGraphBuilder& operator=(NetworkGraphBuilder&&) noexcept;

  // A duplicate id is an Error naming it.
  NodeIndex AddNode(NodeProperties properties);
  // Unknown end nodes or a duplicate id are Errors naming them.
  LinkIndex AddLink(LinkProperties properties, std::string_view from_node_id,
                    std::string_view to_node_id);

  int node_count() const;
  int link_count() const;

  // Freezes the network; the builder is empty afterwards.
  NetworkGraph Build();

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace lifeline
