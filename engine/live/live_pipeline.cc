// The live pipeline (see live_pipeline.h).
#include "engine/live/live_pipeline.h"

#include "engine/live/event_ledger.h"
#include "engine/live/sensor_archive.h"

namespace lifeline::live {

LivePipeline::LivePipeline(const SensorRegistry& registry, PipelineOptions options)
    : registry_(&registry),
      options_(std::move(options)),
      quality_(registry),
      rules_(registry),
      grouper_(registry, options_.grouping) {
  if (!options_.archive_path.empty()) {
    archive_ = std::make_unique<SensorArchiveWriter>(options_.archive_path, registry);
  }
  if (!options_.ledger_path.empty()) ledger_ = std::make_unique<EventLedger>(options_.ledger_path);
}

LivePipeline::~LivePipeline() = default;

void LivePipeline::AddNetwork(const NetworkGraph& network) {
  const std::lock_guard lock(mutex_);
  grouper_.AddNetwork(network);
}

void LivePipeline::SetPrediction(PredictionFunction prediction) {
  const std::lock_guard lock(mutex_);
  rules_.SetPrediction(std::move(prediction));
}

void LivePipeline::SetAlarmHandler(std::function<void(const Alarm&)> handler) {
  const std::lock_guard lock(mutex_);
  alarm_handler_ = std::move(handler);
}

int LivePipeline::IngestPayload(std::string_view payload, std::string_view origin) {
  const std::lock_guard lock(mutex_);
  parsed_.clear();
  const int accepted = ParseReadings(payload, *registry_, parsed_, counts_.rejections, origin);
  IngestLocked(parsed_);
  return accepted;
}

void LivePipeline::IngestReadings(std::span<const Reading> readings) {
  const std::lock_guard lock(mutex_);
  IngestLocked(readings);
}

void LivePipeline::IngestLocked(std::span<const Reading> readings) {
  long archived = 0;
  for (const Reading& reading : readings) {
    ++counts_.accepted;
    const std::uint8_t quality = quality_.Check(reading);
    if (quality & kQualityDuplicate) {
      ++counts_.duplicates;
      continue;
    }
    if (archive_) archive_->Append(reading, quality);
    ++archived;
    if (quality != kQualityGood) ++counts_.flagged;
    if (quality & (kQualityOutOfOrder | kQualityOutOfRange)) continue;

    const std::optional<Alarm> alarm = rules_.Evaluate(reading);
    if (!alarm) continue;
    ++counts_.alarms;
    if (alarm_handler_) alarm_handler_(*alarm);
    const auto assignment = grouper_.Assign(*alarm);
    if (!assignment) continue;
    if (assignment->is_new) {
      ++counts_.events_opened;
      event_id_of_incident_.push_back(0);
    }
    if (!ledger_) continue;
    const Sensor& sensor = registry_->sensors()[static_cast<size_t>(alarm->sensor_index)];
    LedgerAlarm entry;
    entry.sensor_id = sensor.id;
    entry.time_s = alarm->time_s;
    entry.value = alarm->value;
    entry.level = alarm->level;
    entry.cause = std::string(AlarmCauseName(alarm->cause));
    entry.message = alarm->message;
    long& event_id = event_id_of_incident_[assignment->incident_index];
    if (assignment->is_new) {
      event_id = ledger_->OpenEvent(sensor, entry, options_.actor);
    } else {
      entry.event_id = event_id;
      ledger_->AddAlarm(entry);
    }
  }
  if (archive_) archive_->Flush();
  counts_.archived += archived;
}

WarningLevel LivePipeline::level(int sensor_index) const {
  const std::lock_guard lock(mutex_);
  return rules_.level(sensor_index);
}

PipelineCounts LivePipeline::counts() const {
  const std::lock_guard lock(mutex_);
  return counts_;
}

std::vector<Incident> LivePipeline::incidents() const {
  const std::lock_guard lock(mutex_);
  return grouper_.incidents();
}

long LivePipeline::event_id_of_incident(size_t incident_index) const {
  const std::lock_guard lock(mutex_);
  return event_id_of_incident_.at(incident_index);
}

}  // namespace lifeline::live
