// JSON reader for bridges (see bridge_reader.h).
#include "models/bridge/bridge_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"

namespace lifeline::bridge {
namespace {

using Json = nlohmann::json;

// Keys of one JSON object, read with the file and element named in every error.
class Reader {
 public:
  Reader(const Json& object, std::string source, std::string id)
      : object_(object), source_(std::move(source)), id_(std::move(id)) {}

  bool has(const char* key) const { return object_.contains(key); }

  double Number(const char* key) const {
    if (!has(key) || !object_[key].is_number()) Fail(fmt::format("'{}' must be a number", key));
    const double value = object_[key].get<double>();
    if (!std::isfinite(value)) Fail(fmt::format("'{}' is not finite", key));
    return value;
  }
  double Number(const char* key, double fallback) const { return has(key) ? Number(key) : fallback; }

  double Positive(const char* key) const {
    const double value = Number(key);
    if (!(value > 0.0)) Fail(fmt::format("'{}' = {} must be positive", key, value));
    return value;
  }
  double Positive(const char* key, double fallback) const { return has(key) ? Positive(key) : fallback; }

  std::string Text(const char* key) const {
    if (!has(key) || !object_[key].is_string()) Fail(fmt::format("'{}' must be a string", key));
    return object_[key].get<std::string>();
  }

  const Json& Array(const char* key) const {
    if (!has(key) || !object_[key].is_array()) Fail(fmt::format("'{}' must be an array", key));
    return object_[key];
  }

  const Json& Object(const char* key) const {
    if (!has(key) || !object_[key].is_object()) Fail(fmt::format("'{}' must be an object", key));
    return object_[key];
  }

  [[noreturn]] void Fail(const std::string& message) const {
    throw Error::AtElement(kSystem, id_, fmt::format("{}: {}", source_, message));
  }

