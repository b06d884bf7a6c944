// Tests scenarios/city/sensor_layout.cc: every sensor watches an existing asset of its system, ids are
// unique, and the sensor file loads into the live twin's sensor registry.
#include <gtest/gtest.h>

#include <set>

#include "engine/live/sensor_registry.h"
#include "scenarios/city/city_model.h"
#include "scenarios/city/swmm_inp_writer.h"
#include "tests/scenarios/city_test_support.h"

namespace lifeline::city {
namespace {

bool IsNodeOrLink(const NetworkGraph& graph, const std::string& id) {
  return graph.FindNode(id).has_value() || graph.FindLink(id).has_value();
}

TEST(CitySensors, EverySensorWatchesAnExistingAsset) {
  CityOptions options;
  options.seed = 5;
  options.size_blocks = 13;
  const CityModel model = GenerateCityModel(options);
  const NetworkGraph water = BuildWaterGraph(model.water);
  const NetworkGraph drainage = BuildDrainageGraph(model.drainage);
  const NetworkGraph gas = BuildGasGraph(model.gas);
  const NetworkGraph heating = BuildHeatingGraph(model.heating);
  std::set<std::string> bridge_elements, tunnel_elements;
  for (const CityBridge& bridge : model.bridges) {
    for (const auto& support : bridge.supports) bridge_elements.insert(support.id);
    for (const auto& point : bridge.measuring_points) bridge_elements.insert(point.id);
  }
  for (const TunnelSection& section : model.tunnel.sections) {
    for (const TunnelCompartment& c : model.tunnel.compartments) tunnel_elements.insert(model.tunnel.CompartmentSectionId(section, c));
  }
  std::set<std::string> systems, ids;
  for (const CitySensor& s : model.sensors) {
    EXPECT_TRUE(ids.insert(s.id).second) << "duplicate sensor id " << s.id;
    systems.insert(s.system);
    bool exists = false;
    if (s.system == "water") exists = IsNodeOrLink(water, s.element);
    if (s.system == "drainage") exists = IsNodeOrLink(drainage, s.element) || s.element == kRainGaugeId;
    if (s.system == "gas") exists = IsNodeOrLink(gas, s.element);
    if (s.system == "heating") exists = IsNodeOrLink(heating, s.element);
    if (s.system == "bridge") exists = bridge_elements.count(s.element) > 0;
    if (s.system == "tunnel") exists = tunnel_elements.count(s.element) > 0;
    EXPECT_TRUE(exists) << s.id << " watches " << s.system << " element '" << s.element << "', which does not exist";
    EXPECT_GT(s.sampling_period_s, 0.0) << s.id;
  }
  EXPECT_EQ(systems, (std::set<std::string>{"water", "drainage", "gas", "heating", "bridge", "tunnel"}));
}

TEST(CitySensors, TheSensorFileLoadsIntoTheRegistry) {
  const auto dir = testing::FreshFolder("sensors");
  testing::GenerateInto(dir, 3, 8);
  const live::SensorRegistry registry = live::SensorRegistry::LoadFile((dir / "sensors.json").string());
  CityOptions options;
  options.seed = 3;
  options.size_blocks = 8;
  EXPECT_EQ(registry.size(), GenerateCityModel(options).sensors.size());
  const live::Sensor* methane = nullptr;
  for (const live::Sensor& sensor : registry.sensors()) {
    if (sensor.quantity == "methane_pct_lel") methane = &sensor;
  }
  ASSERT_NE(methane, nullptr);
  EXPECT_EQ(methane->unit, "%LEL");
}

}  // namespace
}  // namespace lifeline::city
