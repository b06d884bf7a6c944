// Tests for engine/live/warning_rules.cc: thresholds with hysteresis and minimum duration, falling
// indicators, rate of change, model residual and predicted crossings.
#include "engine/live/warning_rules.h"

#include <gtest/gtest.h>

#include "live_test_support.h"

namespace lifeline::live {
namespace {

SensorRegistry OneSensor(const std::string& quantity, const std::string& warning_json) {
  return SensorRegistry::LoadText(
      R"({"sensors": [{"id": "S", "system": "gas", "element": "E", "quantity": ")" + quantity +
          R"(", "unit": "u", "x_m": 0, "y_m": 0, "sampling_period_s": 1,
                                      "warning": )" +
          warning_json + "}]}",
      "test");
}

TEST(WarningRules, RaisesEachMethaneLevelAtTheDomainDefaults) {
  const SensorRegistry registry = OneSensor("methane_pct_lel", "{}");
  WarningRules rules(registry);
  EXPECT_FALSE(rules.Evaluate({0, 0, 4.9}));
  auto alarm = rules.Evaluate({0, 1, 5.0});
  ASSERT_TRUE(alarm);
  EXPECT_EQ(alarm->level, WarningLevel::kIV);
  EXPECT_EQ(alarm->previous_level, WarningLevel::kNone);
  EXPECT_EQ(alarm->cause, AlarmCause::kThreshold);
  EXPECT_EQ(rules.Evaluate({0, 2, 21.0})->level, WarningLevel::kIII);
  EXPECT_EQ(rules.Evaluate({0, 3, 26.0})->level, WarningLevel::kII);
  alarm = rules.Evaluate({0, 4, 55.0});
  EXPECT_EQ(alarm->level, WarningLevel::kI);
  EXPECT_NE(alarm->message.find("level I"), std::string::npos);
  EXPECT_EQ(rules.level(0), WarningLevel::kI);
}

TEST(WarningRules, ClearsOnlyPastTheHysteresis) {
  const SensorRegistry registry = OneSensor("methane_pct_lel", R"({"hysteresis": 1.0})");
  WarningRules rules(registry);
  EXPECT_EQ(rules.Evaluate({0, 0, 21.0})->level, WarningLevel::kIII);
  EXPECT_FALSE(rules.Evaluate({0, 1, 19.5}));  // below 20 but within 1 %LEL of it
  EXPECT_FALSE(rules.Evaluate({0, 2, 20.5}));
  const auto alarm = rules.Evaluate({0, 3, 18.9});
  ASSERT_TRUE(alarm);
  EXPECT_EQ(alarm->level, WarningLevel::kIV);
  EXPECT_EQ(alarm->previous_level, WarningLevel::kIII);
  EXPECT_EQ(rules.Evaluate({0, 4, 3.0})->level, WarningLevel::kNone);
}

TEST(WarningRules, WaitsForTheMinimumDuration) {
  const SensorRegistry registry = OneSensor("methane_pct_lel", R"({"min_duration_s": 10})");
  WarningRules rules(registry);
  EXPECT_FALSE(rules.Evaluate({0, 0, 6.0}));
  EXPECT_FALSE(rules.Evaluate({0, 5, 6.0}));
  EXPECT_FALSE(rules.Evaluate({0, 6, 4.0}));  // dropped below: the clock restarts
  EXPECT_FALSE(rules.Evaluate({0, 7, 6.0}));
  EXPECT_FALSE(rules.Evaluate({0, 16, 6.0}));
  EXPECT_EQ(rules.Evaluate({0, 17, 6.0})->level, WarningLevel::kIV);
}

TEST(WarningRules, FallingIndicatorsWarnBelowTheirThresholds) {
  const SensorRegistry registry =
      OneSensor("pressure_head_m", R"({"levels": [25, 20, 15, 10], "direction": "falling"})");
  WarningRules rules(registry);
  EXPECT_FALSE(rules.Evaluate({0, 0, 40.0}));
  EXPECT_EQ(rules.Evaluate({0, 1, 24.0})->level, WarningLevel::kIV);
  EXPECT_EQ(rules.Evaluate({0, 2, 9.0})->level, WarningLevel::kI);
  EXPECT_EQ(rules.Evaluate({0, 3, 30.0})->level, WarningLevel::kNone);
}

