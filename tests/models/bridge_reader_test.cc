// Tests for models/bridge/bridge_reader (the JSON bridge format) and
// bridge_run (the CLI's static, modal and vehicle runs) on
// data/bridges/three_span_girder.json.
#include "models/bridge/bridge_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/error.h"
#include "engine/results_store.h"
#include "models/bridge/bridge_run.h"

namespace lifeline::bridge {
namespace {

const std::string kExample = std::string(LIFELINE_SOURCE_DIR) + "/data/bridges/three_span_girder.json";

std::string ReadText(const std::string& path) {
  std::ifstream file(path);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

TEST(BridgeReader, ReadsTheExampleGirder) {
  const BridgeInput input = ReadBridgeFile(kExample);
  const Girder& girder = input.girder;
  ASSERT_EQ(girder.span_length_m.size(), 3u);
  EXPECT_DOUBLE_EQ(girder.length_m(), 82.0);
  EXPECT_EQ(girder.element_count(), 48);
  ASSERT_EQ(girder.supports.size(), 4u);
  EXPECT_EQ(girder.supports[0].kind, SupportKind::kPinned);
  EXPECT_EQ(girder.supports[2].node, 32);
  EXPECT_EQ(girder.sensors.size(), 4u);
  EXPECT_DOUBLE_EQ(input.deflection_limit_span_ratio, 600.0);
  ASSERT_TRUE(input.vehicle.has_value());
  EXPECT_EQ(input.vehicle->axles.size(), 6u);
  EXPECT_NEAR(input.vehicle->axles[1].force_N, 11500.0 * 9.80665, 1e-9);
  EXPECT_DOUBLE_EQ(input.legal_gross_mass_kg, 49000.0);
  EXPECT_EQ(input.crossing.steps_per_output, 10);
  EXPECT_DOUBLE_EQ(input.damping_ratio, 0.02);
  EXPECT_EQ(input.static_loads.point_forces.size(), 1u);
  EXPECT_EQ(input.static_loads.uniform_forces.size(), 1u);
}

TEST(BridgeReader, ErrorsNameTheFileAndElement) {
  const std::string text = ReadText(kExample);
  try {
    ReadBridgeJson("{\n  \"spans_m\": [20,\n  ]\n}", "bad.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.file().has_value());
    EXPECT_EQ(e.file()->path, "bad.json");
    EXPECT_EQ(e.file()->line, 3);
  }
  std::string bad_support = text;
  bad_support.replace(bad_support.find("\"kind\": \"roller\""), 16, "\"kind\": \"hinge\"");
  try {
    ReadBridgeJson(bad_support, "girder.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value());
    EXPECT_EQ(e.element()->id, "P1");
    EXPECT_NE(std::string(e.what()).find("girder.json"), std::string::npos);
  }
  std::string bad_axle = text;
  bad_axle.replace(bad_axle.find("\"mass_kg\": 7000"), 15, "\"mass_kg\": -7000");
  try {
    ReadBridgeJson(bad_axle, "girder.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_TRUE(e.element().has_value());
    EXPECT_EQ(e.element()->id, "six-axle-truck");
  }
  std::string bad_material = text;
  bad_material.replace(bad_material.find("\"material\": \"concrete\""), 22, "\"material\": 3");
  EXPECT_THROW(ReadBridgeJson(bad_material, "girder.json"), Error);
  EXPECT_THROW(ReadBridgeFile("/nonexistent/bridge.json"), Error);
}

TEST(BridgeRun, WritesCsvAndResultsForEachMode) {
  const BridgeInput input = ReadBridgeFile(kExample);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("lifeline_bridge_run_test-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  for (const BridgeMode mode : {BridgeMode::kStatic, BridgeMode::kModal, BridgeMode::kVehicle}) {
    const std::string h5 = (dir / ("run" + std::to_string(static_cast<int>(mode)) + ".h5")).string();
    std::filesystem::create_directories(dir);
    RunBridge(input, {mode, kExample, (dir / "csv").string(), h5});
    ResultsReader reader(h5);
    long times = 0;
    long elements = 0;
    if (mode == BridgeMode::kStatic) {
      const std::vector<double> reactions = reader.Values("bridge", "support_reaction_N", times, elements);
      ASSERT_EQ(elements, 4);
      // the reactions carry the 300 kN point force and 10.5 kN/m over 82 m
      EXPECT_NEAR(reactions[0] + reactions[1] + reactions[2] + reactions[3], 300e3 + 10.5e3 * 82.0, 1e-3);
    } else if (mode == BridgeMode::kModal) {
      const std::vector<double> frequency_Hz = reader.Values("bridge", "frequency_Hz", times, elements);
      ASSERT_EQ(elements, 6);
      EXPECT_TRUE(std::is_sorted(frequency_Hz.begin(), frequency_Hz.end()));
    } else {
      reader.Values("bridge", "sensor_deflection_m", times, elements);
      EXPECT_EQ(elements, 4);
      EXPECT_GT(times, 600);
      ASSERT_EQ(reader.Events().size(), 1u);  // 54 t over the legal 49 t
      EXPECT_EQ(reader.Events()[0].kind, "alarm");
    }
  }
  for (const char* name : {"static_nodes.csv", "static_sensors.csv", "static_reactions.csv", "modes.csv",
                           "mode_shapes.csv", "vehicle_sensors.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / "csv" / name)) << name;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lifeline::bridge
