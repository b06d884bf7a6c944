// MQTT live ingest: readings from a broker (Eclipse Mosquitto) into the live pipeline, with the Paho
// MQTT C++ client.
//
// QoS 1 subscriptions on a persistent session (clean session off, a fixed client id): the broker keeps
// the subscriptions and queues messages while the twin is away, and resends every message it has no
// PUBACK for when the twin reconnects. Lost connections are retried automatically with a back-off from
// min_retry_s doubling up to max_retry_s; the subscriptions are renewed on each reconnect. TLS (ssl://
// server URIs, a CA file, optional client certificate and key) and username/password when configured.
//
// Delivery guarantee (docs/live-data.md): each message is archived and flushed by the pipeline inside
// the client's message callback, before the callback returns and the next message is handled. Paho
// (C 1.3, C++ 1.2) sends the PUBACK of a QoS 1 message itself when the message arrives — it offers no
// manual acknowledgement — so a reading is acknowledged to the broker at most one callback before it is
// archived. A broker that goes away loses nothing acknowledged (it resends what it has no PUBACK for),
// and a message resent after its PUBACK was lost is dropped as a duplicate (same sensor and time_s).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/live/live_pipeline.h"

namespace lifeline::live {

struct MqttConfig {
  std::string server_uri = "tcp://localhost:1883";  // tcp://host:port, or ssl://host:port for TLS
  std::string client_id = "lifeline-twin";          // fixed: the broker keeps its session by this id
  std::vector<std::string> topic_filters = {"lifeline/+/+/reading", "lifeline/+/batch"};  // QoS 1 each
  std::string username;                                                                   // "" = none
  std::string password;            // used with username
  std::string tls_ca_file;         // CA certificates (PEM) to trust; ssl:// only
  std::string tls_cert_file;       // client certificate (PEM), "" = none
  std::string tls_key_file;        // client private key (PEM), "" = none
  double connect_timeout_s = 5.0;  // the first connection must succeed within this, s
  double keep_alive_s = 10.0;      // MQTT keep-alive, s
  double min_retry_s = 0.25;       // first reconnect delay, s (doubles on failure)
  double max_retry_s = 8.0;        // largest reconnect delay, s
};

class MqttIngest {
 public:
  // The pipeline must outlive the ingest.
  MqttIngest(MqttConfig config, LivePipeline& pipeline);
  ~MqttIngest();  // disconnects
  MqttIngest(const MqttIngest&) = delete;
  MqttIngest& operator=(const MqttIngest&) = delete;

  // Connects and subscribes; an Error naming the server when that fails within connect_timeout_s.
  void Start();
  // Disconnects (the broker keeps the session and queues further messages).
  void Stop();

  bool connected() const;
  long messages_received() const;  // messages handed to the pipeline
  long ingest_failures() const;    // messages whose archiving failed (logged; see the guarantee above)
  long connections() const;        // successful connections, the first included

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline::live