TEST(WarningRules, FastChangeRaisesTheRateLevel) {
  const SensorRegistry registry = OneSensor(
      "pressure_head_m", R"({"levels": [25, 20, 15, 10], "direction": "falling", "max_rate_per_s": 0.05,
                            "rate_level": "II", "trend_window_s": 10})");
  WarningRules rules(registry);
  for (int k = 0; k <= 10; ++k) EXPECT_FALSE(rules.Evaluate({0, double(k), 45.0 - 0.01 * k})) << k;
  // A burst: 1 m/s drop, far above 0.05 m/s, while still well above every threshold.
  std::optional<Alarm> alarm;
  for (int k = 11; k <= 14 && !alarm; ++k) alarm = rules.Evaluate({0, double(k), 45.0 - (k - 10)});
  ASSERT_TRUE(alarm);
  EXPECT_EQ(alarm->level, WarningLevel::kII);
  EXPECT_EQ(alarm->cause, AlarmCause::kRateOfChange);
}

TEST(WarningRules, LargeResidualAgainstTheModelWarns) {
  const SensorRegistry registry =
      OneSensor("level_m", R"({"levels": [7, 7.4, 7.7, 7.9], "max_residual": 0.5, "residual_level": "III"})");
  WarningRules rules(registry);
  rules.SetPrediction([](int, double time_s) -> std::optional<double> {
    if (time_s > 100) return std::nullopt;
    return 4.0;
  });
  EXPECT_FALSE(rules.Evaluate({0, 0, 4.3}));
  const auto alarm = rules.Evaluate({0, 1, 3.2});
  ASSERT_TRUE(alarm);
  EXPECT_EQ(alarm->level, WarningLevel::kIII);
  EXPECT_EQ(alarm->cause, AlarmCause::kResidual);
  EXPECT_EQ(rules.Evaluate({0, 101, 3.2})->level, WarningLevel::kNone);  // no prediction there
}

TEST(WarningRules, PredictedCrossingWarnsBeforeTheThreshold) {
  const SensorRegistry registry =
      OneSensor("methane_pct_lel", R"({"forecast_horizon_s": 60, "trend_window_s": 20})");
  WarningRules rules(registry);
  // Rising 0.2 %LEL/s from 0: 5 %LEL is reached at 25 s; the forecast sees it 60 s ahead once the
  // window is half full (10 s).
  std::optional<Alarm> first;
  for (int k = 0; k <= 24 && !first; ++k) first = rules.Evaluate({0, double(k), 0.2 * k});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->cause, AlarmCause::kForecast);
  EXPECT_EQ(first->level, WarningLevel::kIV);
  EXPECT_LE(first->time_s, 11.0);
  // A steep rise forecasts the next level only, not the last one it will reach.
  const SensorRegistry steep_registry =
      OneSensor("methane_pct_lel", R"({"forecast_horizon_s": 600, "trend_window_s": 10})");
  WarningRules steep(steep_registry);
  std::optional<Alarm> early;
  for (int k = 0; k <= 5 && !early; ++k) early = steep.Evaluate({0, double(k), 0.5 * k});
  ASSERT_TRUE(early);
  EXPECT_EQ(early->level, WarningLevel::kIV);
  EXPECT_EQ(early->cause, AlarmCause::kForecast);
  // A flat signal predicts nothing.
  const SensorRegistry flat_registry = OneSensor("methane_pct_lel", R"({"forecast_horizon_s": 60})");
  WarningRules flat(flat_registry);
  for (int k = 0; k < 200; ++k) EXPECT_FALSE(flat.Evaluate({0, double(k), 4.0})) << k;
}

}  // namespace
}  // namespace lifeline::live
