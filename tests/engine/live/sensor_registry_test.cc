// Tests for engine/live/sensor_registry.cc: loading, layered warning defaults, errors naming the sensor.
#include "engine/live/sensor_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "engine/error.h"
#include "live_test_support.h"

namespace lifeline::live {
namespace {

using ::testing::HasSubstr;

TEST(SensorRegistry, LoadsTheDemoRegistry) {
  const SensorRegistry registry = SensorRegistry::LoadFile(testing::DemoRegistryPath());
  for (const char* id : {"LVL-T1", "PRS-J3", "GAS-MH-01", "FRC-01", "FRC-02"}) {
    ASSERT_NE(registry.Find(id), nullptr) << id;
  }
  const Sensor& frc = *registry.Find("FRC-01");
  EXPECT_EQ(frc.unit, "kN");
  EXPECT_DOUBLE_EQ(frc.sampling_period_s, 0.01);
  EXPECT_DOUBLE_EQ(frc.warning.threshold[0], 260.0);
  EXPECT_DOUBLE_EQ(frc.warning.max_residual, 4.0);
  EXPECT_EQ(registry.IndexOf("FRC-02"), registry.IndexOf("FRC-01") + 1);
  EXPECT_EQ(registry.Find("NOPE"), nullptr);
}

TEST(SensorRegistry, LayersQuantityDefaultsAssetClassAndSensor) {
  const SensorRegistry registry = SensorRegistry::LoadFile(testing::DemoRegistryPath());
  const Sensor& gas = *registry.Find("GAS-MH-01");
  // DOMAIN.md defaults for methane: 5 / 20 / 25 / 50 %LEL.
  EXPECT_DOUBLE_EQ(gas.warning.threshold[0], 5.0);
  EXPECT_DOUBLE_EQ(gas.warning.threshold[1], 20.0);
  EXPECT_DOUBLE_EQ(gas.warning.threshold[3], 50.0);
  EXPECT_TRUE(gas.warning.rising);
  // The asset class adds its own.
  EXPECT_DOUBLE_EQ(gas.warning.min_duration_s, 10.0);
  EXPECT_DOUBLE_EQ(gas.warning.forecast_horizon_s, 300.0);
  EXPECT_DOUBLE_EQ(gas.quality.valid_max, 100.0);
  // The sensor's own override the class's.
  const Sensor& pressure = *registry.Find("PRS-J3");
  EXPECT_FALSE(pressure.warning.rising);
  EXPECT_EQ(pressure.warning.rate_level, WarningLevel::kII);
  EXPECT_DOUBLE_EQ(pressure.quality.spike_delta, 15.0);
}

TEST(SensorRegistry, DrainageDefaultsFollowTheDomainNotes) {
  const WarningConfig depth = DefaultWarningConfig("depth_ratio");
  EXPECT_DOUBLE_EQ(depth.threshold[0], 0.8);
  const WarningConfig freeboard = DefaultWarningConfig("freeboard_m");
  EXPECT_FALSE(freeboard.rising);
  EXPECT_DOUBLE_EQ(freeboard.threshold[2], 0.3);
  EXPECT_TRUE(std::isnan(DefaultWarningConfig("level_m").threshold[0]));
}

TEST(SensorRegistry, ReadsTheDemoCityFormat) {
  // scenarios/city writes format and version keys and empty asset classes.
  const SensorRegistry registry = SensorRegistry::LoadText(R"({"format": "lifeline-sensors", "version": 1,
      "asset_classes": {"tunnel_gas_compartment": {}, "sewer_manhole": {}},
      "sensors": [
        {"id": "TM-UT1-S3-gas", "system": "tunnel", "element": "UT1-S3-gas", "asset_class": "tunnel_gas_compartment",
         "quantity": "methane_pct_lel", "unit": "%LEL", "x_m": 10, "y_m": 20, "z_m": -4, "sampling_period_s": 10},
        {"id": "DM-S1", "system": "drainage", "element": "MH-7", "asset_class": "sewer_manhole",
         "quantity": "methane_pct_lel", "unit": "%LEL", "x_m": 30, "y_m": 20, "z_m": -2, "sampling_period_s": 30}]})",
                                                           "sensors.json");
  ASSERT_EQ(registry.size(), 2u);
  // GB 50838 in a tunnel's gas compartment: 20 %LEL ventilation, 35 %LEL shut-off.
  EXPECT_DOUBLE_EQ(registry.Find("TM-UT1-S3-gas")->warning.threshold[2], 35.0);
  EXPECT_DOUBLE_EQ(registry.Find("DM-S1")->warning.threshold[2], 25.0);
}

TEST(SensorRegistry, ErrorsNameTheFileAndTheSensor) {
  const auto message_of = [](const std::string& json) {
    try {
      SensorRegistry::LoadText(json, "city.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THAT(message_of("{"), HasSubstr("city.json:1: "));  // the file and the line
  EXPECT_THAT(message_of(R"({"sensors": [{"id": "S1", "system": "gas"}]})"),
              HasSubstr("city.json: sensor 'S1': missing string field 'element'"));
  const std::string sensor =
      R"({"id": "S1", "system": "gas", "element": "E", "quantity": "q", "unit": "u", "x_m": 0, "y_m": 0,
          "sampling_period_s": 1)";
  EXPECT_THAT(message_of(R"({"sensors": [)" + sensor + "}, " + sensor + "}]}"),
              HasSubstr("'S1': duplicate sensor id"));
  EXPECT_THAT(message_of(R"({"sensors": [)" + sensor + R"(, "asset_class": "nope"}]})"),
              HasSubstr("sensor 'S1': unknown asset class 'nope'"));
  EXPECT_THAT(message_of(R"({"sensors": [)" + sensor + R"(, "warning": {"levels": [5, 4, null, null]}}]})"),
              HasSubstr("grow in severity"));
  EXPECT_THAT(message_of(R"({"sensors": [)" + sensor + R"(, "warning": {"colour": 1}}]})"),
              HasSubstr("unknown warning field 'colour'"));
}

TEST(SensorRegistry, LevelNamesRoundTrip) {
  for (WarningLevel level : {WarningLevel::kIV, WarningLevel::kIII, WarningLevel::kII, WarningLevel::kI}) {
    EXPECT_EQ(ParseLevel(LevelName(level)), level);
  }
  EXPECT_THROW(ParseLevel("V"), Error);
}

}  // namespace
}  // namespace lifeline::live
