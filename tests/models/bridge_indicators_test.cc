// Tests for models/bridge/bridge_indicators and level_shift_detector, the
// latter also on a real 100 Hz support-force record (UniBw test bridge,
// reference data bridge/unibw_ref_support_load_01_force_100hz_public.csv).
#include "models/bridge/bridge_indicators.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/error.h"
#include "models/bridge/level_shift_detector.h"
#include "tests/support/shared_data.h"

namespace lifeline::bridge {
namespace {

TEST(BridgeIndicators, LiveLoadDeflectionLimits) {
  EXPECT_DOUBLE_EQ(DeflectionLimitSpanRatio(GirderMaterial::kConcrete), 600.0);
  EXPECT_DOUBLE_EQ(DeflectionLimitSpanRatio(GirderMaterial::kSteel), 500.0);
  // 30 m concrete span: limit 50 mm
  const DeflectionCheck within = CheckLiveLoadDeflection(0.045, 30.0, 600.0);
  EXPECT_NEAR(within.limit_m, 0.05, 1e-15);
  EXPECT_NEAR(within.utilisation, 0.9, 1e-12);
  EXPECT_FALSE(within.exceeds);
  EXPECT_TRUE(CheckLiveLoadDeflection(0.045, 20.0, 500.0).exceeds);  // limit 40 mm
  EXPECT_THROW(CheckLiveLoadDeflection(0.01, 0.0, 600.0), Error);
}

TEST(BridgeIndicators, GrossWeightAgainstTheLegalLimit) {
  const std::vector<double> six_axles_kg{7000, 11000, 11000, 8000, 8000, 8000};  // 53 t
  const WeightCheck check = CheckGrossWeight(six_axles_kg);
  EXPECT_DOUBLE_EQ(check.gross_mass_kg, 53000.0);
  EXPECT_DOUBLE_EQ(check.legal_gross_mass_kg, 49000.0);
  EXPECT_TRUE(check.overweight);
  EXPECT_NEAR(check.excess_fraction, 4.0 / 49.0, 1e-15);
  EXPECT_FALSE(CheckGrossWeight(six_axles_kg, 55000.0).overweight);
}

TEST(BridgeIndicators, FrequencyShiftAfterTemperatureCompensation) {
  // baseline f = 4.0 - 0.01 T Hz; a later 3.8 Hz at 10 degC is 5 % below 3.9 Hz
  const std::vector<double> temperature_C{-5, 0, 5, 10, 20, 30};
  std::vector<double> frequency_Hz;
  for (const double t : temperature_C) frequency_Hz.push_back(4.0 - 0.01 * t);
  const FrequencyTemperatureLaw law = FitFrequencyTemperature(temperature_C, frequency_Hz);
  EXPECT_NEAR(law.frequency_at_zero_C_Hz, 4.0, 1e-12);
  EXPECT_NEAR(law.slope_Hz_per_K, -0.01, 1e-12);
  EXPECT_NEAR(CompensatedFrequencyShift(law, 10.0, 3.8), -0.1 / 3.9, 1e-12);
  // a cold day's higher frequency is the temperature, not a change of the structure
  EXPECT_NEAR(CompensatedFrequencyShift(law, -5.0, 4.05), 0.0, 1e-12);
  const std::vector<double> one_temperature{10, 10};
  EXPECT_THROW(FitFrequencyTemperature(one_temperature, std::vector<double>{4.0, 4.1}), Error);
}

TEST(LevelShiftDetector, FindsAStepInNoise) {
  // 100 Hz, sigma 0.2, a +2 step at sample 3000 of 6000
  std::mt19937 generator(42);
  std::normal_distribution<double> noise(0.0, 0.2);
  std::vector<double> values;
  for (int i = 0; i < 6000; ++i) values.push_back(240.0 + (i >= 3000 ? 2.0 : 0.0) + noise(generator));
  const std::vector<LevelShift> shifts = DetectLevelShifts(values, 0.01, {200, 1.0});
  ASSERT_EQ(shifts.size(), 1u);
  EXPECT_NEAR(static_cast<double>(shifts[0].index), 3000.0, 20.0);
  EXPECT_NEAR(shifts[0].time_s, 30.0, 0.2);
  EXPECT_NEAR(shifts[0].size(), 2.0, 0.1);

  // the same noise without the step: nothing
  for (int i = 3000; i < 6000; ++i) values[i] -= 2.0;
  EXPECT_TRUE(DetectLevelShifts(values, 0.01, {200, 1.0}).empty());
  EXPECT_THROW(DetectLevelShifts(values, 0.01, {0, 1.0}), Error);
}

// The UniBw record: time string, FRC-01 and FRC-02 in kN.
struct ForceRecord {
  std::vector<double> time_s;  // relative to the first row
  std::vector<double> frc01_kN;
  std::vector<double> frc02_kN;
};

ForceRecord ReadForceRecord(const std::string& path) {
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);  // header
  ForceRecord record;
  double first_s = 0.0;
  while (std::getline(file, line)) {
    std::stringstream row(line);
    std::string stamp, a, b;
    std::getline(row, stamp, ',');
    std::getline(row, a, ',');
    std::getline(row, b, ',');
    // "YYYY-MM-DD HH:MM:SS.fff": seconds of the day (the record is within one day)
    const double seconds = std::stod(stamp.substr(11, 2)) * 3600.0 + std::stod(stamp.substr(14, 2)) * 60.0 +
                           std::stod(stamp.substr(17));
    if (record.time_s.empty()) first_s = seconds;
    record.time_s.push_back(seconds - first_s);
    record.frc01_kN.push_back(std::stod(a));
    record.frc02_kN.push_back(std::stod(b));
  }
  return record;
}

double Mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// Residual RMS of a series about the piecewise-constant levels between shifts.
double ResidualAboutLevels(const std::vector<double>& values, const std::vector<LevelShift>& shifts) {
  std::vector<long> cuts{0};
  for (const LevelShift& shift : shifts) cuts.push_back(shift.index);
  cuts.push_back(static_cast<long>(values.size()));
  double sum_squares = 0.0;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    const auto begin = values.begin() + cuts[k];
    const auto end = values.begin() + cuts[k + 1];
    const double level = std::accumulate(begin, end, 0.0) / static_cast<double>(end - begin);
    for (auto it = begin; it != end; ++it) sum_squares += (*it - level) * (*it - level);
  }
  return std::sqrt(sum_squares / static_cast<double>(values.size()));
}

