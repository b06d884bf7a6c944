// Tests for engine/results_store.cc: a round trip, bad rows, and a run killed midway.
#include "engine/results_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "engine/error.h"

namespace lifeline {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()) + ".h5")).string();
}

NetworkGraph TwoPipes() {
  NetworkGraphBuilder builder("water");
  builder.AddNode({"R", "reservoir", {0.0, 0.0, 10.0}});
  builder.AddNode({"J1", "junction", {100.0, 0.0, -1.2}});
  builder.AddNode({"J2", "junction", {200.0, 0.0, -1.2}});
  builder.AddLink({"P1", "pipe", 100.0, false}, "R", "J1");
  builder.AddLink({"P2", "pipe", 100.0, false}, "J1", "J2");
  return builder.Build();
}

void WriteSteps(ResultsWriter& writer, int steps) {
  for (int k = 0; k < steps; ++k) {
    const double heads[] = {50.0, 48.0 - k, 47.0 - k};
    const double flows[] = {0.1 * k, 0.05 * k};
    const QuantityRow rows[] = {{"head_m", heads}, {"flow_m3_per_s", flows}};
    writer.AppendStep("water", 60.0 * k, rows);
  }
}

void Declare(ResultsWriter& writer) {
  writer.WriteNetwork(TwoPipes());
  writer.DeclareQuantity("water", "head_m", "m", {"R", "J1", "J2"});
  writer.DeclareQuantity("water", "flow_m3_per_s", "m3/s", {"P1", "P2"});
}

TEST(ResultsStore, RoundTrip) {
  const std::string path = TempPath("round-trip");
  {
    ResultsWriter writer(path, {"test run", "two pipes"});
    Declare(writer);
    WriteSteps(writer, 4);
    writer.AppendEvent({120.0, "water", "P2", "burst", "pipe P2 burst at 40 m"});
    writer.AppendEvent({180.0, "water", "", "control", "pump off"});
    EXPECT_EQ(writer.steps("water"), 4);
  }
  const ResultsReader reader(path);
  EXPECT_EQ(reader.MetaAttribute("title"), "test run");
  EXPECT_FALSE(reader.MetaAttribute("engine_version").empty());
  EXPECT_THAT(reader.Systems(), ::testing::ElementsAre("water"));
  EXPECT_THAT(reader.Quantities("water"), ::testing::UnorderedElementsAre("head_m", "flow_m3_per_s"));
  EXPECT_THAT(reader.Times_s("water"), ::testing::ElementsAre(0.0, 60.0, 120.0, 180.0));
  EXPECT_THAT(reader.ElementIds("water", "flow_m3_per_s"), ::testing::ElementsAre("P1", "P2"));
  EXPECT_EQ(reader.Unit("water", "flow_m3_per_s"), "m3/s");
  long times = 0, elements = 0;
  const std::vector<double> heads = reader.Values("water", "head_m", times, elements);
  EXPECT_EQ(times, 4);
  EXPECT_EQ(elements, 3);
  EXPECT_DOUBLE_EQ(heads[3 * 2 + 1], 46.0);  // J1 at step 2
  EXPECT_THAT(reader.NetworkNodeIds("water"), ::testing::ElementsAre("R", "J1", "J2"));
  EXPECT_THAT(reader.NetworkLinkIds("water"), ::testing::ElementsAre("P1", "P2"));
  EXPECT_THAT(reader.NetworkSystems(), ::testing::ElementsAre("water"));
  EXPECT_THAT(reader.NetworkNodeKinds("water"), ::testing::ElementsAre("reservoir", "junction", "junction"));
  EXPECT_THAT(reader.NetworkLinkKinds("water"), ::testing::ElementsAre("pipe", "pipe"));
  EXPECT_THAT(reader.NetworkLinkFrom("water"), ::testing::ElementsAre("R", "J1"));
  EXPECT_THAT(reader.NetworkLinkTo("water"), ::testing::ElementsAre("J1", "J2"));
  const std::vector<Point3> positions = reader.NetworkNodePositions("water");
  ASSERT_EQ(positions.size(), 3u);
  EXPECT_DOUBLE_EQ(positions[2].x_m, 200.0);
  EXPECT_DOUBLE_EQ(positions[2].z_m, -1.2);
  const std::vector<ResultsEvent> events = reader.Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].element, "P2");
  EXPECT_EQ(events[0].kind, "burst");
  EXPECT_EQ(events[1].message, "pump off");
  std::filesystem::remove(path);
}

TEST(ResultsStore, BadRowsAreRejectedAndNothingStoredIsLost) {
  const std::string path = TempPath("bad-rows");
  {
    ResultsWriter writer(path, {"bad rows", ""});
    Declare(writer);
    WriteSteps(writer, 2);
    const double nan_heads[] = {50.0, std::numeric_limits<double>::quiet_NaN(), 47.0};
    const double flows[] = {0.1, 0.1};
    const QuantityRow with_nan[] = {{"head_m", nan_heads}, {"flow_m3_per_s", flows}};
    try {
      writer.AppendStep("water", 120.0, with_nan);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.element()->id, "J1");  // names the element whose value is bad
    }
    const double short_row[] = {1.0};
    const QuantityRow too_short[] = {{"head_m", short_row}, {"flow_m3_per_s", flows}};
    EXPECT_THROW(writer.AppendStep("water", 120.0, too_short), Error);
    const QuantityRow missing[] = {{"head_m", nan_heads}};
    EXPECT_THROW(writer.AppendStep("water", 120.0, missing), Error);
    EXPECT_THROW(writer.DeclareQuantity("water", "late", "m", {"J1"}), Error);  // after the first step
    EXPECT_THROW(writer.AppendStep("gas", 0.0, missing), Error);
    EXPECT_EQ(writer.steps("water"), 2);
  }
  const ResultsReader reader(path);
  EXPECT_EQ(reader.Times_s("water").size(), 2u);
  std::filesystem::remove(path);
  EXPECT_THROW(ResultsWriter("/nonexistent-folder/x.h5", {}), Error);
  EXPECT_THROW(ResultsReader("/nonexistent-folder/x.h5"), Error);
}

TEST(ResultsStore, ARunKilledMidwayLeavesAReadableFile) {
  const std::string path = TempPath("killed");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // the "run": five steps, then killed without closing the file
    ResultsWriter writer(path, {"killed run", ""});
    Declare(writer);
    WriteSteps(writer, 5);
    kill(getpid(), SIGKILL);
    _exit(1);  // not reached
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  const ResultsReader reader(path);
  EXPECT_EQ(reader.Times_s("water").size(), 5u);
  long times = 0, elements = 0;
  const std::vector<double> flows = reader.Values("water", "flow_m3_per_s", times, elements);
  EXPECT_EQ(times, 5);
  EXPECT_DOUBLE_EQ(flows[2 * 4 + 1], 0.2);  // P2 at the last flushed step
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace lifeline
