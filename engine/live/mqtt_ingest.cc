// MQTT live ingest with Paho MQTT C++ (see mqtt_ingest.h).
#include "engine/live/mqtt_ingest.h"

#include <fmt/format.h>
#include <mqtt/async_client.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>

#include "engine/error.h"

namespace lifeline::live {
namespace {

std::chrono::milliseconds Milliseconds(double seconds) {
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000.0));
}

}  // namespace

struct MqttIngest::Impl {
  MqttConfig config;
  LivePipeline* pipeline = nullptr;
  std::atomic<long> messages{0};
  std::atomic<long> failures{0};
  std::atomic<long> connections{0};
  std::unique_ptr<mqtt::async_client> client;  // last: destroyed first, before what its callbacks use

  void Subscribe() {
    for (const std::string& filter : config.topic_filters) client->subscribe(filter, 1);
  }

  void OnMessage(const mqtt::const_message_ptr& message) {
    // Runs on the client's thread: archive before returning, never let an exception escape.
    try {
      pipeline->IngestPayload(message->get_payload_str(), message->get_topic());
      ++messages;
    } catch (const std::exception& e) {
      ++failures;
      spdlog::error("live: message on {} not archived: {}", message->get_topic(), e.what());
    }
  }
};

MqttIngest::MqttIngest(MqttConfig config, LivePipeline& pipeline) : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
  impl_->pipeline = &pipeline;
  impl_->client = std::make_unique<mqtt::async_client>(impl_->config.server_uri, impl_->config.client_id);
  Impl* impl = impl_.get();
  impl_->client->set_message_callback([impl](mqtt::const_message_ptr message) { impl->OnMessage(message); });
  impl_->client->set_connected_handler([impl](const std::string&) {
    ++impl->connections;
    try {
      impl->Subscribe();
    } catch (const mqtt::exception& e) {
      spdlog::error("live: subscribing at {} failed: {}", impl->config.server_uri, e.what());
    }
  });
  impl_->client->set_connection_lost_handler([impl](const std::string& cause) {
    spdlog::warn("live: connection to {} lost ({}); reconnecting", impl->config.server_uri, cause);
  });
}

MqttIngest::~MqttIngest() { Stop(); }

void MqttIngest::Start() {
  const MqttConfig& config = impl_->config;
  auto options = mqtt::connect_options_builder()
                     .clean_session(false)
                     .mqtt_version(MQTTVERSION_3_1_1)
                     .keep_alive_interval(Milliseconds(config.keep_alive_s))
                     .connect_timeout(Milliseconds(config.connect_timeout_s))
                     .automatic_reconnect(Milliseconds(config.min_retry_s), Milliseconds(config.max_retry_s))
                     .finalize();
  if (!config.username.empty()) {
    options.set_user_name(config.username);
    options.set_password(config.password);
  }
  if (config.server_uri.starts_with("ssl://") || !config.tls_ca_file.empty() ||
      !config.tls_cert_file.empty()) {
    mqtt::ssl_options ssl;
    if (!config.tls_ca_file.empty()) ssl.set_trust_store(config.tls_ca_file);
    if (!config.tls_cert_file.empty()) ssl.set_key_store(config.tls_cert_file);
    if (!config.tls_key_file.empty()) ssl.set_private_key(config.tls_key_file);
    ssl.set_enable_server_cert_auth(true);
    options.set_ssl(ssl);
  }
  try {
    mqtt::token_ptr token = impl_->client->connect(options);
    if (!token->wait_for(Milliseconds(config.connect_timeout_s + 1.0))) {
      throw Error(fmt::format("MQTT broker {}: no connection within {} s", config.server_uri,
                              config.connect_timeout_s));
    }
  } catch (const mqtt::exception& e) {
    throw Error(fmt::format("MQTT broker {}: cannot connect: {}", config.server_uri, e.what()));
  }
}

void MqttIngest::Stop() {
  if (!impl_->client->is_connected()) return;
  try {
    impl_->client->disconnect()->wait_for(Milliseconds(impl_->config.connect_timeout_s));
  } catch (const mqtt::exception& e) {
    spdlog::warn("live: disconnecting from {}: {}", impl_->config.server_uri, e.what());
  }
}

bool MqttIngest::connected() const { return impl_->client->is_connected(); }
long MqttIngest::messages_received() const { return impl_->messages; }
long MqttIngest::ingest_failures() const { return impl_->failures; }
long MqttIngest::connections() const { return impl_->connections; }

}  // namespace lifeline::live
