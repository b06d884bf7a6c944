// Tests models/gas/gaslib_xml.cc and gaslib_reader.cc: the XML reader, and
// GasLib-11 and -24 (../shared/data/gas/gaslib) solved with their nominations,
// mass balance closed to 1e-9 relative.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/error.h"
#include "models/gas/gas_steady.h"
#include "models/gas/gaslib_reader.h"
#include "models/gas/gaslib_xml.h"
#include "tests/support/shared_data.h"

namespace lifeline::gas {
namespace {

TEST(GasLibXml, ElementsAttributesAndEntities) {
  const XmlElement root = ParseXml(R"(<?xml version="1.0"?>
<!-- a comment with <tags> -->
<a:net xmlns:a="x">
  <node id="n&amp;1" x='2'>text <height value="3" unit="m"/></node>
  <!-- <node id="hidden"/> -->
  <a:pipe from="n&amp;1" to="n2"/>
</a:net>)", "t.xml");
  EXPECT_EQ(root.local_name(), "net");
  ASSERT_EQ(root.children.size(), 2u);
  EXPECT_EQ(root.children[0].attributes.at("id"), "n&1");
  EXPECT_EQ(root.children[0].attributes.at("x"), "2");
  EXPECT_EQ(root.children[0].line, 4);
  ASSERT_NE(root.children[0].Child("height"), nullptr);
  EXPECT_EQ(root.Child("pipe")->attributes.at("to"), "n2");
}

TEST(GasLibXml, MalformedNamesTheLine) {
  try {
    ParseXml("<net>\n  <node id=\"a\">\n  </pipe>\n</net>", "bad.net");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.file().has_value());
    EXPECT_EQ(e.file()->path, "bad.net");
    EXPECT_EQ(e.file()->line, 3);
  }
}

class GasLibInstanceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GasLibInstanceTest, SolvesTheNominationWithMassBalanceClosed) {
  const std::string name = GetParam();
  const GasLibInstance instance = ReadGasLib(testing::SharedDataFile("gas/gaslib/" + name + "/" + name + ".net"),
                                             testing::SharedDataFile("gas/gaslib/" + name + "/" + name + ".scn"));
  const GasNetwork& network = instance.network;
  const GasSteadyResult result = SolveGasSteady(network);
  const NetworkGraph& graph = network.graph;

  // every junction: inflow - outflow - withdrawal = 0, relative to the throughput
  std::vector<double> balance(static_cast<size_t>(graph.node_count()), 0.0);
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    balance[graph.link_to(l)] += result.mass_flow_kg_per_s[l];
    balance[graph.link_from(l)] -= result.mass_flow_kg_per_s[l];
  }
  double worst = 0.0;
  const NodeIndex slack = graph.NodeIndexOf(instance.slack_entry);
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    if (n == slack) continue;
    worst = std::max(worst, std::abs(balance[n] - network.junctions[n].sink_kg_per_s) / instance.total_exit_kg_per_s);
    EXPECT_GT(result.pressure_Pa[n], 0.0) << graph.node(n).id;
  }
  EXPECT_LE(worst, 1e-9);
  // the slack supplies what its nomination says (the nominations balance)
  const double slack_supply = -balance[slack];
  EXPECT_NEAR(slack_supply / instance.slack_nominated_kg_per_s, 1.0, 1e-9);
  fmt::print("{}: {} nodes, {} links, slack {} supplies {:.6f} kg/s (nominated {:.6f}), max balance error {:.1e}, "
             "pressures {:.2f} .. {:.2f} bar, {} Newton iterations\n",
             name, graph.node_count(), graph.link_count(), instance.slack_entry, slack_supply,
             instance.slack_nominated_kg_per_s, worst,
             *std::min_element(result.pressure_Pa.begin(), result.pressure_Pa.end()) / 1e5,
             *std::max_element(result.pressure_Pa.begin(), result.pressure_Pa.end()) / 1e5, result.report.iterations);
}

INSTANTIATE_TEST_SUITE_P(GasLib, GasLibInstanceTest, ::testing::Values("GasLib-11", "GasLib-24"));

}  // namespace
}  // namespace lifeline::gas
