// Tests for engine/live/mqtt_ingest.cc against a real Eclipse Mosquitto started on a free loopback port:
// readings published by a separate client arrive, are archived and raise the expected level; malformed
// payloads are counted; a broker restarted mid-stream loses and duplicates nothing. Every wait is bounded.
#include "engine/live/mqtt_ingest.h"

#include <gtest/gtest.h>
#include <mqtt/async_client.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include "engine/error.h"
#include "engine/live/sensor_archive.h"
#include "live_test_support.h"
#include "mosquitto_broker.h"

namespace lifeline::live {
namespace {

using namespace std::chrono_literals;
using testing::FreeLoopbackPort;
using testing::WaitFor;

// A separate publishing client that retries each message until the broker acknowledged it.
class Publisher {
 public:
  explicit Publisher(const std::string& uri) : client_(uri, "lifeline-test-publisher") {
    auto options = mqtt::connect_options_builder()
                       .clean_session(false)
                       .mqtt_version(MQTTVERSION_3_1_1)
                       .connect_timeout(3s)
                       .automatic_reconnect(100ms, 500ms)
                       .finalize();
    client_.connect(options)->wait_for(5s);
  }
  ~Publisher() {
    try {
      if (client_.is_connected()) client_.disconnect()->wait_for(2s);
    } catch (const mqtt::exception&) {
    }
  }
  bool Publish(const std::string& topic, const std::string& payload) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (!client_.is_connected()) {
        std::this_thread::sleep_for(20ms);
        continue;
      }
      try {
        mqtt::delivery_token_ptr token = client_.publish(topic, payload.data(), payload.size(), 1, false);
        if (token->wait_for(2s) && token->get_return_code() == 0) return true;
      } catch (const mqtt::exception&) {
        std::this_thread::sleep_for(20ms);
      }
    }
    return false;
  }

 private:
  mqtt::async_client client_;
};

class MqttIngestTest : public ::testing::Test {
 protected:
  void SetUp() override { broker_.Start(); }
  MqttConfig Config() {
    MqttConfig config;
    config.server_uri = broker_.uri();
    config.client_id = "lifeline-twin-test-" + std::to_string(getpid());
    return config;
  }
  std::string Reading(double time_s, double value) {
    return ReadingJson(*registry_.Find("GAS-A"), time_s, value);
  }
  testing::MosquittoBroker broker_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  SensorRegistry registry_ = testing::SmallRegistry();
  int gas_ = registry_.IndexOf("GAS-A");
  std::string archive_path_ = testing::TempPath("mqtt.h5");
};

TEST_F(MqttIngestTest, PublishedReadingsArriveAreArchivedAndRaiseTheLevel) {
  LivePipeline pipeline(registry_, {archive_path_, "", {}, "live pipeline"});
  MqttIngest ingest(Config(), pipeline);
  ingest.Start();
  ASSERT_TRUE(ingest.connected());
  ASSERT_TRUE(WaitFor([&] { return ingest.connections() >= 1; }, 5s));
  Publisher publisher(broker_.uri());
  // Subscriptions are made in the connected handler; a first reading confirms they are active.
  ASSERT_TRUE(WaitFor(
      [&] {
        publisher.Publish("lifeline/gas/GAS-A/reading", Reading(0, 0.0));
        return pipeline.counts().archived >= 1;
      },
      5s));
  const long before = pipeline.counts().archived;
  for (int k = 1; k <= 30; ++k) ASSERT_TRUE(publisher.Publish("lifeline/gas/GAS-A/reading", Reading(k, k)));
  ASSERT_TRUE(publisher.Publish("lifeline/gas/batch", R"({"readings": [
      {"sensor": "GAS-A", "time_s": 31, "value": 31, "unit": "%LEL"},
      {"sensor": "GAS-A", "time_s": 32, "value": 32, "unit": "ppm"}]})"));
  ASSERT_TRUE(publisher.Publish("lifeline/gas/GAS-A/reading", "{oops"));
  ASSERT_TRUE(WaitFor([&] { return pipeline.counts().rejections.total() >= 2; }, 5s));
  ASSERT_TRUE(WaitFor([&] { return pipeline.counts().archived >= before + 31; }, 5s));
  // 25 %LEL held 2 s by t = 27 s: level II; 31 %LEL does not reach level I (50).
  EXPECT_EQ(pipeline.level(gas_), WarningLevel::kII);
  EXPECT_EQ(pipeline.counts().rejections.of(RejectReason::kWrongUnit), 1);
  EXPECT_EQ(pipeline.counts().rejections.of(RejectReason::kSchema), 1);
  EXPECT_EQ(SensorArchiveReader(archive_path_).Read("GAS-A").time_s.back(), 31.0);
  EXPECT_EQ(ingest.ingest_failures(), 0);
}

