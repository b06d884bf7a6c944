// Tests for engine/network_graph.cc: every query on a hand-made network.
//
//   S --V1-- A --P1-- B --P2-- C --V2-- D --P5-- F        G (alone)
//             \                /
//              P3 --- E --- P4
// V1, V2 are isolation valves (length 0); P1, P2, P5 are 100 m; P3, P4 150 m.
#include "engine/network_graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "engine/error.h"

namespace lifeline {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class NetworkGraphTest : public ::testing::Test {
 protected:
  NetworkGraphTest() {
    NetworkGraphBuilder builder("water");
    for (const auto& [id, x, y] : {std::tuple{"S", 0.0, 0.0}, {"A", 100.0, 0.0}, {"B", 200.0, 0.0},
                                   {"C", 300.0, 0.0}, {"D", 400.0, 0.0}, {"E", 200.0, -100.0},
                                   {"F", 500.0, 0.0}, {"G", 900.0, 900.0}}) {
      builder.AddNode({id, "junction", {x, y, -1.5}});
    }
    builder.AddLink({"V1", "valve", 0.0, true}, "S", "A");
    builder.AddLink({"P1", "pipe", 100.0, false}, "A", "B");
    builder.AddLink({"P2", "pipe", 100.0, false}, "B", "C");
    builder.AddLink({"P3", "pipe", 150.0, false}, "A", "E");
    builder.AddLink({"P4", "pipe", 150.0, false}, "E", "C");
    builder.AddLink({"V2", "valve", 0.0, true}, "C", "D");
    builder.AddLink({"P5", "pipe", 100.0, false}, "D", "F");
    graph_ = builder.Build();
  }
  NodeIndex N(const char* id) const { return graph_.NodeIndexOf(id); }
  LinkIndex L(const char* id) const { return graph_.LinkIndexOf(id); }
  std::vector<std::string> NodeIds(const std::vector<NodeIndex>& nodes) const {
    std::vector<std::string> ids;
    for (NodeIndex n : nodes) ids.push_back(graph_.node(n).id);
    return ids;
  }
  std::vector<std::string> LinkIds(const std::vector<LinkIndex>& links) const {
    std::vector<std::string> ids;
    for (LinkIndex l : links) ids.push_back(graph_.link(l).id);
    return ids;
  }
  NetworkGraph graph_;
};

TEST_F(NetworkGraphTest, BuilderAssignsDenseIndicesInOrder) {
  EXPECT_EQ(graph_.system(), "water");
  EXPECT_EQ(graph_.node_count(), 8);
  EXPECT_EQ(graph_.link_count(), 7);
  EXPECT_EQ(N("S"), 0);
  EXPECT_EQ(L("P5"), 6);
  EXPECT_EQ(graph_.link_from(L("P4")), N("E"));
  EXPECT_EQ(graph_.link_to(L("P4")), N("C"));
  EXPECT_EQ(LinkIds({graph_.links_at(N("C")).begin(), graph_.links_at(N("C")).end()}),
            (std::vector<std::string>{"P2", "P4", "V2"}));
  EXPECT_FALSE(graph_.FindNode("nope").has_value());
}

TEST_F(NetworkGraphTest, BadInputNamesTheElement) {
  NetworkGraphBuilder builder("gas");
  builder.AddNode({"N1", "junction", {}});
  EXPECT_THROW(builder.AddNode({"N1", "junction", {}}), Error);
  try {
    builder.AddLink({"L1", "pipe", 10.0, false}, "N1", "N9");
    FAIL();
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("gas element 'L1'"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("'N9'"));
  }
  EXPECT_THROW(builder.AddLink({"L2", "pipe", -1.0, false}, "N1", "N1"), Error);
  try {
    graph_.NodeIndexOf("Q");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.element()->id, "Q");
  }
}

TEST_F(NetworkGraphTest, ConnectedComponentsFollowOpenLinks) {
  const Components all_open = graph_.ConnectedComponents();
  EXPECT_EQ(all_open.count, 2);  // the main network and G
  EXPECT_NE(all_open.component_of_node[N("G")], all_open.component_of_node[N("S")]);

  std::vector<bool> open(graph_.link_count(), true);
  open[L("V2")] = false;
  const Components split = graph_.ConnectedComponents(open);
  EXPECT_EQ(split.count, 3);
  EXPECT_EQ(split.component_of_node[N("D")], split.component_of_node[N("F")]);
  EXPECT_NE(split.component_of_node[N("D")], split.component_of_node[N("C")]);
}

