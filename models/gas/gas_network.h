// A gas network: the const description the steady solver works on.
//
// Junctions (nodes) are joined by pipes, valves, pumps, pressure regulators
// and compressors (links, oriented from -> to, the sign convention of their
// mass flow). A regulator holds its outlet at a set-point while its inlet
// pressure allows (below its lock-out inlet pressure it shuts, gas_steady.h);
// a compressor holds a fixed ratio of outlet to inlet pressure. External grids
// hold a junction at a fixed pressure; sinks and sources take gas out or put
// it in at a fixed mass flow; a leak orifice takes gas out at a rate set by
// the junction pressure (gas_leak.h).
//
// Pressures are absolute inside the model. A junction's gauge pressure is
// relative to the ambient pressure at its height (the convention of
// pandapipes and STANET):
//   p_amb(h) = 101325 Pa * (1 - 0.0065 h / 288.15)^5.255
//
// The gas is isothermal at the junction temperatures, with normal density
// rho_n (at T_n = 273.15 K, p_n = 101325 Pa), dynamic viscosity eta and a
// compressibility factor linear in absolute pressure:
//   Z(p) = z_offset + z_slope_per_Pa * p,   rho(p, T) = rho_n (p / p_n) (T_n / T) / Z(p)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/network_graph.h"
#include "engine/pipe_friction.h"

namespace lifeline::gas {

inline constexpr const char* kSystem = "gas";
inline constexpr double kNormalPressure_Pa = 101325.0;
inline constexpr double kNormalTemperature_K = 273.15;

// Ambient (atmospheric) pressure at a height above sea level, Pa.
double AmbientPressure_Pa(double height_m);

// The gas: normal density, viscosity and a compressibility factor linear in pressure.
struct GasFluid {
  double normal_density_kg_per_m3 = 0.84;  // rho_n at 273.15 K and 101325 Pa
  double viscosity_Pa_s = 1.193e-5;        // dynamic viscosity eta
  double z_offset = 1.0;                   // Z at zero absolute pressure
  double z_slope_per_Pa = 0.0;             // dZ/dp, 1/Pa (STANET: -0.0022 per bar)

  double Compressibility(double pressure_Pa) const { return z_offset + z_slope_per_Pa * pressure_Pa; }
  // Density at absolute pressure p and temperature T, kg/m3.
  double Density_kg_per_m3(double pressure_Pa, double temperature_K) const;
  // Specific gas constant R = p_n / (rho_n T_n), J/(kg K).
  double GasConstant_J_per_kg_K() const;
};

// A hole in a junction that lets gas escape to the ambient (gas_leak.h).
struct LeakOrifice {
  double hole_diameter_m = 0.0;       // equivalent circular hole
  double discharge_coefficient = 1.0; // Cd (0.6 sharp edge ... 1.0 conservative)
  double heat_capacity_ratio = 1.31;  // k = cp/cv of the gas
};

struct Junction {
  double height_m = 0.0;                 // above sea level
  double temperature_K = 283.15;         // gas temperature (isothermal flow)
  double sink_kg_per_s = 0.0;            // net fixed withdrawal (sinks minus sources)
  std::optional<double> fixed_pressure_Pa;  // absolute; set by an external grid
  std::optional<LeakOrifice> leak;       // a hole venting to the ambient
  std::optional<double> reference_gauge_pressure_Pa;  // a reference result (STANET), if given
};

enum class LinkKind { kPipe, kValve, kPump, kRegulator, kCompressor };

// Pressure lift of a pump: dp = sum c_i Q^(n-1-i), Q the inlet volume flow.
struct PumpCurve {
  std::vector<double> coefficients_bar_per_m3_per_h;  // highest order first: dp [bar] vs Q [m3/h]
};

struct Link {
  LinkKind kind = LinkKind::kPipe;
  double diameter_m = 0.0;          // inner diameter (pipes, valves)
  double roughness_m = 0.0;         // pipes: equivalent sand roughness k
  double loss_coefficient = 0.0;    // zeta, minor losses (pipes, open valves)
  std::optional<double> friction_factor;  // pipes: a Darcy lambda fixed by the input, else from GasNetwork::friction
  bool open = true;                 // valves: closed means no flow; regulators, compressors: false once shut (reverse flow)
  PumpCurve pump;                   // pumps only
  double outlet_set_pressure_Pa = 0.0;      // regulators: absolute outlet pressure held
  double lockout_inlet_pressure_Pa = 0.0;   // regulators: absolute inlet pressure below which it locks out
  double compression_ratio = 1.0;           // compressors: p_out / p_in (absolute), 1 = bypass
  std::optional<double> reference_velocity_m_per_s;  // a reference result (STANET), if given

  double Area_m2() const;
};

struct GasNetwork {
  std::string title;
  NetworkGraph graph;              // junctions and links by external id (system "gas")
  std::vector<Junction> junctions; // by NodeIndex
  std::vector<Link> links;         // by LinkIndex
  GasFluid fluid;
  FrictionModel friction = FrictionModel::kNikuradse;
};

// The network with one pipe split at a point along it: the pipe becomes
// "<id>/a" (from -> new junction) and "<id>/b" (new junction -> to), lengths
// in proportion; the new junction "<junction_id>" lies on the straight line
// between the ends, with height and temperature interpolated.
GasNetwork SplitPipe(const GasNetwork& network, LinkIndex pipe, double offset_from_start_m,
                     const std::string& junction_id);

}  // namespace lifeline::gas
