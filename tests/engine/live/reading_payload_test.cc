// Tests for engine/live/reading_payload.cc: one reading, a batch, and every rejection reason counted.
#include "engine/live/reading_payload.h"

#include <gtest/gtest.h>

#include "live_test_support.h"

namespace lifeline::live {
namespace {

class ReadingPayload : public ::testing::Test {
 protected:
  SensorRegistry registry_ = testing::SmallRegistry();
  std::vector<Reading> accepted_;
  RejectionCounts rejections_;
};

TEST_F(ReadingPayload, AcceptsOneReading) {
  EXPECT_EQ(ParseReadings(R"({"sensor": "GAS-B", "time_s": 12.5, "value": 3.25, "unit": "%LEL"})", registry_,
                          accepted_, rejections_),
            1);
  ASSERT_EQ(accepted_.size(), 1u);
  EXPECT_EQ(accepted_[0].sensor_index, registry_.IndexOf("GAS-B"));
  EXPECT_DOUBLE_EQ(accepted_[0].time_s, 12.5);
  EXPECT_DOUBLE_EQ(accepted_[0].value, 3.25);
  EXPECT_EQ(rejections_.total(), 0);
}

TEST_F(ReadingPayload, RoundTripsReadingJson) {
  const Sensor& sensor = *registry_.Find("LVL-T1");
  ParseReadings(ReadingJson(sensor, 1764374400.125, 6.75), registry_, accepted_, rejections_);
  ASSERT_EQ(accepted_.size(), 1u);
  EXPECT_DOUBLE_EQ(accepted_[0].time_s, 1764374400.125);
  EXPECT_DOUBLE_EQ(accepted_[0].value, 6.75);
}

TEST_F(ReadingPayload, JudgesEachReadingOfABatch) {
  const char* batch = R"({"readings": [
      {"sensor": "GAS-A", "time_s": 1, "value": 1.0, "unit": "%LEL"},
      {"sensor": "GAS-X", "time_s": 1, "value": 1.0, "unit": "%LEL"},
      {"sensor": "GAS-A", "time_s": 2, "value": null, "unit": "%LEL"},
      {"sensor": "GAS-A", "time_s": 3, "value": "Infinity", "unit": "%LEL"},
      {"sensor": "LVL-T1", "time_s": 3, "value": 4.0, "unit": "cm"},
      {"sensor": "LVL-T1", "time_s": "3", "value": 4.0, "unit": "m"},
      {"sensor": "LVL-T1", "time_s": 4, "value": 4.5, "unit": "m"}]})";
  EXPECT_EQ(ParseReadings(batch, registry_, accepted_, rejections_, "lifeline/gas/batch"), 2);
  EXPECT_EQ(rejections_.of(RejectReason::kUnknownSensor), 1);
  EXPECT_EQ(rejections_.of(RejectReason::kNonFinite), 2);
  EXPECT_EQ(rejections_.of(RejectReason::kWrongUnit), 1);
  EXPECT_EQ(rejections_.of(RejectReason::kSchema), 1);
  EXPECT_EQ(rejections_.total(), 5);
}

TEST_F(ReadingPayload, RejectsMalformedPayloadsWithoutThrowing) {
  for (const char* payload : {"", "{", "not json", "[1, 2]", "42", R"({"readings": 7})", R"({"sensor": 5})",
                              R"({"sensor": "GAS-A", "time_s": 1, "value": 1e999, "unit": "%LEL"})",
                              R"({"sensor": "GAS-A", "time_s": 1, "value": "high", "unit": "%LEL"})",
                              R"({"sensor": "GAS-A", "time_s": 1, "unit": "%LEL"})",
                              R"({"sensor": "GAS-A", "time_s": 1, "value": 2})"}) {
    EXPECT_NO_THROW(ParseReadings(payload, registry_, accepted_, rejections_)) << payload;
  }
  EXPECT_TRUE(accepted_.empty());
  EXPECT_EQ(rejections_.of(RejectReason::kSchema), 11);
  EXPECT_EQ(RejectReasonName(RejectReason::kWrongUnit), "wrong unit");
}

}  // namespace
}  // namespace lifeline::live