TEST_F(NetworkGraphTest, IsolatedSegmentAroundABurstPipe) {
  const std::vector<LinkIndex> valves{L("V1"), L("V2")};
  const Segment segment = graph_.IsolatedSegment(NetworkPoint::AlongLink(L("P2"), 40.0), valves);
  EXPECT_THAT(NodeIds(segment.nodes), UnorderedElementsAre("A", "B", "C", "E"));
  EXPECT_THAT(LinkIds(segment.links), UnorderedElementsAre("P1", "P2", "P3", "P4"));
  EXPECT_THAT(LinkIds(segment.boundary_closed_links), UnorderedElementsAre("V1", "V2"));

  const Segment beyond = graph_.IsolatedSegment(NetworkPoint::AtNode(N("F")), valves);
  EXPECT_THAT(NodeIds(beyond.nodes), UnorderedElementsAre("D", "F"));
  EXPECT_THAT(LinkIds(beyond.boundary_closed_links), ElementsAre("V2"));
  EXPECT_THROW(graph_.ConnectedComponents(std::vector<bool>(3, true)), Error);
  EXPECT_THROW(graph_.IsolatedSegment(NetworkPoint::AlongLink(L("V1"), 0.0), valves), Error);
}

TEST_F(NetworkGraphTest, NodesCutOffFromTheSource) {
  std::vector<bool> open(graph_.link_count(), true);
  open[L("V2")] = false;
  const NodeIndex source[] = {N("S")};
  const std::vector<bool> supplied = graph_.NodesReachableFrom(source, open);
  EXPECT_TRUE(supplied[N("C")]);
  EXPECT_FALSE(supplied[N("D")]);
  EXPECT_FALSE(supplied[N("F")]);
  EXPECT_FALSE(supplied[N("G")]);
}

TEST_F(NetworkGraphTest, TraceAlongOrientationAndAlongFlow) {
  const TraceResult down = graph_.Trace(N("A"), TraceDirection::kDownstream);
  EXPECT_THAT(NodeIds(down.nodes), ElementsAre("A", "B", "E", "C", "D", "F"));
  const TraceResult up = graph_.Trace(N("C"), TraceDirection::kUpstream);
  EXPECT_THAT(NodeIds(up.nodes), UnorderedElementsAre("C", "B", "E", "A", "S"));

  // P2 reversed (C -> B) and no flow in P4: downstream of C now reaches B, not E.
  std::vector<double> flow{1.0, 1.0, -0.5, 0.2, 0.0, 0.3, 0.3};
  const TraceResult reversed = graph_.Trace(N("C"), TraceDirection::kDownstream, flow);
  EXPECT_THAT(NodeIds(reversed.nodes), UnorderedElementsAre("C", "B", "D", "F"));
}

TEST_F(NetworkGraphTest, DistanceAlongTheNetwork) {
  EXPECT_DOUBLE_EQ(graph_.NetworkDistance_m(NetworkPoint::AtNode(N("S")), NetworkPoint::AtNode(N("F"))), 300.0);
  EXPECT_DOUBLE_EQ(graph_.NetworkDistance_m(NetworkPoint::AtNode(N("A")), NetworkPoint::AtNode(N("C"))), 200.0);
  // 50 m along P3 (A->E) to 100 m along P4 (E->C): 100 m to E, then 100 m.
  EXPECT_DOUBLE_EQ(graph_.NetworkDistance_m(NetworkPoint::AlongLink(L("P3"), 50.0),
                                            NetworkPoint::AlongLink(L("P4"), 100.0)),
                   200.0);
  EXPECT_DOUBLE_EQ(graph_.NetworkDistance_m(NetworkPoint::AlongLink(L("P1"), 10.0),
                                            NetworkPoint::AlongLink(L("P1"), 60.0)),
                   50.0);
  EXPECT_TRUE(std::isinf(graph_.NetworkDistance_m(NetworkPoint::AtNode(N("S")), NetworkPoint::AtNode(N("G")))));
  EXPECT_THROW(graph_.NetworkDistance_m(NetworkPoint::AlongLink(L("P1"), 120.0), NetworkPoint::AtNode(N("S"))),
               Error);
}

TEST_F(NetworkGraphTest, ElementsWithinARadius) {
  const NearbyElements plan = graph_.ElementsWithin({200.0, -10.0, 0.0}, 15.0);
  EXPECT_THAT(NodeIds(plan.nodes), ElementsAre("B"));
  EXPECT_THAT(LinkIds(plan.links), ElementsAre("P1", "P2"));
  // In space the 1.5 m burial depth counts: B lies sqrt(10^2 + 1.5^2) = 10.11 m away.
  EXPECT_TRUE(graph_.ElementsWithin({200.0, -10.0, 0.0}, 10.05, DistanceMetric::kSpace).nodes.empty());
  EXPECT_THAT(NodeIds(graph_.ElementsWithin({200.0, -10.0, 0.0}, 10.2, DistanceMetric::kSpace).nodes),
              ElementsAre("B"));
}

}  // namespace
}  // namespace lifeline
