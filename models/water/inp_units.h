// Unit conversions of EPANET input files to SI, by the file's flow units.
//
// A file is US customary (CFS GPM MGD IMGD AFD: ft, in, hp, psi) or SI (LPS
// LPM MLD CMH CMD CMS: m, mm, kW, m of head). A file means what it means to
// EPANET, so its conventions are kept where they differ from exact SI:
//   flows go through EPANET's factors per cfs (448.831 GPM, 28.317 L/s,
//   101.94 m3/h, ...; exact to 5e-6, AFD to 1.2e-4). EPANET evaluates head
//   losses in cfs, so with exact factors an L/s network's head losses come
//   out 1e-5 higher than EPANET's (1 mm over 100 m of loss);
//   pressures: 1 ft of water = 0.4333 psi x specific gravity and
//   1 psi = 6.895 kPa (its PSIperFT, KPAperPSI): a PRV set to 60 psi holds
//   138.47 ft in EPANET, 0.07 ft more than with the exact 0.43353.
// Lengths, diameters, volumes and power use the exact factors of engine/units.h.
#pragma once

#include <optional>
#include <string>

namespace lifeline::water {

enum class PressureUnits { kPsi, kKpa, kMetres, kFeet };

struct InpUnits {
  bool us_customary = true;
  double flow_m3_per_s = 0.0;      // one file flow unit, in m3/s
  double length_m = 0.0;           // ft or m
  double diameter_m = 0.0;         // in or mm
  double dw_roughness_m = 0.0;     // D-W roughness: millifeet or mm
  double power_w = 0.0;            // hp or kW
  double volume_m3 = 0.0;          // ft3 or m3
  double pressure_head_m = 0.0;    // one file pressure unit, as m of water head

  // Units of a FLOW UNITS keyword (upper case); nullopt when unknown. Pressure
  // starts as psi (US) or m (SI) with specific gravity 1.
  static std::optional<InpUnits> ForFlowUnits(const std::string& flow_units);
  // Sets pressure_head_m for a PRESSURE unit and the specific gravity.
  void SetPressure(PressureUnits pressure, double specific_gravity);
};

}  // namespace lifeline::water
