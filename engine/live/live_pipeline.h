// The live pipeline: one path from a sensor payload to the archive, the warning level and the ledger.
//
// For each payload: parse and validate (reading_payload.h; rejections counted), then per reading:
//   1. quality flags (quality_checks.h); a duplicate (a redelivered message) stops here, counted;
//   2. archived with its flags (sensor_archive.h);
//   3. evaluated by the warning rules (warning_rules.h), unless it is out of order or out of the
//      sensor's valid range (a physically impossible value is a sensor fault, not an incident);
//   4. a raised level is grouped into an incident (incident_grouping.h): a new incident opens a ledger
//      event (DETECTED -> ALARM), a further alarm is added to its event (event_ledger.h).
// The archive is flushed before Ingest* returns: a caller that acknowledges a message after the call
// acknowledges only what is archived. Thread-safe (one mutex): MQTT callbacks and replay may share it.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/live/incident_grouping.h"
#include "engine/live/quality_checks.h"
#include "engine/live/reading_payload.h"
#include "engine/live/sensor_registry.h"
#include "engine/live/warning_rules.h"
#include "engine/network_graph.h"

namespace lifeline::live {

class SensorArchiveWriter;
class EventLedger;

struct PipelineOptions {
  std::string archive_path;             // HDF5 sensor archive; "" = no archive
  std::string ledger_path;              // SQLite event ledger; "" = no ledger
  GroupingConfig grouping;              // how alarms group into incidents
  std::string actor = "live pipeline";  // actor of the automatic ledger transitions
};

struct PipelineCounts {
  long accepted = 0;           // readings that passed validation
  long duplicates = 0;         // of those, duplicates dropped (not archived)
  long archived = 0;           // readings archived (flushed)
  long flagged = 0;            // archived readings with a quality flag other than good
  long alarms = 0;             // level changes raised by the rules (up or down)
  long events_opened = 0;      // ledger events opened (new incidents)
  RejectionCounts rejections;  // readings rejected at validation, by reason
};

class LivePipeline {
 public:
  LivePipeline(const SensorRegistry& registry, PipelineOptions options);
  ~LivePipeline();
  LivePipeline(const LivePipeline&) = delete;
  LivePipeline& operator=(const LivePipeline&) = delete;

  // Distances along this network group the alarms of its system.
  void AddNetwork(const NetworkGraph& network);
  // The model prediction for the residual rule.
  void SetPrediction(PredictionFunction prediction);
  // Called (under the pipeline's lock) with every level change.
  void SetAlarmHandler(std::function<void(const Alarm&)> handler);

  // One payload (a reading or a batch); returns the readings accepted. Never throws on bad input.
  int IngestPayload(std::string_view payload, std::string_view origin);
  // Readings already parsed (replay).
  void IngestReadings(std::span<const Reading> readings);

  WarningLevel level(int sensor_index) const;
  PipelineCounts counts() const;
  std::vector<Incident> incidents() const;
  // Ledger id of an incident's event (0 without a ledger).
  long event_id_of_incident(size_t incident_index) const;

 private:
  void IngestLocked(std::span<const Reading> readings);

  const SensorRegistry* registry_;
  PipelineOptions options_;
  mutable std::mutex mutex_;
  QualityChecker quality_;
  WarningRules rules_;
  IncidentGrouper grouper_;
  std::unique_ptr<SensorArchiveWriter> archive_;
  std::unique_ptr<EventLedger> ledger_;
  std::function<void(const Alarm&)> alarm_handler_;
  std::vector<long> event_id_of_incident_;  // ledger id per incident index
  std::vector<Reading> parsed_;             // scratch for IngestPayload
  PipelineCounts counts_;
};

}  // namespace lifeline::live
