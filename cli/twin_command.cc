// `lifeline twin ...` (see twin_command.h).
#include "cli/twin_command.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include "engine/error.h"
#include "engine/live/live_pipeline.h"
#include "engine/live/mqtt_ingest.h"
#include "engine/live/replay.h"

namespace lifeline::cli {
namespace {

std::atomic<bool> g_interrupted{false};

void OnInterrupt(int) { g_interrupted = true; }

void PrintSummary(const live::PipelineCounts& counts) {
  fmt::print(
      "readings: {} accepted, {} rejected (schema {}, unknown sensor {}, non-finite {}, wrong unit {}), "
      "{} duplicates dropped, {} archived, {} flagged by quality checks\n",
      counts.accepted, counts.rejections.total(), counts.rejections.of(live::RejectReason::kSchema),
      counts.rejections.of(live::RejectReason::kUnknownSensor),
      counts.rejections.of(live::RejectReason::kNonFinite),
      counts.rejections.of(live::RejectReason::kWrongUnit), counts.duplicates, counts.archived,
      counts.flagged);
  fmt::print("warnings: {} level changes, {} events opened\n", counts.alarms, counts.events_opened);
}

struct Options {
  CLI::App* twin = nullptr;
  CLI::App* replay = nullptr;
  CLI::App* listen = nullptr;
  std::string registry_path;
  std::string csv_path;
  std::string archive_in_path;
  std::string archive_out_path;
  std::string ledger_path;
  double speed = 0.0;
  live::MqttConfig mqtt;
  double duration_s = 0.0;
};

void Run(const Options& o) {
  const live::SensorRegistry registry = live::SensorRegistry::LoadFile(o.registry_path);
  live::LivePipeline pipeline(registry, {o.archive_out_path, o.ledger_path, {}, "live pipeline"});
  pipeline.SetAlarmHandler([&](const live::Alarm& alarm) { fmt::print("alarm: {}\n", alarm.message); });
  if (o.replay->parsed()) {
    if (o.csv_path.empty() && o.archive_in_path.empty()) throw Error("twin replay: give --csv or --archive");
    const std::vector<live::Reading> readings = o.csv_path.empty()
                                                    ? live::ReadArchiveRecording(o.archive_in_path, registry)
                                                    : live::ReadCsvRecording(o.csv_path, registry);
    live::Replay(readings, {o.speed, 1024},
                 [&](std::span<const live::Reading> batch) { pipeline.IngestReadings(batch); });
  } else {
    live::MqttIngest ingest(o.mqtt, pipeline);
    ingest.Start();
    fmt::print("listening on {} ({})\n", o.mqtt.server_uri, fmt::join(o.mqtt.topic_filters, ", "));
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
    const auto start = std::chrono::steady_clock::now();
    while (!g_interrupted && (o.duration_s <= 0.0 || std::chrono::steady_clock::now() - start <
                                                         std::chrono::duration<double>(o.duration_s))) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ingest.Stop();
  }
  PrintSummary(pipeline.counts());
}

}  // namespace

void AddTwinCommand(CLI::App& app) {
  auto options = std::make_shared<Options>();
  Options& o = *options;
  o.twin = app.add_subcommand("twin", "Run the live twin on recorded or broker data");
  o.twin->require_subcommand(1);
  const auto common = [&](CLI::App* command) {
    command->add_option("--registry", o.registry_path, "Sensor registry (JSON, docs/live-data.md)")
        ->required();
    command->add_option("--archive-out", o.archive_out_path, "Archive accepted readings here (HDF5)");
    command->add_option("--ledger", o.ledger_path, "Record events in this ledger (SQLite)");
  };
  o.replay =
      o.twin->add_subcommand("replay", "Replay a recording (CSV or sensor archive) through the pipeline");
  common(o.replay);
  CLI::Option* csv = o.replay->add_option("--csv", o.csv_path, "Wide CSV recording");
  CLI::Option* archive =
      o.replay->add_option("--archive", o.archive_in_path, "Sensor archive (HDF5) to replay");
  csv->excludes(archive);
  o.replay->add_option("--speed", o.speed, "Times real time; 0 = as fast as possible")->capture_default_str();
  o.listen = o.twin->add_subcommand("listen", "Ingest readings from an MQTT broker");
  common(o.listen);
  o.listen->add_option("--server", o.mqtt.server_uri, "Broker URI (tcp://host:port or ssl://host:port)")
      ->capture_default_str();
  o.listen->add_option("--client-id", o.mqtt.client_id, "Client id of the persistent session")
      ->capture_default_str();
  o.listen->add_option("--username", o.mqtt.username, "Broker user name");
  o.listen->add_option("--password", o.mqtt.password, "Broker password");
  o.listen->add_option("--ca-file", o.mqtt.tls_ca_file, "CA certificates (PEM) for TLS");
  o.listen->add_option("--duration-s", o.duration_s, "Stop after this many seconds; 0 = until Ctrl-C")
      ->capture_default_str();
  o.twin->callback([options] { Run(*options); });
}

}  // namespace lifeline::cli
