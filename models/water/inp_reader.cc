// EPANET .inp reader (see inp_reader.h).
//
// Two passes: the first splits the file into sections of tokenised lines
// (comments after ';' dropped, "quoted ids" kept whole); the second parses
// the sections in dependency order (options and units first, then patterns
// and curves, nodes, links, and what refers to them), so that a file may list
// its sections in any order, as EPANET allows.
#include "models/water/inp_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "engine/error.h"
#include "engine/input_file.h"
#include "engine/units.h"
#include "models/water/inp_units.h"

namespace lifeline::water {
namespace {

struct InpLine {
  int number = 0;                   // 1-based line in the file
  std::vector<std::string> tokens;  // without the comment
  std::string text;                 // the whole line as written
};

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// Whitespace-separated tokens before any ';'; "a b" is one token.
std::vector<std::string> Tokenize(const std::string& text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ';') break;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '"') {
      const size_t end = text.find('"', i + 1);
      const size_t stop = end == std::string::npos ? text.size() : end;
      tokens.push_back(text.substr(i + 1, stop - i - 1));
      i = stop + 1;
    } else {
      size_t end = i;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ';') ++end;
      tokens.push_back(text.substr(i, end - i));
      i = end;
    }
  }
  return tokens;
}

const std::vector<std::string> kModelSections = {
    "TITLE", "JUNCTIONS", "RESERVOIRS", "TANKS", "PIPES", "PUMPS", "VALVES", "DEMANDS", "PATTERNS",
    "CURVES", "CONTROLS", "STATUS", "OPTIONS", "TIMES", "COORDINATES", "EMITTERS", "END"};
const std::vector<std::string> kKeptSections = {"RULES", "ENERGY", "REPORT", "TAGS", "LABELS", "BACKDROP",
                                                "VERTICES", "QUALITY", "SOURCES", "REACTIONS", "MIXING"};

const char* CurveUseName(CurveUse use) {
  switch (use) {
    case CurveUse::kPumpHead: return "pump head";
    case CurveUse::kVolume: return "tank volume";
    case CurveUse::kHeadLoss: return "valve head loss";
    case CurveUse::kUnused: break;
  }
  return "unused";
}

bool Contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

class InpParser {
 public:
  InpParser(const std::string& text, std::string source) : source_(std::move(source)) { Split(text); }

  WaterNetwork Parse() {
    network_.source = source_;
    ParseTitle();
    ParseOptions();
    ParseTimes();
    ParsePatterns();
    ParseCurves();
    ParseJunctions();
    ParseReservoirs();
    ParseTanks();
    ParseCoordinates();
    BuildNodes();
    ParsePipes();
    ParsePumps();
    ParseValves();
    network_.graph = builder_.Build();
    ParseDemands();
    ParseStatus();
    ParseEmitters();
    ParseControls();
    KeepSections();
    ResolveDefaultPattern();
    return std::move(network_);
  }

 private:
  // ---- first pass ----
  void Split(const std::string& text) {
    std::istringstream stream(text);
    std::string raw;
    std::string section;
    int number = 0;
    while (std::getline(stream, raw)) {
      ++number;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::vector<std::string> tokens = Tokenize(raw);
      if (tokens.empty()) continue;
      if (tokens[0].front() == '[') {
        const size_t close = tokens[0].find(']');
        if (close == std::string::npos) Fail(number, fmt::format("malformed section header '{}'", tokens[0]));
        section = Upper(tokens[0].substr(1, close - 1));
        if (!Contains(kModelSections, section) && !Contains(kKeptSections, section)) {
          Fail(number, fmt::format("unknown or unsupported section [{}]", section));
        }
        if (section == "END") break;
        continue;
      }
      if (section.empty()) Fail(number, "data before the first [SECTION] header");
      if (section == "TITLE") tokens = {raw};
      sections_[section].push_back({number, std::move(tokens), raw});
    }
  }

  const std::vector<InpLine>& Section(const std::string& name) const {
    static const std::vector<InpLine> kEmpty;
    const auto it = sections_.find(name);
    return it == sections_.end() ? kEmpty : it->second;
  }