double StandardDeviation(const std::vector<double>& values) { return ResidualAboutLevels(values, {}); }

TEST(LevelShiftDetector, RealSupportForceRecord) {
  const ForceRecord record = ReadForceRecord(
      lifeline::testing::SharedDataFile("bridge/unibw_ref_support_load_01_force_100hz_public.csv"));

  // what the README states: 48 000 rows at 100 Hz, means, and ranges (to 0.1 kN)
  ASSERT_EQ(record.time_s.size(), 48000u);
  EXPECT_NEAR(record.time_s.back() / 47999.0, 0.01, 1e-5);
  EXPECT_NEAR(Mean(record.frc01_kN), 240.2, 0.05);
  EXPECT_NEAR(Mean(record.frc02_kN), 239.6, 0.05);
  for (const auto* series : {&record.frc01_kN, &record.frc02_kN}) {
    EXPECT_GE(*std::min_element(series->begin(), series->end()), 233.7 - 0.05);
    EXPECT_LE(*std::max_element(series->begin(), series->end()), 245.6 + 0.05);
  }

  // the two load cells of one support see the same load: FRC-01 = FRC-02
  // within 1 % on average, and they move together
  const double mean01 = Mean(record.frc01_kN);
  const double mean02 = Mean(record.frc02_kN);
  EXPECT_LT(std::abs(mean01 - mean02), 0.01 * mean01);
  double covariance = 0.0;
  for (size_t i = 0; i < record.frc01_kN.size(); ++i) {
    covariance += (record.frc01_kN[i] - mean01) * (record.frc02_kN[i] - mean02);
  }
  covariance /= static_cast<double>(record.frc01_kN.size());
  const double correlation =
      covariance / (StandardDeviation(record.frc01_kN) * StandardDeviation(record.frc02_kN));
  EXPECT_GT(correlation, 0.9);

  // 5 s windows, 1 kN: every shift one cell sees, the other sees too, with the
  // same sign and within one window (a shift's time is resolved to a window:
  // a ramp longer than the window may be placed anywhere on it)
  const LevelShiftOptions options{500, 1.0};
  const std::vector<LevelShift> shifts01 = DetectLevelShifts(record.frc01_kN, 0.01, options);
  const std::vector<LevelShift> shifts02 = DetectLevelShifts(record.frc02_kN, 0.01, options);
  ASSERT_FALSE(shifts01.empty());
  ASSERT_EQ(shifts01.size(), shifts02.size());
  for (size_t k = 0; k < shifts01.size(); ++k) {
    EXPECT_NEAR(shifts01[k].time_s, shifts02[k].time_s, 500 * 0.01) << "shift " << k;
    EXPECT_EQ(shifts01[k].size() > 0.0, shifts02[k].size() > 0.0) << "shift " << k;
  }
  // and the levels between the shifts explain most of the signal
  EXPECT_LT(ResidualAboutLevels(record.frc01_kN, shifts01), 0.5 * StandardDeviation(record.frc01_kN));
  EXPECT_LT(ResidualAboutLevels(record.frc02_kN, shifts02), 0.5 * StandardDeviation(record.frc02_kN));
}

}  // namespace
}  // namespace lifeline::bridge
