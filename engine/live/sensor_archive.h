// The sensor archive: every accepted reading, with its quality flag, in one HDF5 file.
//
// Layout (plain HDF5 1.10, SWMR; h5dump and h5py read it):
//   /sensors/<sensor id>/time_s   [n] float64, extendible, chunked; attribute unit = "s"
//   /sensors/<sensor id>/value    [n] float64, extendible, chunked; attributes unit, quantity
//   /sensors/<sensor id>/quality  [n] uint8,   extendible, chunked; QualityFlag bits (0 = good)
//   each sensor group carries attributes system, element, quantity, unit.
// Rows are appended in arrival order. Append() buffers; Flush() writes every buffered row and flushes
// the file. The file is written in single-writer/multiple-reader mode (SWMR): another process may open
// it with SensorArchiveReader while it is being written and sees every flushed row. A reading counts as
// archived once Flush() returned.
//
// Opening an existing archive appends to it (sensors new to the registry get their datasets). A file
// whose writer was killed stays readable; appending to it again needs `h5clear -s FILE` first (HDF5
// marks a file open for SWMR writing until it is closed).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/live/reading_payload.h"
#include "engine/live/sensor_registry.h"

namespace lifeline::live {

class SensorArchiveWriter {
 public:
  // Creates the file, or opens it to append; an unwritable path is an Error naming it.
  SensorArchiveWriter(const std::string& path, const SensorRegistry& registry);
  ~SensorArchiveWriter();
  SensorArchiveWriter(const SensorArchiveWriter&) = delete;
  SensorArchiveWriter& operator=(const SensorArchiveWriter&) = delete;

  // Buffers one reading and its quality flags.
  void Append(const Reading& reading, std::uint8_t quality);
  // Writes every buffered row and flushes the file.
  void Flush();

  // Rows of a sensor written and flushed so far (registry index).
  long archived_count(int sensor_index) const;
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One sensor's archived rows.
struct ArchivedSeries {
  std::string sensor_id;              // the sensor
  std::string unit;                   // unit of value
  std::vector<double> time_s;         // reading times, s
  std::vector<double> value;          // values, sensor unit
  std::vector<std::uint8_t> quality;  // QualityFlag bits
};

// Reads an archive, also while another process writes it (SWMR read).
class SensorArchiveReader {
 public:
  explicit SensorArchiveReader(const std::string& path);
  ~SensorArchiveReader();
  SensorArchiveReader(const SensorArchiveReader&) = delete;
  SensorArchiveReader& operator=(const SensorArchiveReader&) = delete;

  std::vector<std::string> SensorIds() const;  // sorted
  // The rows of one sensor as far as they are flushed; an unknown id is an Error naming it.
  ArchivedSeries Read(const std::string& sensor_id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline::live
