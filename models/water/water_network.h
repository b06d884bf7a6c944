// WaterNetwork: the const description of a water supply network, in SI.
//
// Read from an EPANET .inp file (inp_reader.h) and converted to SI at import:
// lengths and heads in m, diameters in m, flows in m3/s, power in W, times in s.
// The graph (system "water") holds ids, kinds, positions and orientation; the
// model data sit in arrays indexed by the graph's NodeIndex / LinkIndex:
//   nodes[n]  junction demands and elevation, reservoir head, tank geometry
//   links[l]  pipe diameter/roughness/minor loss, pump curve, valve setting
// Sections the hydraulic solver does not use yet (quality, energy, rules,
// report, tags, labels, backdrop) are kept as read, so that nothing in the
// file is silently dropped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "engine/time_series.h"

namespace lifeline::water {

inline constexpr const char* kSystem = "water";

enum class NodeKind { kJunction, kReservoir, kTank };

// Pipe friction law of the whole network (EPANET's HEADLOSS option).
enum class HeadlossFormula { kHazenWilliams, kDarcyWeisbach, kChezyManning };

enum class LinkKind {
  kPipe,
  kCheckValvePipe,  // a pipe that only passes flow from -> to (status CV)
  kPump,
  kPrv,  // pressure reducing valve: holds the downstream pressure
  kPsv,  // pressure sustaining valve: holds the upstream pressure
  kPbv,  // pressure breaker valve: a fixed head drop
  kFcv,  // flow control valve: caps the flow
  kTcv,  // throttle control valve: a minor loss coefficient
  kGpv,  // general purpose valve: a head loss curve
};

// Initial status of a link from [PIPES], [PUMPS], [VALVES] and [STATUS].
enum class InitialStatus {
  kOpen,    // open (pipes, pumps), or a valve fixed fully open
  kClosed,  // closed
  kActive,  // a valve regulating to its setting
};

// A demand of a junction: base flow times a pattern multiplier.
struct Demand {
  double base_m3_per_s = 0.0;
  int pattern = -1;  // index into WaterNetwork::patterns, -1 = the default pattern (if any)
  std::string category;
};

struct Node {
  NodeKind kind = NodeKind::kJunction;
  double elevation_m = 0.0;  // junction ground, tank bottom, or reservoir total head
  // junction
  std::vector<Demand> demands;
  double emitter_coefficient = 0.0;  // m3/s per m^exponent of pressure head; 0 = none
  // reservoir
  int head_pattern = -1;  // multiplies elevation_m; -1 = constant head
  // tank (levels above elevation_m)
  double initial_level_m = 0.0;
  double min_level_m = 0.0;
  double max_level_m = 0.0;
  double diameter_m = 0.0;
  double min_volume_m3 = 0.0;
  int volume_curve = -1;  // index into WaterNetwork::curves, -1 = cylinder
  bool can_overflow = false;
};

struct Link {
  LinkKind kind = LinkKind::kPipe;
  InitialStatus initial_status = InitialStatus::kOpen;
  // pipes and valves
  double diameter_m = 0.0;
  double roughness = 0.0;           // H-W C (-), D-W absolute roughness (m), or Manning n (s/m^(1/3))
  double minor_loss_coefficient = 0.0;  // K in h = K v^2 / 2g (-)
  // pumps
  int head_curve = -1;            // index into WaterNetwork::curves; -1 for a constant-power pump
  double power_w = 0.0;           // constant-power pump: shaft power (W)
  double initial_speed = 1.0;     // relative speed; 0 closes the pump
  int speed_pattern = -1;         // relative speed pattern, -1 = none
  // valves: setting in SI as the valve type reads it -
  //   PRV/PSV/PBV pressure head (m), FCV flow (m3/s), TCV loss coefficient (-),
  //   GPV index into WaterNetwork::curves (head loss curve).
  // A valve fixed OPEN or CLOSED by [STATUS] has no setting.
  std::optional<double> valve_setting;
};

// What a curve is used for, which fixes the units its points were converted to.
enum class CurveUse {
  kUnused,      // referenced by nothing: points left in the file's units
  kPumpHead,    // x flow (m3/s), y head gain (m)
  kVolume,      // x level (m), y volume (m3)
  kHeadLoss,    // GPV: x flow (m3/s), y head loss (m)
};

struct Curve {
  std::string id;
  CurveUse use = CurveUse::kUnused;
  std::vector<double> x;
  std::vector<double> y;
};

// A simple control from [CONTROLS], with its threshold and setting in SI.
struct Control {
  enum class Condition { kNodeBelow, kNodeAbove, kAtTime, kAtClockTime };
  LinkIndex link = -1;
  InitialStatus status = InitialStatus::kActive;  // kActive when a setting is given
  std::optional<double> setting;  // pump speed, or valve setting in SI as Link::valve_setting
  Condition condition = Condition::kAtTime;
  NodeIndex node = -1;            // for kNodeBelow / kNodeAbove
  double threshold_head_m = 0.0;  // node condition as a total head (elevation + level or pressure)
  double time_s = 0.0;            // elapsed time (kAtTime) or time of day (kAtClockTime)
  int line = 0;                   // line in the input file
};

struct Options {
  HeadlossFormula headloss = HeadlossFormula::kHazenWilliams;
  std::string flow_units = "GPM";  // as in the file; everything here is SI
  double specific_gravity = 1.0;
  double kinematic_viscosity_m2_per_s = 1.1e-5 * 0.3048 * 0.3048;  // EPANET default 1.1e-5 ft2/s
  int max_trials = 200;
  double accuracy = 0.001;  // relative flow change sum |dQ| / sum |Q| at convergence
  int check_frequency = 2;
  int max_check = 10;
  double damp_limit = 0.0;
  int extra_trials = -1;  // UNBALANCED: -1 stop, >= 0 continue with that many extra trials
  double head_error_limit_m = 0.0;        // 0 = not used
  double flow_change_limit_m3_per_s = 0.0;  // 0 = not used
  int default_pattern = -1;  // index into patterns: the demand pattern of demands without one
  double demand_multiplier = 1.0;
  double emitter_exponent = 0.5;
  std::string demand_model = "DDA";
};

struct Times {
  double duration_s = 0.0;
  double hydraulic_step_s = 3600.0;
  double pattern_step_s = 3600.0;
  double pattern_start_s = 0.0;
  double report_step_s = 3600.0;
  double report_start_s = 0.0;
  double start_clock_time_s = 0.0;
};

// One line of a section kept as text ([RULES], [ENERGY], [QUALITY], ...).
struct KeptLine {
  int line = 0;
  std::string text;
};

struct WaterNetwork {
  std::string source;  // the file as the user named it
  std::string title;
  NetworkGraph graph;        // system "water"
  std::vector<Node> nodes;   // by NodeIndex
  std::vector<Link> links;   // by LinkIndex
  std::vector<TimeSeries> patterns;  // step patterns, period = multipliers x pattern step
  std::vector<Curve> curves;
  std::vector<Control> controls;
  Options options;
  Times times;
  // Sections read and kept for later issues, by section name ("RULES", "ENERGY", ...).
  std::vector<std::pair<std::string, std::vector<KeptLine>>> kept_sections;

  // Demand of junction n at time t (m3/s): sum of base x pattern x demand multiplier.
  double JunctionDemandAt_m3_per_s(NodeIndex n, double time_s) const;
  // Head of reservoir n at time t (m).
  double ReservoirHeadAt_m(NodeIndex n, double time_s) const;
};

}  // namespace lifeline::water
