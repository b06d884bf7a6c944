// Reads the demo city's district heating file (format "lifeline-city-heating",
// docs/city.md) into a HeatingNetwork ready to simulate.
//
// The file describes the design: a plant, supply and return pipes along the
// streets, substations with their design loads. What the model adds (each a
// documented default in CityHeatingOptions, marked (verify) where it is a
// typical value rather than a standard):
//   - the plant as a differential-pressure source: its supply side "<plant>"
//     held at supply_pressure_Pa and the design supply temperature, its return
//     side "<plant>/return" held at return_pressure_Pa;
//   - every substation as a flow-controlled heat exchanger "<id>" from the
//     substation's supply junction to a return junction "<id>/return" where its
//     return service pipe starts, passing m = load / (cp (T_supply - T_return));
//   - loads served straight from a main (no substation node in the file): the
//     difference between the design loads carried into and out of a supply
//     junction, drawn by a substation "<junction>@direct" to its return twin
//     (the junction id with "HS" replaced by "HR");
//   - pipe roughness, the wall heat-transfer coefficient of pre-insulated pipes
//     and the soil temperature.
// Problems are Errors naming the file and the element.
#pragma once

#include <string>

#include "models/heating/heating_network.h"

namespace lifeline::heating {

struct CityHeatingOptions {
  double supply_pressure_Pa = 10e5;           // plant supply side, gauge (verify)
  double return_pressure_Pa = 3e5;            // plant return side, gauge (verify)
  double roughness_m = 5e-5;                  // steel service pipe
  double heat_transfer_W_per_m2K = 0.4;       // pre-insulated pipe, on the steel surface (verify)
  double soil_temperature_K = 283.15;         // 10 degC at burial depth (verify)
  int sections_per_km = 10;                   // finite-volume sections for the sectioned law
};

HeatingNetwork ReadCityHeatingJson(const std::string& json_text, const std::string& source_name,
                                   const CityHeatingOptions& options = {});
HeatingNetwork ReadCityHeatingFile(const std::string& path, const CityHeatingOptions& options = {});

}  // namespace lifeline::heating
