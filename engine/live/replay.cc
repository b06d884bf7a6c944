// Replay of CSV recordings and sensor archives (see replay.h).
#include "engine/live/replay.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

#include "engine/error.h"
#include "engine/live/sensor_archive.h"

namespace lifeline::live {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

bool ParseDouble(std::string_view text, double& value) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool ParseInt(std::string_view text, int& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long DaysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::vector<std::string_view> SplitCommas(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    cells.push_back(
        line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return cells;
}

}  // namespace

bool ParseUtcTimestamp(std::string_view text, double& time_s) {
  text = Trim(text);
  // YYYY-MM-DD HH:MM:SS[.fff]
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') ||
      text[13] != ':' || text[16] != ':') {
    return false;
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  double second = 0.0;
  if (!ParseInt(text.substr(0, 4), year) || !ParseInt(text.substr(5, 2), month) ||
      !ParseInt(text.substr(8, 2), day) || !ParseInt(text.substr(11, 2), hour) ||
      !ParseInt(text.substr(14, 2), minute) || !ParseDouble(text.substr(17), second)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second < 0.0 ||
      second >= 61.0) {
    return false;
  }
  time_s =
      static_cast<double>(DaysFromCivil(year, month, day)) * 86400.0 + hour * 3600.0 + minute * 60.0 + second;
  return true;
}

std::vector<Reading> ReadCsvRecording(const std::string& path, const SensorRegistry& registry) {
  std::ifstream file(path);
  if (!file) throw Error(fmt::format("{}: cannot open the recording", path));
  std::string line;
  if (!std::getline(file, line)) throw Error::AtLine(path, 1, "empty recording: expected a header line");
  const std::vector<std::string_view> header = SplitCommas(line);
  if (header.size() < 2)
    throw Error::AtLine(path, 1, "expected a time column and at least one sensor column");
  std::vector<int> sensor_of_column(header.size(), -1);
  for (size_t column = 1; column < header.size(); ++column) {
    std::string_view cell = Trim(header[column]);
    std::string_view unit;
    const size_t bracket = cell.find('[');
    if (bracket != std::string_view::npos && cell.back() == ']') {
      unit = Trim(cell.substr(bracket + 1, cell.size() - bracket - 2));
      cell = Trim(cell.substr(0, bracket));
    }
    const int index = registry.IndexOf(cell);
    if (index < 0)
      throw Error::AtLine(path, 1, fmt::format("sensor column '{}' is not in the registry", cell));
    const Sensor& sensor = registry.sensors()[static_cast<size_t>(index)];
    if (!unit.empty() && unit != sensor.unit) {
      throw Error::AtLine(
          path, 1,
          fmt::format("sensor '{}' is in '{}', the registry says '{}'", sensor.id, unit, sensor.unit));
    }
    sensor_of_column[column] = index;
  }
  std::vector<Reading> readings;
  int line_number = 1;
  while (std::getline(file, line)) {
    ++line_number;
    if (Trim(line).empty()) continue;
    const std::vector<std::string_view> cells = SplitCommas(line);
    if (cells.size() != header.size()) {
      throw Error::AtLine(path, line_number,
                          fmt::format("{} cells, the header has {}", cells.size(), header.size()));
    }
    double time_s = 0.0;
    if (!ParseDouble(cells[0], time_s) && !ParseUtcTimestamp(cells[0], time_s)) {
      throw Error::AtLine(path, line_number,
                          fmt::format("time '{}' is neither seconds nor a UTC timestamp", cells[0]));
    }
    for (size_t column = 1; column < cells.size(); ++column) {
      if (Trim(cells[column]).empty()) continue;
      double value = 0.0;
      if (!ParseDouble(cells[column], value) || !std::isfinite(value)) {
        throw Error::AtLine(path, line_number,
                            fmt::format("value '{}' of sensor '{}' is not a finite number", cells[column],
                                        Trim(header[column])));
      }
      readings.push_back({sensor_of_column[column], time_s, value});
    }
  }
  return readings;
}

std::vector<Reading> ReadArchiveRecording(const std::string& path, const SensorRegistry& registry) {
  const SensorArchiveReader reader(path);
  std::vector<Reading> readings;
  for (const std::string& id : reader.SensorIds()) {
    const int index = registry.IndexOf(id);
    if (index < 0) continue;
    const ArchivedSeries series = reader.Read(id);
    for (size_t k = 0; k < series.time_s.size(); ++k)
      readings.push_back({index, series.time_s[k], series.value[k]});
  }
  std::stable_sort(readings.begin(), readings.end(),
                   [](const Reading& a, const Reading& b) { return a.time_s < b.time_s; });
  return readings;
}

long Replay(std::span<const Reading> readings, const ReplayOptions& options,
            const std::function<void(std::span<const Reading>)>& sink) {
  if (readings.empty()) return 0;
  const bool paced = options.speed > 0.0 && std::isfinite(options.speed);
  const size_t max_batch = std::max<size_t>(options.max_batch_size, 1);
  const auto start_wall = std::chrono::steady_clock::now();
  const double start_time_s = readings.front().time_s;
  size_t begin = 0;
  while (begin < readings.size()) {
    size_t end = begin + 1;
    if (paced) {
      // Wait until the first reading of the batch is due; the batch takes every reading already due.
      const auto due = [&](size_t k) {
        const double offset_s = std::max(0.0, (readings[k].time_s - start_time_s) / options.speed);
        return start_wall + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(offset_s));
      };
      std::this_thread::sleep_until(due(begin));
      const auto now = std::chrono::steady_clock::now();
      while (end < readings.size() && end - begin < max_batch && due(end) <= now) ++end;
    } else {
      end = std::min(readings.size(), begin + max_batch);
    }
    sink(readings.subspan(begin, end - begin));
    begin = end;
  }
  return static_cast<long>(readings.size());
}

}  // namespace lifeline::live
