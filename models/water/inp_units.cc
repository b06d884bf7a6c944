// Unit factors of EPANET input files (see inp_units.h).
#include "models/water/inp_units.h"

#include <map>

#include "engine/units.h"

namespace lifeline::water {
namespace {

constexpr double kCubicFootInCubicMetres =
    units::kMetresPerFoot * units::kMetresPerFoot * units::kMetresPerFoot;

// EPANET's pressure convention (its PSIperFT and KPAperPSI).
constexpr double kEpanetPsiPerFoot = 0.4333;
constexpr double kEpanetKpaPerPsi = 6.895;

}  // namespace

std::optional<InpUnits> InpUnits::ForFlowUnits(const std::string& flow_units) {
  using namespace lifeline::units;
  // EPANET's flow units per cfs (its GPMperCFS, LPSperCFS, ...).
  static const std::map<std::string, std::pair<bool, double>> kUnitsPerCfs = {
      {"CFS", {true, 1.0}},       {"GPM", {true, 448.831}},   {"MGD", {true, 0.64632}},
      {"IMGD", {true, 0.5382}},   {"AFD", {true, 1.9837}},    {"LPS", {false, 28.317}},
      {"LPM", {false, 1699.0}},   {"MLD", {false, 2.4466}},   {"CMH", {false, 101.94}},
      {"CMD", {false, 2446.6}},   {"CMS", {false, 0.028317}},
  };
  const auto it = kUnitsPerCfs.find(flow_units);
  if (it == kUnitsPerCfs.end()) return std::nullopt;
  InpUnits units;
  units.us_customary = it->second.first;
  units.flow_m3_per_s = kCubicFootInCubicMetres / it->second.second;
  if (units.us_customary) {
    units.length_m = kMetresPerFoot;
    units.diameter_m = kMetresPerInch;
    units.dw_roughness_m = 1e-3 * kMetresPerFoot;
    units.power_w = kWattsPerHorsepower;
    units.volume_m3 = kMetresPerFoot * kMetresPerFoot * kMetresPerFoot;
    units.SetPressure(PressureUnits::kPsi, 1.0);
  } else {
    units.length_m = 1.0;
    units.diameter_m = 1e-3;
    units.dw_roughness_m = 1e-3;
    units.power_w = 1e3;
    units.volume_m3 = 1.0;
    units.SetPressure(PressureUnits::kMetres, 1.0);
  }
  return units;
}

void InpUnits::SetPressure(PressureUnits pressure, double specific_gravity) {
  // file pressure p = head_ft x (pressure units per ft of water) x SG
  double units_per_foot = 0.0;
  switch (pressure) {
    case PressureUnits::kPsi: units_per_foot = kEpanetPsiPerFoot; break;
    case PressureUnits::kKpa: units_per_foot = kEpanetPsiPerFoot * kEpanetKpaPerPsi; break;
    case PressureUnits::kMetres: units_per_foot = units::kMetresPerFoot; break;
    case PressureUnits::kFeet: units_per_foot = 1.0; break;
  }
  pressure_head_m = units::kMetresPerFoot / (units_per_foot * specific_gravity);
}

}  // namespace lifeline::water
