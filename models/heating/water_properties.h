// Liquid water properties as functions of temperature (0-150 degC), used when a
// heating network is solved with temperature-dependent water.
//   density (Kell 1975):  rho = (999.83952 + 16.945176 t - 7.9870401e-3 t^2 - 46.170461e-6 t^3
//                                + 105.56302e-9 t^4 - 280.54253e-12 t^5) / (1 + 16.879850e-3 t),  t in degC
//   viscosity (Vogel):    eta = 2.414e-5 * 10^(247.8 / (T - 140)),  T in K
//   heat capacity:        saturated liquid water, tabulated 273.15-450 K (Incropera & DeWitt,
//                         table A.6), linear between entries
// Density and viscosity within about 0.1 % and 1 % of IAPWS tables over 0-100 degC.
//
// Specific enthalpy h(T) = integral of cp from 273.15 K: with the heat capacity
// piecewise linear, h is piecewise quadratic and is inverted exactly.
#pragma once

namespace lifeline::heating {

double WaterDensity_kg_per_m3(double temperature_K);
double WaterViscosity_Pa_s(double temperature_K);
// Volumetric thermal expansion coefficient beta = -(1/rho) d rho / dT (1/K), from the density law.
double WaterThermalExpansion_per_K(double temperature_K);

// The heat capacity law a solve uses: real water, or one constant value.
class HeatCapacityLaw {
 public:
  static HeatCapacityLaw RealWater();
  static HeatCapacityLaw Constant(double heat_capacity_J_per_kgK);

  double HeatCapacity_J_per_kgK(double temperature_K) const;
  double Enthalpy_J_per_kg(double temperature_K) const;  // from 273.15 K
  double TemperatureOf_K(double enthalpy_J_per_kg) const;

 private:
  explicit HeatCapacityLaw(double constant_J_per_kgK) : constant_J_per_kgK_(constant_J_per_kgK) {}
  double constant_J_per_kgK_;  // 0 for real water
};

}  // namespace lifeline::heating
