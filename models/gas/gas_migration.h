// Gas from a buried leak migrating into adjacent underground spaces (sewer
// manholes, cable wells, utility-tunnel compartments).
//
// Each space is one well-mixed volume V with ventilation (air changes per hour):
//   V dC/dt = Q_in (1 - C) - Q_vent C,   Q_vent = ACH V / 3600
// C the gas volume fraction, Q_in the gas volume flow reaching the space (m3/s).
// With Q_in constant over a step of length t the exact solution is
//   C(t) = C_ss + (C(0) - C_ss) exp(-(Q_in + Q_vent) t / V),   C_ss = Q_in / (Q_in + Q_vent)
// and the time for C to rise from C(0) to a level C* < C_ss is
//   t* = V / (Q_in + Q_vent) ln((C_ss - C(0)) / (C_ss - C*)).
// %LEL = 100 C / LEL, LEL(CH4) = 0.05 (5 % by volume): 20 %LEL = 1 % vol.
//
// Share of the leak reaching each space (an assumption, documented in
// docs/models/gas.md): gas spreading through the soil decays with the distance d
// from the leak to the space as f = exp(-d / l_decay); when the shares of all
// spaces add up to more than 1 they are scaled down to add up to 1 (no more gas
// arrives than leaks). The leaked mass flow becomes a volume flow at the ambient
// pressure and ground temperature: Q = m R T / (p_amb Z), Z = 1.
#pragma once

#include <string>
#include <vector>

namespace lifeline::gas {

inline constexpr double kMethaneLowerExplosiveLimit = 0.05;  // volume fraction

struct UndergroundSpace {
  std::string id;                    // manhole, cable well or tunnel compartment id
  double volume_m3 = 0.0;            // free gas volume V
  double air_changes_per_h = 0.0;    // ventilation ACH (0 = closed)
  double distance_to_leak_m = 0.0;   // through the soil from the leak
};

struct MigrationAssumptions {
  double decay_length_m = 5.0;          // l_decay of the share f = exp(-d / l_decay) (verify)
  double lower_explosive_limit = kMethaneLowerExplosiveLimit;  // volume fraction
};

// Ventilation volume flow Q_vent = ACH V / 3600, m3/s.
double VentilationFlow_m3_per_s(const UndergroundSpace& space);

// Steady gas fraction C_ss = Q_in / (Q_in + Q_vent); 0 when both flows are 0.
double SteadyGasFraction(const UndergroundSpace& space, double inflow_m3_per_s);

// C after time_s with a constant inflow, starting from initial_fraction.
double GasFractionAfter(const UndergroundSpace& space, double inflow_m3_per_s, double initial_fraction,
                        double time_s);

// Time for C to reach target_fraction from initial_fraction with a constant inflow;
// +infinity when the steady fraction stays at or below the target.
double TimeToReachFraction_s(const UndergroundSpace& space, double inflow_m3_per_s, double initial_fraction,
                             double target_fraction);

// Share of the leak reaching each space (same order as spaces).
std::vector<double> LeakShares(const std::vector<UndergroundSpace>& spaces, const MigrationAssumptions& assumptions);

// Volume flow at ambient conditions of a leaked mass flow: m R T / p_amb, m3/s.
double LeakVolumeFlow_m3_per_s(double mass_flow_kg_per_s, double gas_constant_J_per_kg_K, double temperature_K,
                               double ambient_pressure_Pa);

// %LEL in each space at each output time for a leak volume flow constant
// between the times of leak_volume_flow (piecewise constant, leak_times_s
// ascending from 0); spaces start free of gas.
struct MigrationHistory {
  std::vector<double> time_s;                       // output times
  std::vector<std::vector<double>> percent_lel;     // [space][time]
};
MigrationHistory SimulateMigration(const std::vector<UndergroundSpace>& spaces, const MigrationAssumptions& assumptions,
                                   const std::vector<double>& leak_times_s,
                                   const std::vector<double>& leak_volume_flow_m3_per_s,
                                   const std::vector<double>& output_times_s);

}  // namespace lifeline::gas
