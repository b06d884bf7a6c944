// A district-heating network: the const description the heating model reads.
//
// Water (incompressible, constant properties) flows through pipes and heat
// exchangers between junctions. Ext grids (the plant's pressure-holding feed)
// fix a junction's pressure and the temperature of what they feed; sinks and
// sources draw or inject a fixed mass flow; a circulation pump with fixed mass
// flow lifts water from a return junction to a flow junction whose pressure
// and temperature it fixes (the plant of a closed loop); a substation passes a
// controlled mass flow from the supply to the return side and takes its heat
// load from it (a flow-controlled heat exchanger), or, with a return
// temperature set, whatever flow returns its water at that temperature; a
// circulation pump with a fixed pressure lift holds its flow side's pressure
// and temperature and lets the network set its flow; a valve is open (with its
// loss coefficient) or shut.
//
// Pressures are static gauge pressures in Pa (as pandapipes and OpenModelica
// report them); heights in m; temperatures in K; mass flows in kg/s.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "engine/pipe_friction.h"

namespace lifeline::heating {

inline constexpr const char* kSystem = "heating";

struct Fluid {
  double density_kg_per_m3 = 998.2;
  double viscosity_Pa_s = 1.0e-3;
  double heat_capacity_J_per_kgK = 4184.0;
};

struct Junction {
  double height_m = 0.0;
  double initial_temperature_K = 293.15;
  std::optional<double> reference_pressure_Pa;  // a reference result (OpenModelica), when the file has one
};

enum class LinkKind { kPipe, kHeatExchanger, kCirculationPump, kSubstation, kPressurePump, kValve };

// A pipe, a heat exchanger or a circulation pump (by LinkIndex).
struct Link {
  LinkKind kind = LinkKind::kPipe;
  double length_m = 0.0;                    // pipe
  double diameter_m = 0.0;                  // pipe, heat exchanger (for velocity and the loss coefficient)
  double roughness_m = 0.0;                 // pipe
  double loss_coefficient = 0.0;            // zeta: minor loss zeta * rho v^2 / 2
  double heat_transfer_W_per_m2K = 0.0;     // pipe: alpha, on the pipe surface pi d per metre
  double ambient_temperature_K = 293.15;    // pipe: soil or air around it
  int sections = 1;                         // pipe: finite-volume sections for the temperature profile
  double heat_extracted_W = 0.0;            // heat exchanger, substation: heat taken from the water (> 0 cools it)
  double fixed_mass_flow_kg_per_s = 0.0;    // circulation pump, substation: the mass flow it holds, from -> to
  double return_temperature_K = 0.0;        // substation: return temperature it controls to (0: fixed mass flow)
  double pump_lift_Pa = 0.0;                // pressure pump: p_to - p_from it holds
  bool open = true;                         // valve: shut valves pass nothing
  double pump_flow_pressure_Pa = 0.0;       // circulation and pressure pumps: pressure held at the flow junction
  double pump_flow_temperature_K = 0.0;     // circulation and pressure pumps: temperature they deliver
  std::optional<double> reference_velocity_m_per_s;              // reference result, when present
  std::vector<double> reference_section_temperatures_K;          // reference result at section ends
};

struct ExtGrid {
  NodeIndex junction = -1;
  double pressure_Pa = 0.0;       // gauge
  double temperature_K = 0.0;
};

// A fixed mass flow out of (sink, > 0) or into (source, < 0) a junction.
struct Consumer {
  NodeIndex junction = -1;
  double mass_flow_kg_per_s = 0.0;
};

// A hole through which water escapes to the ground (gauge pressure 0):
//   m = Cd A sqrt(2 rho p)   for junction gauge pressure p > 0 (smoothed through p = 0)
struct Leak {
  NodeIndex junction = -1;
  double hole_area_m2 = 0.0;
  double discharge_coefficient = 0.6;
};

struct HeatingNetwork {
  std::string title;
  NetworkGraph graph;               // junctions and links by id
  std::vector<Junction> junctions;  // by NodeIndex
  std::vector<Link> links;          // by LinkIndex
  std::vector<ExtGrid> ext_grids;
  std::vector<Consumer> consumers;  // sinks (> 0) and sources (< 0)
  std::vector<Leak> leaks;          // bursts: pressure-driven outflows
  Fluid fluid;
  FrictionModel friction = FrictionModel::kColebrook;

  // True for links whose mass flow is fixed rather than solved for (a shut valve's is zero).
  static bool HasFixedFlow(const Link& link) {
    return link.kind == LinkKind::kCirculationPump || link.kind == LinkKind::kSubstation ||
           (link.kind == LinkKind::kValve && !link.open);
  }
  // True for the plant's pumps, which hold their flow junction's pressure and temperature.
  static bool HoldsFlowSide(const Link& link) {
    return link.kind == LinkKind::kCirculationPump || link.kind == LinkKind::kPressurePump;
  }

  // Net fixed withdrawal at each junction (kg/s; sinks minus sources).
  std::vector<double> FixedWithdrawal_kg_per_s() const;
};

// Outflow through a leak at gauge pressure p, and its derivative d m / d p:
//   m = Cd A sqrt(2 rho) p / (p^2 + p0^2)^(1/4), p0 = 100 Pa, which is Cd A sqrt(2 rho p)
// above a few hundred pascal and smooth (zero) at p = 0.
double LeakMassFlow_kg_per_s(const Leak& leak, double density_kg_per_m3, double gauge_pressure_Pa,
                             double* derivative = nullptr);

// The network with a pipe burst: the pipe split at fraction_from_start of its
// length by a new junction "<pipe>@burst" carrying a leak of the given hole.
// An unknown pipe or a fraction outside (0, 1) is an Error.
HeatingNetwork WithBurst(const HeatingNetwork& network, const std::string& pipe_id, double fraction_from_start,
                         double hole_diameter_m, double discharge_coefficient = 0.6);

}  // namespace lifeline::heating