TEST_F(MqttIngestTest, ABrokerRestartMidStreamLosesAndDuplicatesNothing) {
  constexpr int kCount = 300;
  LivePipeline pipeline(registry_, {archive_path_, "", {}, "live pipeline"});
  MqttIngest ingest(Config(), pipeline);
  ingest.Start();
  ASSERT_TRUE(WaitFor([&] { return ingest.connections() >= 1; }, 5s));
  Publisher publisher(broker_.uri());
  ASSERT_TRUE(WaitFor(
      [&] {
        publisher.Publish("lifeline/gas/GAS-A/reading", Reading(0, 0.0));
        return pipeline.counts().archived >= 1;
      },
      5s));
  for (int k = 1; k < kCount; ++k) {
    if (k == kCount / 2) {
      broker_.Stop();  // mid-stream: the twin and the publisher lose the broker
      broker_.Start();
    }
    ASSERT_TRUE(publisher.Publish("lifeline/gas/GAS-A/reading", Reading(k, 0.01 * k))) << k;
  }
  ASSERT_TRUE(WaitFor([&] { return pipeline.counts().archived >= kCount; }, 15s))
      << "archived " << pipeline.counts().archived << " of " << kCount;
  EXPECT_GE(ingest.connections(), 2);  // reconnected by itself
  const ArchivedSeries series = SensorArchiveReader(archive_path_).Read("GAS-A");
  const std::set<double> times(series.time_s.begin(), series.time_s.end());
  EXPECT_EQ(series.time_s.size(), static_cast<size_t>(kCount));  // nothing archived twice
  EXPECT_EQ(times.size(), static_cast<size_t>(kCount));          // and nothing missing
  EXPECT_EQ(*times.rbegin(), kCount - 1.0);
}

TEST_F(MqttIngestTest, TheBrokerKeepsTheSessionWhileTheTwinIsAway) {
  // The twin stops mid-stream; the broker queues what is published meanwhile for its persistent session
  // and delivers it when the twin comes back with the same client id.
  constexpr int kCount = 120;
  Publisher publisher(broker_.uri());
  {
    LivePipeline pipeline(registry_, {archive_path_, "", {}, "live pipeline"});
    MqttIngest ingest(Config(), pipeline);
    ingest.Start();
    ASSERT_TRUE(WaitFor(
        [&] {
          publisher.Publish("lifeline/gas/GAS-A/reading", Reading(0, 0.0));
          return pipeline.counts().archived >= 1;
        },
        5s));
    for (int k = 1; k < kCount / 2; ++k)
      ASSERT_TRUE(publisher.Publish("lifeline/gas/GAS-A/reading", Reading(k, 1.0)));
    ASSERT_TRUE(WaitFor([&] { return pipeline.counts().archived >= kCount / 2; }, 5s));
    ingest.Stop();
  }
  for (int k = kCount / 2; k < kCount; ++k)
    ASSERT_TRUE(publisher.Publish("lifeline/gas/GAS-A/reading", Reading(k, 1.0)));
  LivePipeline pipeline(registry_, {archive_path_, "", {}, "live pipeline"});
  MqttIngest ingest(Config(), pipeline);
  ingest.Start();
  ASSERT_TRUE(WaitFor([&] { return pipeline.counts().archived >= kCount / 2; }, 5s))
      << "queued while away: " << pipeline.counts().archived << " of " << kCount / 2;
  ingest.Stop();
  const ArchivedSeries series = SensorArchiveReader(archive_path_).Read("GAS-A");
  const std::set<double> times(series.time_s.begin(), series.time_s.end());
  EXPECT_EQ(series.time_s.size(), static_cast<size_t>(kCount));
  EXPECT_EQ(times.size(), static_cast<size_t>(kCount));
}

TEST(MqttIngest, NoBrokerIsAnErrorNamingTheServer) {
  const SensorRegistry registry = testing::SmallRegistry();
  LivePipeline pipeline(registry, {"", "", {}, "live pipeline"});
  MqttConfig config;
  config.server_uri = "tcp://127.0.0.1:" + std::to_string(FreeLoopbackPort());
  config.connect_timeout_s = 1.0;
  MqttIngest ingest(config, pipeline);
  try {
    ingest.Start();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(config.server_uri), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace lifeline::live