 private:
  const Json& object_;
  std::string source_;
  std::string id_;
};

std::string IdOf(const Json& item, const std::string& source, const std::string& what) {
  if (!item.is_object()) throw Error(fmt::format("{}: each {} must be an object", source, what));
  return Reader(item, source, what).Text("id");
}

SupportKind ParseSupportKind(const Reader& reader, const std::string& kind) {
  if (kind == "pinned") return SupportKind::kPinned;
  if (kind == "roller") return SupportKind::kRoller;
  if (kind == "fixed") return SupportKind::kFixed;
  if (kind == "spring") return SupportKind::kSpring;
  reader.Fail(fmt::format("unknown support kind '{}' (pinned, roller, fixed, spring)", kind));
}

Support ReadSupport(const Json& item, const std::string& source) {
  Support support;
  support.id = IdOf(item, source, "support");
  const Reader reader(item, source, support.id);
  support.kind = ParseSupportKind(reader, reader.Text("kind"));
  support.settlement_m = reader.Number("settlement_m", 0.0);
  if (support.kind == SupportKind::kSpring)
    support.spring_stiffness_N_per_m = reader.Positive("stiffness_N_per_m");
  return support;
}

Section ReadSection(const Reader& root, const std::string& source, const std::string& title) {
  const Reader reader(root.Object("section"), source, title);
  Section section;
  section.elastic_modulus_Pa = reader.Positive("E_Pa");
  section.second_moment_m4 = reader.Positive("I_m4");
  section.area_m2 = reader.Positive("A_m2");
  section.mass_kg_per_m = reader.Positive("mass_kg_per_m");
  section.thermal_expansion_per_K = reader.Number("alpha_per_K", section.thermal_expansion_per_K);
  const std::string theory = reader.has("theory") ? reader.Text("theory") : "euler-bernoulli";
  if (theory == "timoshenko") {
    section.theory = BeamTheory::kTimoshenko;
    section.shear_modulus_Pa = reader.Positive("G_Pa");
    section.shear_area_m2 = reader.has("As_m2")
                                ? reader.Positive("As_m2")
                                : reader.Positive("shear_correction", 5.0 / 6.0) * section.area_m2;
  } else if (theory != "euler-bernoulli") {
    reader.Fail(fmt::format("unknown theory '{}' (euler-bernoulli or timoshenko)", theory));
  }
  return section;
}

StaticLoads ReadStaticLoads(const Json& loads, const std::string& source, const std::string& title) {
  StaticLoads out;
  const Reader reader(loads, source, title);
  out.temperature_change_K = reader.Number("temperature_change_K", 0.0);
  if (reader.has("point")) {
    for (const Json& item : reader.Array("point")) {
      const std::string id = IdOf(item, source, "point load");
      const Reader load(item, source, id);
      out.point_forces.push_back({id, load.Number("x_m"), load.Number("force_N")});
    }
  }
  if (reader.has("uniform")) {
    for (const Json& item : reader.Array("uniform")) {
      const std::string id = IdOf(item, source, "uniform load");
      const Reader load(item, source, id);
      out.uniform_forces.push_back(
          {id, load.Number("from_m"), load.Number("to_m"), load.Number("force_N_per_m")});
    }
  }
  return out;
}

void ReadVehicle(const Json& item, const std::string& source, BridgeInput& input) {
  Vehicle vehicle;
  vehicle.id = IdOf(item, source, "vehicle");
  const Reader reader(item, source, vehicle.id);
  vehicle.speed_m_per_s = reader.Positive("speed_m_per_s");
  for (const Json& axle_item : reader.Array("axles")) {
    if (!axle_item.is_object()) reader.Fail("each axle must be an object");
    const Reader axle(axle_item, source, vehicle.id);
    const double mass_kg = axle.Positive("mass_kg");
    const double offset_m = axle.Number("offset_m");
    if (offset_m < 0.0) axle.Fail("axle 'offset_m' must be >= 0 (behind the first axle)");
    vehicle.axles.push_back({offset_m, mass_kg * units::kGravity_m_per_s2});
    input.axle_masses_kg.push_back(mass_kg);
  }
  if (vehicle.axles.empty()) reader.Fail("a vehicle needs at least one axle");
  input.legal_gross_mass_kg = reader.Positive("legal_gross_mass_kg", kDefaultLegalGrossMass_kg);
  input.vehicle = std::move(vehicle);
}

void ReadDynamics(const Json& item, const std::string& source, const std::string& title, BridgeInput& input) {
  const Reader reader(item, source, title);
  input.crossing.time_step_s = reader.Positive("time_step_s", input.crossing.time_step_s);
  const double steps_per_output = reader.Positive("steps_per_output", 1.0);
  if (steps_per_output != std::floor(steps_per_output))
    reader.Fail("'steps_per_output' must be a whole number");
  input.crossing.steps_per_output = static_cast<int>(steps_per_output);
  input.crossing.after_exit_s = reader.Number("after_exit_s", 0.0);
  if (input.crossing.after_exit_s < 0.0) reader.Fail("'after_exit_s' must be >= 0");
  input.damping_ratio = reader.Number("damping_ratio", 0.0);
  if (input.damping_ratio < 0.0 || input.damping_ratio >= 1.0)
    reader.Fail("'damping_ratio' must lie in [0, 1)");
}

}  // namespace

BridgeInput ReadBridgeJson(const std::string& json_text, const std::string& source_name) {
  const Json root = ParseJson(json_text, source_name);
  if (!root.is_object()) throw Error::AtLine(source_name, 1, "a bridge file is one JSON object");

  BridgeInput input;
  const std::string title =
      root.contains("title") ? Reader(root, source_name, "bridge").Text("title") : "bridge";
  const Reader reader(root, source_name, title);
  const Section section = ReadSection(reader, source_name, title);
  std::vector<double> spans_m;
  for (const Json& span : reader.Array("spans_m")) {
    if (!span.is_number()) reader.Fail("'spans_m' must hold numbers");
    spans_m.push_back(span.get<double>());
  }
  const double elements_per_span = reader.Positive("elements_per_span");
  if (elements_per_span != std::floor(elements_per_span))
    reader.Fail("'elements_per_span' must be a whole number");

  std::vector<Support> supports;
  for (const Json& item : reader.Array("supports")) supports.push_back(ReadSupport(item, source_name));
  std::vector<Sensor> sensors;
  if (reader.has("sensors")) {
    for (const Json& item : reader.Array("sensors")) {
      const std::string id = IdOf(item, source_name, "sensor");
      const Reader sensor(item, source_name, id);
      sensors.push_back({id, sensor.Number("x_m"), sensor.Number("fibre_below_axis_m", 0.0)});
    }
  }
  input.girder = BuildContinuousGirder(title, spans_m, static_cast<int>(elements_per_span), section,
                                       std::move(supports), std::move(sensors));

  const std::string material = reader.has("material") ? reader.Text("material") : "concrete";
  if (material != "concrete" && material != "steel")
    reader.Fail(fmt::format("unknown material '{}' (concrete, steel)", material));
  input.deflection_limit_span_ratio = reader.Positive(
      "deflection_limit_span_ratio",
      DeflectionLimitSpanRatio(material == "steel" ? GirderMaterial::kSteel : GirderMaterial::kConcrete));

  if (reader.has("static_loads"))
    input.static_loads = ReadStaticLoads(reader.Object("static_loads"), source_name, title);
  if (reader.has("modal")) {
    const double mode_count = Reader(reader.Object("modal"), source_name, title).Positive("mode_count");
    if (mode_count != std::floor(mode_count)) reader.Fail("'mode_count' must be a whole number");
    input.mode_count = static_cast<int>(mode_count);
  }
  if (reader.has("vehicle")) ReadVehicle(reader.Object("vehicle"), source_name, input);
  if (reader.has("dynamics")) ReadDynamics(reader.Object("dynamics"), source_name, title, input);
  return input;
}

BridgeInput ReadBridgeFile(const std::string& path) {
  return ReadBridgeJson(ReadTextFile(path), path);
}

}  // namespace lifeline::bridge
