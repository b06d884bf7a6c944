// A gravity tank network: the engine's end-to-end example.
//
// Reservoirs (fixed head), tanks (head = elevation + level, level changing
// with net inflow) and junctions (demand following a pattern) joined by pipes
// with Darcy-Weisbach friction. It is the main job's network until the full
// water model (models/water) lands, and the smallest model that exercises
// the graph, KINSOL, IDA, patterns, events and the results store together.
//
// This file is the const description; equations are in tank_network_equations.h.
#pragma once

#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "engine/time_series.h"

namespace lifeline::tank_network {

inline constexpr const char* kSystem = "tank_network";

enum class NodeKind { kReservoir, kTank, kJunction };

struct Node {
  NodeKind kind = NodeKind::kJunction;
  double elevation_m = 0.0;          // ground (junction) or bottom (tank) elevation
  double fixed_head_m = 0.0;         // reservoir only: water surface elevation
  double area_m2 = 0.0;              // tank only: plan area (cylindrical)
  double initial_level_m = 0.0;      // tank only: water depth at t = 0
  double max_level_m = 0.0;          // tank only: overflow depth
  double base_demand_m3_per_s = 0.0; // junction only: demand before the pattern multiplier
  int pattern = -1;                  // junction only: index into TankNetwork::patterns, -1 = constant
};

struct Pipe {
  double diameter_m = 0.0;
  double friction_factor = 0.0;      // Darcy-Weisbach f, dimensionless
  // Head loss coefficient r in h_f = r Q|Q|: r = 8 f L / (g pi^2 D^5), s^2/m^5.
  double resistance_s2_per_m5 = 0.0;
};

struct TankNetwork {
  std::string title;
  NetworkGraph graph;             // nodes and pipes by external id
  std::vector<Node> nodes;        // by NodeIndex
  std::vector<Pipe> pipes;        // by LinkIndex
  std::vector<TimeSeries> patterns;
  double duration_s = 86400.0;
  double report_step_s = 900.0;

  // Demand of junction n at time t (m3/s).
  double DemandAt(NodeIndex n, double time_s) const;
};

}  // namespace lifeline::tank_network
