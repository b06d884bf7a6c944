// Tests for engine/live/live_pipeline.cc: payload to archive, level, incident and ledger event; duplicates
// dropped; bad input counted, never thrown.
#include "engine/live/live_pipeline.h"

#include <gtest/gtest.h>

#include "engine/live/event_ledger.h"
#include "engine/live/quality_checks.h"
#include "engine/live/sensor_archive.h"
#include "live_test_support.h"

namespace lifeline::live {
namespace {

class LivePipelineTest : public ::testing::Test {
 protected:
  std::string Gas(const char* sensor, double time_s, double value) {
    return ReadingJson(*registry_.Find(sensor), time_s, value);
  }
  SensorRegistry registry_ = testing::SmallRegistry();
  std::string archive_path_ = testing::TempPath("pipeline.h5");
  std::string ledger_path_ = testing::TempPath("pipeline.sqlite");
};

TEST_F(LivePipelineTest, AGasLeakBecomesOneLedgerEventWithBothManholes) {
  std::vector<Alarm> alarms;
  {
    LivePipeline pipeline(registry_, {archive_path_, ledger_path_, {600.0, 100.0, 600.0}, "live pipeline"});
    pipeline.SetAlarmHandler([&](const Alarm& alarm) { alarms.push_back(alarm); });
    // GAS-A rises to 22 %LEL, GAS-B (50 m away) follows to 8 %LEL; GAS-FAR stays clean.
    for (int k = 0; k <= 40; ++k) {
      pipeline.IngestPayload(Gas("GAS-A", k, std::min(22.0, 1.0 * k)), "lifeline/gas/GAS-A/reading");
      pipeline.IngestPayload(Gas("GAS-B", k, k < 20 ? 0.5 : 8.0), "lifeline/gas/GAS-B/reading");
      pipeline.IngestPayload(Gas("GAS-FAR", k, 0.2), "lifeline/gas/GAS-FAR/reading");
    }
    EXPECT_EQ(pipeline.level(registry_.IndexOf("GAS-A")), WarningLevel::kIII);
    EXPECT_EQ(pipeline.level(registry_.IndexOf("GAS-B")), WarningLevel::kIV);
    EXPECT_EQ(pipeline.level(registry_.IndexOf("GAS-FAR")), WarningLevel::kNone);
    const PipelineCounts counts = pipeline.counts();
    EXPECT_EQ(counts.accepted, 123);
    EXPECT_EQ(counts.archived, 123);
    EXPECT_EQ(counts.events_opened, 1);
    EXPECT_EQ(counts.rejections.total(), 0);
    ASSERT_EQ(pipeline.incidents().size(), 1u);
    EXPECT_EQ(pipeline.incidents()[0].sensor_indexes.size(), 2u);
    EXPECT_EQ(pipeline.event_id_of_incident(0), 1);
  }
  ASSERT_EQ(alarms.size(), 3u);              // GAS-A IV, GAS-A III, GAS-B IV (min duration 2 s each)
  EXPECT_DOUBLE_EQ(alarms[0].time_s, 7.0);   // 5 %LEL at 5 s, held 2 s
  EXPECT_DOUBLE_EQ(alarms[1].time_s, 22.0);  // 20 %LEL at 20 s, held 2 s

  const EventLedger ledger(ledger_path_);
  const std::vector<LedgerEvent> events = ledger.List({});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sensor_id, "GAS-A");
  EXPECT_EQ(events[0].state, EventState::kAlarm);
  EXPECT_EQ(events[0].level, WarningLevel::kIII);
  EXPECT_EQ(ledger.Alarms(events[0].id).size(), 3u);

  const SensorArchiveReader archive(archive_path_);
  EXPECT_EQ(archive.Read("GAS-A").time_s.size(), 41u);
  EXPECT_EQ(archive.Read("GAS-FAR").value.back(), 0.2);
}

TEST_F(LivePipelineTest, DropsDuplicatesAndCountsRejections) {
  LivePipeline pipeline(registry_, {archive_path_, "", {}, "live pipeline"});
  EXPECT_EQ(pipeline.IngestPayload(Gas("GAS-A", 1, 1.0), "t"), 1);
  EXPECT_EQ(pipeline.IngestPayload(Gas("GAS-A", 1, 1.0), "t"), 1);    // redelivered
  EXPECT_EQ(pipeline.IngestPayload(Gas("GAS-A", 0.5, 1.0), "t"), 1);  // late
  EXPECT_EQ(pipeline.IngestPayload("{broken", "t"), 0);
  EXPECT_EQ(pipeline.IngestPayload(R"({"sensor": "GAS-A", "time_s": 3, "value": 1, "unit": "ppm"})", "t"), 0);
  const PipelineCounts counts = pipeline.counts();
  EXPECT_EQ(counts.accepted, 3);
  EXPECT_EQ(counts.duplicates, 1);
  EXPECT_EQ(counts.archived, 2);
  EXPECT_EQ(counts.flagged, 1);
  EXPECT_EQ(counts.rejections.of(RejectReason::kSchema), 1);
  EXPECT_EQ(counts.rejections.of(RejectReason::kWrongUnit), 1);
  const ArchivedSeries series = SensorArchiveReader(archive_path_).Read("GAS-A");
  ASSERT_EQ(series.quality.size(), 2u);
  EXPECT_EQ(series.quality[1], kQualityOutOfOrder);
}

TEST_F(LivePipelineTest, ImpossibleValuesAreArchivedButRaiseNoWarning) {
  LivePipeline pipeline(registry_, {"", "", {}, "live pipeline"});
  pipeline.IngestPayload(Gas("GAS-A", 0, 0.5), "t");
  pipeline.IngestPayload(Gas("GAS-A", 1, 150.0), "t");  // beyond 100 %LEL: a sensor fault
  EXPECT_EQ(pipeline.level(registry_.IndexOf("GAS-A")), WarningLevel::kNone);
  EXPECT_EQ(pipeline.counts().flagged, 1);
}

}  // namespace
}  // namespace lifeline::live