  // ---- errors and fields ----
  [[noreturn]] void Fail(int line, const std::string& message) const {
    throw Error::AtLine(source_, line, message);
  }
  void Need(const InpLine& line, size_t count, const char* layout) const {
    if (line.tokens.size() < count) {
      Fail(line.number, fmt::format("expected {}, found {} field(s)", layout, line.tokens.size()));
    }
  }
  double Number(const InpLine& line, size_t index, const char* what) const {
    const std::string& token = line.tokens.at(index);
    double value = 0.0;
    const char* end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
      Fail(line.number, fmt::format("{} '{}' is not a number", what, token));
    }
    return value;
  }
  bool IsNumber(const std::string& token) const {
    double value = 0.0;
    const char* end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, value);
    return ec == std::errc() && ptr == end;
  }
  int Pattern(const InpLine& line, size_t index) const {
    if (index >= line.tokens.size() || line.tokens[index] == "*") return -1;
    const auto it = pattern_index_.find(Upper(line.tokens[index]));
    if (it == pattern_index_.end()) Fail(line.number, fmt::format("unknown pattern '{}'", line.tokens[index]));
    return it->second;
  }
  int CurveFor(const InpLine& line, const std::string& id, CurveUse use) {
    const auto it = curve_index_.find(Upper(id));
    if (it == curve_index_.end()) Fail(line.number, fmt::format("unknown curve '{}'", id));
    Curve& curve = network_.curves[it->second];
    if (curve.use != CurveUse::kUnused && curve.use != use) {
      Fail(line.number, fmt::format("curve '{}' is used both as a {} and a {} curve", id, CurveUseName(curve.use),
                                    CurveUseName(use)));
    }
    if (curve.use == CurveUse::kUnused) {
      curve.use = use;
      double x_unit = 1.0, y_unit = 1.0;
      switch (use) {
        case CurveUse::kPumpHead:
        case CurveUse::kHeadLoss: x_unit = units_.flow_m3_per_s; y_unit = units_.length_m; break;
        case CurveUse::kVolume: x_unit = units_.length_m; y_unit = units_.volume_m3; break;
        case CurveUse::kUnused: break;
      }
      for (double& x : curve.x) x *= x_unit;
      for (double& y : curve.y) y *= y_unit;
    }
    if (use == CurveUse::kHeadLoss && curve.x.size() < 2) {
      Fail(line.number, fmt::format("head loss curve '{}' needs at least two points", id));
    }
    return it->second;
  }
  NodeIndex NodeOf(const InpLine& line, size_t index) const {
    const auto it = node_index_.find(line.tokens.at(index));
    if (it == node_index_.end()) Fail(line.number, fmt::format("unknown node '{}'", line.tokens[index]));
    return it->second;
  }
  LinkIndex LinkOf(const InpLine& line, size_t index) const {
    const auto it = link_index_.find(line.tokens.at(index));
    if (it == link_index_.end()) Fail(line.number, fmt::format("unknown link '{}'", line.tokens[index]));
    return it->second;
  }

  // Elapsed time: "h", "h:mm[:ss]", or a number and a unit (SEC, MIN, HOURS, DAYS),
  // or a clock time with AM/PM.
  double Time_s(const InpLine& line, size_t index) const {
    const std::string& value = line.tokens.at(index);
    const std::string unit = index + 1 < line.tokens.size() ? Upper(line.tokens[index + 1]) : "";
    double seconds = 0.0;
    if (value.find(':') != std::string::npos) {
      double part[3] = {0.0, 0.0, 0.0};
      int count = 0;
      std::stringstream stream(value);
      std::string piece;
      while (std::getline(stream, piece, ':')) {
        if (count == 3 || !IsNumber(piece)) Fail(line.number, fmt::format("malformed time '{}'", value));
        part[count++] = std::stod(piece);
      }
      seconds = part[0] * 3600.0 + part[1] * 60.0 + part[2];
    } else {
      const double number = Number(line, index, "time");
      if (unit.starts_with("SEC")) seconds = number;
      else if (unit.starts_with("MIN")) seconds = number * 60.0;
      else if (unit.starts_with("DAY")) seconds = number * units::kSecondsPerDay;
      else seconds = units::HoursToSeconds(number);
    }
    if (unit == "AM" || unit == "PM") {
      double hours = std::fmod(seconds / 3600.0, 12.0);
      if (unit == "PM") hours += 12.0;
      seconds = hours * 3600.0 + std::fmod(seconds, 3600.0);
    }
    return seconds;
  }

  // ---- sections ----
  void ParseTitle() {
    for (const InpLine& line : Section("TITLE")) {
      if (!network_.title.empty()) network_.title += "\n";
      network_.title += line.text;
    }
  }

  void ParseOptions() {
    Options& options = network_.options;
    std::string flow_units = "GPM";
    std::string pressure;
    int pressure_line = 0;
    for (const InpLine& line : Section("OPTIONS")) {
      Need(line, 2, "an option and its value");
      const std::string key = Upper(line.tokens[0]);
      const std::string second = Upper(line.tokens[1]);
      const auto value = [&](size_t index) {
        Need(line, index + 1, "an option and its value");
        return Number(line, index, key.c_str());
      };
      if (key == "UNITS") {
        flow_units = second;
        if (!InpUnits::ForFlowUnits(flow_units)) Fail(line.number, fmt::format("unknown flow units '{}'", second));
      } else if (key == "HEADLOSS") {
        if (second == "H-W") options.headloss = HeadlossFormula::kHazenWilliams;
        else if (second == "D-W") options.headloss = HeadlossFormula::kDarcyWeisbach;
        else if (second == "C-M") options.headloss = HeadlossFormula::kChezyManning;
        else Fail(line.number, fmt::format("unknown headloss formula '{}'", line.tokens[1]));
      } else if (key == "PRESSURE" && second == "EXPONENT") {
        kept_options_.push_back({line.number, line.text});
      } else if (key == "PRESSURE") {
        pressure = second;
        pressure_line = line.number;
      } else if (key == "SPECIFIC") {
        options.specific_gravity = value(2);
        if (!(options.specific_gravity > 0.0)) Fail(line.number, "specific gravity must be positive");
      } else if (key == "VISCOSITY") {
        viscosity_ = value(1);
      } else if (key == "TRIALS") {
        options.max_trials = static_cast<int>(value(1));
      } else if (key == "ACCURACY") {
        options.accuracy = value(1);
      } else if (key == "CHECKFREQ") {
        options.check_frequency = static_cast<int>(value(1));
      } else if (key == "MAXCHECK") {
        options.max_check = static_cast<int>(value(1));
      } else if (key == "DAMPLIMIT") {
        options.damp_limit = value(1);
      } else if (key == "HEADERROR") {
        head_error_limit_ = value(1);
      } else if (key == "FLOWCHANGE") {
        flow_change_limit_ = value(1);
      } else if (key == "UNBALANCED") {
        if (second.starts_with("STOP")) options.extra_trials = -1;
        else if (second.starts_with("CONT")) options.extra_trials = line.tokens.size() > 2 ? static_cast<int>(value(2)) : 0;
        else Fail(line.number, fmt::format("UNBALANCED must be STOP or CONTINUE, not '{}'", line.tokens[1]));
      } else if (key == "PATTERN") {
        default_pattern_id_ = line.tokens[1];
      } else if (key == "DEMAND" && second == "MULTIPLIER") {
        options.demand_multiplier = value(2);
      } else if (key == "DEMAND" && second == "MODEL") {
        Need(line, 3, "DEMAND MODEL DDA|PDA");
        options.demand_model = Upper(line.tokens[2]);
      } else if (key == "EMITTER" && second == "EXPONENT") {
        options.emitter_exponent = value(2);
      } else if (key == "QUALITY" || key == "DIFFUSIVITY" || key == "TOLERANCE" || key == "MAP" ||
                 key == "HYDRAULICS" || key == "MINIMUM" || key == "REQUIRED" || key == "EMITTER" ||
                 key == "BACKFLOW" || key == "SEGMENTS" || key == "STATUS") {
        kept_options_.push_back({line.number, line.text});
      } else {
        Fail(line.number, fmt::format("unknown option '{}'", line.tokens[0]));
      }
    }
    options.flow_units = flow_units;
    units_ = *InpUnits::ForFlowUnits(flow_units);
    if (!pressure.empty()) {
      PressureUnits unit = PressureUnits::kPsi;
      if (pressure == "PSI") unit = PressureUnits::kPsi;
      else if (pressure == "KPA") unit = PressureUnits::kKpa;
      else if (pressure == "METERS" || pressure == "METRES") unit = PressureUnits::kMetres;
      else if (pressure == "FEET") unit = PressureUnits::kFeet;
      else Fail(pressure_line, fmt::format("unknown pressure units '{}'", pressure));
      units_.SetPressure(unit, options.specific_gravity);
    } else {
      units_.SetPressure(units_.us_customary ? PressureUnits::kPsi : PressureUnits::kMetres, options.specific_gravity);
    }
    // EPANET: a viscosity above 1e-3 is relative to water at 20 C (1.1e-5 ft2/s),
    // below it an absolute value in ft2/s or m2/s.
    const double kWaterViscosity_m2_per_s = 1.1e-5 * units::kMetresPerFoot * units::kMetresPerFoot;
    if (viscosity_ > 1e-3) options.kinematic_viscosity_m2_per_s = viscosity_ * kWaterViscosity_m2_per_s;
    else if (viscosity_ > 0.0) options.kinematic_viscosity_m2_per_s = viscosity_ * units_.length_m * units_.length_m;
    options.head_error_limit_m = head_error_limit_ * units_.length_m;
    options.flow_change_limit_m3_per_s = flow_change_limit_ * units_.flow_m3_per_s;
  }

  void ParseTimes() {
    Times& times = network_.times;
    for (const InpLine& line : Section("TIMES")) {
      Need(line, 2, "a time option and its value");
      const std::string key = Upper(line.tokens[0]);
      const std::string second = Upper(line.tokens[1]);
      if (key == "DURATION") {
        times.duration_s = Time_s(line, 1);
      } else if (key == "STATISTIC") {
        kept_times_.push_back({line.number, line.text});
      } else if (key == "START") {
        Need(line, 3, "START CLOCKTIME time");
        times.start_clock_time_s = Time_s(line, 2);
      } else {
        Need(line, 3, "a time option and its value");
        const double value_s = Time_s(line, 2);
        if (key == "HYDRAULIC") times.hydraulic_step_s = value_s;
        else if (key == "PATTERN" && second == "TIMESTEP") times.pattern_step_s = value_s;
        else if (key == "PATTERN" && second == "START") times.pattern_start_s = value_s;
        else if (key == "REPORT" && second == "TIMESTEP") times.report_step_s = value_s;
        else if (key == "REPORT" && second == "START") times.report_start_s = value_s;
        else if (key == "QUALITY" || key == "RULE") kept_times_.push_back({line.number, line.text});
        else Fail(line.number, fmt::format("unknown time option '{} {}'", line.tokens[0], line.tokens[1]));
      }
    }
  }

  void ParsePatterns() {
    std::vector<std::vector<double>> multipliers;
    std::vector<std::string> ids;
    for (const InpLine& line : Section("PATTERNS")) {
      const std::string key = Upper(line.tokens[0]);
      auto it = pattern_index_.find(key);
      if (it == pattern_index_.end()) {
        it = pattern_index_.emplace(key, static_cast<int>(ids.size())).first;
        ids.push_back(line.tokens[0]);
        multipliers.emplace_back();
      }
      for (size_t k = 1; k < line.tokens.size(); ++k) multipliers[it->second].push_back(Number(line, k, "multiplier"));
    }
    const double step_s = network_.times.pattern_step_s;
    if (!(step_s > 0.0)) Fail(0, "PATTERN TIMESTEP must be positive");
    for (size_t p = 0; p < ids.size(); ++p) {
      if (multipliers[p].empty()) multipliers[p].push_back(1.0);
      // EPANET: period index = (t + pattern start) / step, wrapping
      network_.patterns.push_back(
          TimeSeries::Pattern(ids[p], step_s, std::move(multipliers[p]), -network_.times.pattern_start_s));
    }
  }

  void ParseCurves() {
    for (const InpLine& line : Section("CURVES")) {
      Need(line, 3, "ID X Y");
      const std::string key = Upper(line.tokens[0]);
      auto it = curve_index_.find(key);
      if (it == curve_index_.end()) {
        it = curve_index_.emplace(key, static_cast<int>(network_.curves.size())).first;
        network_.curves.push_back({line.tokens[0], CurveUse::kUnused, {}, {}});
      }
      Curve& curve = network_.curves[it->second];
      const double x = Number(line, 1, "X"), y = Number(line, 2, "Y");
      if (!curve.x.empty() && !(x > curve.x.back())) {
        Fail(line.number, fmt::format("curve '{}': X values must increase", line.tokens[0]));
      }
      curve.x.push_back(x);
      curve.y.push_back(y);
    }
  }

  NodeIndex AddNodeRecord(const InpLine& line, Node node) {
    const std::string& id = line.tokens[0];
    if (node_index_.contains(id)) Fail(line.number, fmt::format("duplicate node id '{}'", id));
    const auto index = static_cast<NodeIndex>(network_.nodes.size());
    node_index_.emplace(id, index);
    node_ids_.push_back(id);
    network_.nodes.push_back(std::move(node));
    return index;
  }

  void ParseJunctions() {
    for (const InpLine& line : Section("JUNCTIONS")) {
      Need(line, 2, "ID ELEVATION [DEMAND [PATTERN]]");
      Node node;
      node.kind = NodeKind::kJunction;
      node.elevation_m = Number(line, 1, "elevation") * units_.length_m;
      if (line.tokens.size() > 2) {
        node.demands.push_back({Number(line, 2, "demand") * units_.flow_m3_per_s, Pattern(line, 3), ""});
      }
      AddNodeRecord(line, std::move(node));
    }
  }

  void ParseReservoirs() {
    for (const InpLine& line : Section("RESERVOIRS")) {
      Need(line, 2, "ID HEAD [PATTERN]");
      Node node;
      node.kind = NodeKind::kReservoir;
      node.elevation_m = Number(line, 1, "head") * units_.length_m;
      node.head_pattern = Pattern(line, 2);
      AddNodeRecord(line, std::move(node));
    }
  }

  void ParseTanks() {
    for (const InpLine& line : Section("TANKS")) {
      Need(line, 7, "ID ELEVATION INITLEVEL MINLEVEL MAXLEVEL DIAMETER MINVOL [VOLCURVE [OVERFLOW]]");
      Node node;
      node.kind = NodeKind::kTank;
      node.elevation_m = Number(line, 1, "elevation") * units_.length_m;
      node.initial_level_m = Number(line, 2, "initial level") * units_.length_m;
      node.min_level_m = Number(line, 3, "minimum level") * units_.length_m;
      node.max_level_m = Number(line, 4, "maximum level") * units_.length_m;
      node.diameter_m = Number(line, 5, "diameter") * units_.length_m;
      node.min_volume_m3 = Number(line, 6, "minimum volume") * units_.volume_m3;
      if (line.tokens.size() > 7 && line.tokens[7] != "*") {
        node.volume_curve = CurveFor(line, line.tokens[7], CurveUse::kVolume);
      }
      if (line.tokens.size() > 8) node.can_overflow = Upper(line.tokens[8]) == "YES";
      if (node.initial_level_m < node.min_level_m || node.initial_level_m > node.max_level_m) {
        Fail(line.number, fmt::format("tank '{}': initial level outside [min, max]", line.tokens[0]));
      }
      AddNodeRecord(line, std::move(node));
    }
  }

  void ParseCoordinates() {
    positions_.assign(network_.nodes.size(), Point3{});
    for (const InpLine& line : Section("COORDINATES")) {
      Need(line, 3, "NODE X Y");
      const NodeIndex node = NodeOf(line, 0);
      positions_[node].x_m = Number(line, 1, "X");
      positions_[node].y_m = Number(line, 2, "Y");
    }
  }

  void BuildNodes() {
    static const char* kKindName[] = {"junction", "reservoir", "tank"};
    for (size_t n = 0; n < network_.nodes.size(); ++n) {
      Point3 position = positions_[n];
      position.z_m = network_.nodes[n].elevation_m;
      builder_.AddNode({node_ids_[n], kKindName[static_cast<int>(network_.nodes[n].kind)], position});
    }
  }

  LinkIndex AddLinkRecord(const InpLine& line, Link link, const char* kind, double length_m) {
    const std::string& id = line.tokens[0];
    if (link_index_.contains(id)) Fail(line.number, fmt::format("duplicate link id '{}'", id));
    const NodeIndex from = NodeOf(line, 1), to = NodeOf(line, 2);
    if (from == to) Fail(line.number, fmt::format("link '{}' starts and ends at node '{}'", id, line.tokens[1]));
    const auto index = static_cast<LinkIndex>(network_.links.size());
    link_index_.emplace(id, index);
    builder_.AddLink({id, kind, length_m, false}, line.tokens[1], line.tokens[2]);
    network_.links.push_back(std::move(link));
    return index;
  }

  void ParsePipes() {
    for (const InpLine& line : Section("PIPES")) {
      Need(line, 6, "ID NODE1 NODE2 LENGTH DIAMETER ROUGHNESS [MINORLOSS [STATUS]]");
      Link link;
      const double length_m = Number(line, 3, "length") * units_.length_m;
      link.diameter_m = Number(line, 4, "diameter") * units_.diameter_m;
      link.roughness = Number(line, 5, "roughness");
      if (network_.options.headloss == HeadlossFormula::kDarcyWeisbach) link.roughness *= units_.dw_roughness_m;
      size_t status_field = 6;
      if (line.tokens.size() > 6 && IsNumber(line.tokens[6])) {
        link.minor_loss_coefficient = Number(line, 6, "minor loss");
        status_field = 7;
      }
      if (line.tokens.size() > status_field) {
        const std::string status = Upper(line.tokens[status_field]);
        if (status == "CV") link.kind = LinkKind::kCheckValvePipe;
        else if (status == "CLOSED") link.initial_status = InitialStatus::kClosed;
        else if (status != "OPEN") Fail(line.number, fmt::format("pipe status '{}' is not OPEN, CLOSED or CV", status));
      }
      if (!(length_m > 0.0) || !(link.diameter_m > 0.0) || !(link.roughness > 0.0) || link.minor_loss_coefficient < 0.0) {
        Fail(line.number, fmt::format("pipe '{}': length, diameter and roughness must be positive", line.tokens[0]));
      }
      AddLinkRecord(line, std::move(link), "pipe", length_m);
    }
  }

  void ParsePumps() {
    for (const InpLine& line : Section("PUMPS")) {
      Need(line, 5, "ID NODE1 NODE2 KEYWORD VALUE ...");
      Link link;
      link.kind = LinkKind::kPump;
      for (size_t k = 3; k + 1 < line.tokens.size(); k += 2) {
        const std::string key = Upper(line.tokens[k]);
        if (key == "HEAD") link.head_curve = CurveFor(line, line.tokens[k + 1], CurveUse::kPumpHead);
        else if (key == "POWER") link.power_w = Number(line, k + 1, "power") * units_.power_w;
        else if (key == "SPEED") link.initial_speed = Number(line, k + 1, "speed");
        else if (key == "PATTERN") link.speed_pattern = Pattern(line, k + 1);
        else Fail(line.number, fmt::format("unknown pump keyword '{}'", line.tokens[k]));
      }
      if ((line.tokens.size() - 3) % 2 != 0) Fail(line.number, "pump keyword without a value");
      if (link.head_curve < 0 && !(link.power_w > 0.0)) {
        Fail(line.number, fmt::format("pump '{}' has neither a HEAD curve nor a POWER", line.tokens[0]));
      }
      if (link.initial_speed < 0.0) Fail(line.number, "pump speed must not be negative");
      if (link.initial_speed == 0.0) link.initial_status = InitialStatus::kClosed;
      AddLinkRecord(line, std::move(link), "pump", 0.0);
    }
  }

  // A valve setting of the given kind from a token, in SI.
  double ValveSetting(const InpLine& line, size_t index, LinkKind kind) {
    switch (kind) {
      case LinkKind::kPrv:
      case LinkKind::kPsv:
      case LinkKind::kPbv: return Number(line, index, "setting") * units_.pressure_head_m;
      case LinkKind::kFcv: return Number(line, index, "setting") * units_.flow_m3_per_s;
      case LinkKind::kGpv: return CurveFor(line, line.tokens[index], CurveUse::kHeadLoss);
      default: return Number(line, index, "setting");
    }
  }

  void ParseValves() {
    static const std::map<std::string, LinkKind> kValveKind = {
        {"PRV", LinkKind::kPrv}, {"PSV", LinkKind::kPsv}, {"PBV", LinkKind::kPbv},
        {"FCV", LinkKind::kFcv}, {"TCV", LinkKind::kTcv}, {"GPV", LinkKind::kGpv}};
    for (const InpLine& line : Section("VALVES")) {
      Need(line, 6, "ID NODE1 NODE2 DIAMETER TYPE SETTING [MINORLOSS]");
      Link link;
      const auto kind = kValveKind.find(Upper(line.tokens[4]));
      if (kind == kValveKind.end()) Fail(line.number, fmt::format("unknown or unsupported valve type '{}'", line.tokens[4]));
      link.kind = kind->second;
      link.diameter_m = Number(line, 3, "diameter") * units_.diameter_m;
      link.valve_setting = ValveSetting(line, 5, link.kind);
      link.initial_status = InitialStatus::kActive;
      if (line.tokens.size() > 6) link.minor_loss_coefficient = Number(line, 6, "minor loss");
      if (!(link.diameter_m > 0.0)) Fail(line.number, "valve diameter must be positive");
      AddLinkRecord(line, std::move(link), "valve", 0.0);
    }
  }

  void ParseDemands() {
    std::vector<bool> replaced(network_.nodes.size(), false);
    for (const InpLine& line : Section("DEMANDS")) {
      Need(line, 2, "JUNCTION DEMAND [PATTERN [CATEGORY]]");
      const NodeIndex n = NodeOf(line, 0);
      Node& node = network_.nodes[n];
      if (node.kind != NodeKind::kJunction) Fail(line.number, fmt::format("'{}' is not a junction", line.tokens[0]));
      // the first [DEMANDS] line of a junction replaces its [JUNCTIONS] demand
      if (!replaced[n]) node.demands.clear();
      replaced[n] = true;
      std::string category;
      const size_t comment = line.text.find(';');
      if (comment != std::string::npos) category = line.text.substr(comment + 1);
      node.demands.push_back({Number(line, 1, "demand") * units_.flow_m3_per_s, Pattern(line, 2), category});
    }
  }

  void ParseStatus() {
    for (const InpLine& line : Section("STATUS")) {
      Need(line, 2, "LINK STATUS|SETTING");
      Link& link = network_.links[LinkOf(line, 0)];
      const std::string word = Upper(line.tokens[1]);
      const bool is_valve = link.kind != LinkKind::kPipe && link.kind != LinkKind::kCheckValvePipe &&
                            link.kind != LinkKind::kPump;
      if (word == "OPEN" || word == "CLOSED") {
        const InitialStatus status = word == "OPEN" ? InitialStatus::kOpen : InitialStatus::kClosed;
        if (link.kind == LinkKind::kCheckValvePipe) Fail(line.number, "a check valve pipe cannot be given a status");
        link.initial_status = status;
        if (link.kind == LinkKind::kPump && status == InitialStatus::kOpen) link.initial_speed = 1.0;
        if (is_valve && link.kind != LinkKind::kGpv) link.valve_setting.reset();
      } else if (word == "ACTIVE") {
        if (!is_valve) Fail(line.number, "only valves can be ACTIVE");
      } else if (link.kind == LinkKind::kPump) {
        link.initial_speed = Number(line, 1, "pump speed");
        link.initial_status = link.initial_speed == 0.0 ? InitialStatus::kClosed : InitialStatus::kOpen;
      } else if (is_valve && link.kind != LinkKind::kGpv) {
        link.valve_setting = ValveSetting(line, 1, link.kind);
        link.initial_status = InitialStatus::kActive;
      } else {
        Fail(line.number, fmt::format("'{}' cannot be given a setting", line.tokens[0]));
      }
    }
  }

  void ParseEmitters() {
    const double exponent = network_.options.emitter_exponent;
    for (const InpLine& line : Section("EMITTERS")) {
      Need(line, 2, "JUNCTION COEFFICIENT");
      Node& node = network_.nodes[NodeOf(line, 0)];
      if (node.kind != NodeKind::kJunction) Fail(line.number, "emitters belong to junctions");
      // Q = C p^exponent in file units -> m3/s per m^exponent
      node.emitter_coefficient = Number(line, 1, "emitter coefficient") * units_.flow_m3_per_s /
                                 std::pow(units_.pressure_head_m, exponent);
    }
  }

  void ParseControls() {
    for (const InpLine& line : Section("CONTROLS")) {
      Need(line, 6, "LINK id status IF NODE id ABOVE|BELOW value, or LINK id status AT TIME|CLOCKTIME t");
      if (Upper(line.tokens[0]) != "LINK") Fail(line.number, "a control starts with LINK");
      Control control;
      control.line = line.number;
      control.link = LinkOf(line, 1);
      const Link& link = network_.links[control.link];
      const std::string word = Upper(line.tokens[2]);
      if (word == "OPEN" || word == "CLOSED") {
        control.status = word == "OPEN" ? InitialStatus::kOpen : InitialStatus::kClosed;
        if (link.kind == LinkKind::kPump) control.setting = word == "OPEN" ? 1.0 : 0.0;
        if (link.kind == LinkKind::kGpv) control.setting = link.valve_setting;
      } else if (link.kind == LinkKind::kGpv) {
        Fail(line.number, "a GPV control must be OPEN or CLOSED");
      } else if (link.kind == LinkKind::kPump || link.kind == LinkKind::kPipe ||
                 link.kind == LinkKind::kCheckValvePipe) {
        const double setting = Number(line, 2, "setting");
        if (setting < 0.0) Fail(line.number, "a control setting must not be negative");
        control.setting = setting;
        control.status = setting == 0.0 ? InitialStatus::kClosed : InitialStatus::kOpen;
      } else {
        control.setting = ValveSetting(line, 2, link.kind);
        control.status = InitialStatus::kActive;
      }
      const std::string when = Upper(line.tokens[3]);
      const std::string what = Upper(line.tokens[4]);
      if (when == "IF" && what == "NODE") {
        Need(line, 8, "LINK id status IF NODE id ABOVE|BELOW value");
        control.node = NodeOf(line, 5);
        const std::string sense = Upper(line.tokens[6]);
        if (sense == "BELOW") control.condition = Control::Condition::kNodeBelow;
        else if (sense == "ABOVE") control.condition = Control::Condition::kNodeAbove;
        else Fail(line.number, fmt::format("expected ABOVE or BELOW, found '{}'", line.tokens[6]));
        const Node& node = network_.nodes[control.node];
        const double value = Number(line, 7, "control level");
        // junctions compare pressure, tanks and reservoirs their level
        control.threshold_head_m = node.elevation_m + value * (node.kind == NodeKind::kJunction
                                                                   ? units_.pressure_head_m
                                                                   : units_.length_m);
      } else if (when == "AT" && what == "TIME") {
        control.condition = Control::Condition::kAtTime;
        control.time_s = Time_s(line, 5);
      } else if (when == "AT" && what == "CLOCKTIME") {
        control.condition = Control::Condition::kAtClockTime;
        control.time_s = std::fmod(Time_s(line, 5), units::kSecondsPerDay);
      } else {
        Fail(line.number, fmt::format("expected IF NODE, AT TIME or AT CLOCKTIME, found '{} {}'", line.tokens[3],
                                      line.tokens[4]));
      }
      network_.controls.push_back(control);
    }
  }

  void KeepSections() {
    for (const std::string& name : kKeptSections) {
      std::vector<KeptLine> kept;
      for (const InpLine& line : Section(name)) kept.push_back({line.number, line.text});
      if (!kept.empty()) network_.kept_sections.emplace_back(name, std::move(kept));
    }
    if (!kept_options_.empty()) network_.kept_sections.emplace_back("OPTIONS", kept_options_);
    if (!kept_times_.empty()) network_.kept_sections.emplace_back("TIMES", kept_times_);
  }

  // EPANET: demands without a pattern follow the PATTERN option, or pattern "1";
  // when that pattern does not exist they stay constant (EPANET accepts this quietly).
  void ResolveDefaultPattern() {
    const auto it = pattern_index_.find(Upper(default_pattern_id_));
    if (it != pattern_index_.end()) network_.options.default_pattern = it->second;
  }

  std::string source_;
  std::map<std::string, std::vector<InpLine>> sections_;
  WaterNetwork network_;
  InpUnits units_;
  NetworkGraphBuilder builder_{kSystem};
  std::unordered_map<std::string, int> pattern_index_, curve_index_;  // by upper-case id
  std::unordered_map<std::string, NodeIndex> node_index_;
  std::unordered_map<std::string, LinkIndex> link_index_;
  std::vector<std::string> node_ids_;
  std::vector<Point3> positions_;
  std::vector<KeptLine> kept_options_, kept_times_;
  std::string default_pattern_id_ = "1";
  double viscosity_ = 0.0;
  double head_error_limit_ = 0.0, flow_change_limit_ = 0.0;
};

}  // namespace

WaterNetwork ReadInpText(const std::string& text, const std::string& source_name) {
  return InpParser(text, source_name).Parse();
}

WaterNetwork ReadInpFile(const std::string& path) {
  return ReadInpText(ReadTextFile(path), path);
}

}  // namespace lifeline::water
