// Well-mixed underground spaces filling with leaked gas (see gas_migration.h).
#include "models/gas/gas_migration.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/error.h"
#include "models/gas/gas_network.h"

namespace lifeline::gas {
namespace {

void CheckSpace(const UndergroundSpace& space) {
  if (!(space.volume_m3 > 0.0) || space.air_changes_per_h < 0.0 || space.distance_to_leak_m < 0.0) {
    throw Error::AtElement(kSystem, space.id,
                           fmt::format("underground space needs volume > 0, ACH >= 0, distance >= 0 (got {} m3, {} /h, {} m)",
                                       space.volume_m3, space.air_changes_per_h, space.distance_to_leak_m));
  }
}

}  // namespace

double VentilationFlow_m3_per_s(const UndergroundSpace& space) {
  return space.air_changes_per_h * space.volume_m3 / 3600.0;
}

double SteadyGasFraction(const UndergroundSpace& space, double inflow_m3_per_s) {
  const double total = inflow_m3_per_s + VentilationFlow_m3_per_s(space);
  return total > 0.0 ? inflow_m3_per_s / total : 0.0;
}

double GasFractionAfter(const UndergroundSpace& space, double inflow_m3_per_s, double initial_fraction, double time_s) {
  CheckSpace(space);
  const double rate_per_s = (inflow_m3_per_s + VentilationFlow_m3_per_s(space)) / space.volume_m3;
  const double steady = SteadyGasFraction(space, inflow_m3_per_s);
  return steady + (initial_fraction - steady) * std::exp(-rate_per_s * time_s);
}

double TimeToReachFraction_s(const UndergroundSpace& space, double inflow_m3_per_s, double initial_fraction,
                             double target_fraction) {
  CheckSpace(space);
  if (initial_fraction >= target_fraction) return 0.0;
  const double steady = SteadyGasFraction(space, inflow_m3_per_s);
  if (steady <= target_fraction) return std::numeric_limits<double>::infinity();
  const double rate_per_s = (inflow_m3_per_s + VentilationFlow_m3_per_s(space)) / space.volume_m3;
  return std::log((steady - initial_fraction) / (steady - target_fraction)) / rate_per_s;
}

std::vector<double> LeakShares(const std::vector<UndergroundSpace>& spaces, const MigrationAssumptions& assumptions) {
  if (!(assumptions.decay_length_m > 0.0)) throw Error(fmt::format("migration decay length {} m must be positive", assumptions.decay_length_m));
  std::vector<double> shares;
  double total = 0.0;
  for (const UndergroundSpace& space : spaces) {
    CheckSpace(space);
    shares.push_back(std::exp(-space.distance_to_leak_m / assumptions.decay_length_m));
    total += shares.back();
  }
  if (total > 1.0) {
    for (double& share : shares) share /= total;
  }
  return shares;
}

double LeakVolumeFlow_m3_per_s(double mass_flow_kg_per_s, double gas_constant_J_per_kg_K, double temperature_K,
                               double ambient_pressure_Pa) {
  return mass_flow_kg_per_s * gas_constant_J_per_kg_K * temperature_K / ambient_pressure_Pa;
}

MigrationHistory SimulateMigration(const std::vector<UndergroundSpace>& spaces, const MigrationAssumptions& assumptions,
                                   const std::vector<double>& leak_times_s,
                                   const std::vector<double>& leak_volume_flow_m3_per_s,
                                   const std::vector<double>& output_times_s) {
  if (leak_times_s.empty() || leak_times_s.size() != leak_volume_flow_m3_per_s.size() || leak_times_s.front() != 0.0 ||
      !std::is_sorted(leak_times_s.begin(), leak_times_s.end()) ||
      !std::is_sorted(output_times_s.begin(), output_times_s.end())) {
    throw Error("migration: leak times must start at 0 and ascend, one flow per time; output times must ascend");
  }
  const std::vector<double> shares = LeakShares(spaces, assumptions);
  MigrationHistory history;
  history.time_s = output_times_s;
  for (size_t s = 0; s < spaces.size(); ++s) {
    std::vector<double> row;
    double fraction = 0.0, time_s = 0.0;
    size_t step = 0;  // the leak step in force at time_s
    for (const double output_s : output_times_s) {
      // advance exactly through each piece of constant leak flow up to output_s
      while (time_s < output_s) {
        const double step_end = step + 1 < leak_times_s.size() ? std::min(leak_times_s[step + 1], output_s) : output_s;
        fraction = GasFractionAfter(spaces[s], shares[s] * leak_volume_flow_m3_per_s[step], fraction, step_end - time_s);
        time_s = step_end;
        if (step + 1 < leak_times_s.size() && time_s >= leak_times_s[step + 1]) ++step;
      }
      row.push_back(100.0 * fraction / assumptions.lower_explosive_limit);
    }
    history.percent_lel.push_back(std::move(row));
  }
  return history;
}

}  // namespace lifeline::gas
