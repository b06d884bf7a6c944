// Unit conversions applied at import and export only.
//
// Inside the engine every quantity is SI (m, s, kg, Pa, m3/s, K) and the unit
// sits in the variable name: head_m, flow_m3_per_s, time_s. Readers and writers
// of external formats convert with these functions and nowhere else.
#pragma once

namespace lifeline::units {

inline constexpr double kGravity_m_per_s2 = 9.80665;
inline constexpr double kWaterDensity_kg_per_m3 = 998.2;  // 20 degC

// length
inline constexpr double kMetresPerFoot = 0.3048;
inline constexpr double kMetresPerInch = 0.0254;
inline constexpr double FeetToMetres(double feet) { return feet * kMetresPerFoot; }
inline constexpr double InchesToMetres(double inches) { return inches * kMetresPerInch; }
inline constexpr double MillimetresToMetres(double mm) { return mm * 1e-3; }
inline constexpr double MetresToMillimetres(double m) { return m * 1e3; }

// time
inline constexpr double HoursToSeconds(double hours) { return hours * 3600.0; }
inline constexpr double SecondsToHours(double seconds) { return seconds / 3600.0; }

// volume flow
inline constexpr double kCubicMetresPerUsGallon = 3.785411784e-3;
inline constexpr double LitresPerSecondToCubicMetresPerSecond(double lps) { return lps * 1e-3; }
inline constexpr double CubicMetresPerSecondToLitresPerSecond(double m3s) { return m3s * 1e3; }
inline constexpr double CubicMetresPerHourToCubicMetresPerSecond(double m3h) { return m3h / 3600.0; }
inline constexpr double GallonsPerMinuteToCubicMetresPerSecond(double gpm) {
  return gpm * kCubicMetresPerUsGallon / 60.0;
}
inline constexpr double CubicFeetPerSecondToCubicMetresPerSecond(double cfs) {
  return cfs * kMetresPerFoot * kMetresPerFoot * kMetresPerFoot;
}

// time
inline constexpr double kSecondsPerDay = 86400.0;

// pressure
inline constexpr double kPascalPerBar = 1e5;
inline constexpr double kPascalPerPsi = 6894.757293168;
inline constexpr double BarToPascal(double bar) { return bar * kPascalPerBar; }
inline constexpr double PascalToBar(double pa) { return pa / kPascalPerBar; }
inline constexpr double PsiToPascal(double psi) { return psi * kPascalPerPsi; }

// power
inline constexpr double kWattsPerHorsepower = 745.69987158227022;  // mechanical hp
inline constexpr double HorsepowerToWatts(double hp) { return hp * kWattsPerHorsepower; }

// temperature
inline constexpr double kKelvinAtZeroCelsius = 273.15;
inline constexpr double CelsiusToKelvin(double celsius) { return celsius + kKelvinAtZeroCelsius; }
inline constexpr double KelvinToCelsius(double kelvin) { return kelvin - kKelvinAtZeroCelsius; }

}  // namespace lifeline::units
