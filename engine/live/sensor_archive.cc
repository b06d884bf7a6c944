// The HDF5 sensor archive (see sensor_archive.h).
#include "engine/live/sensor_archive.h"

#include <fmt/format.h>
#include <hdf5.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "engine/error.h"
#include "engine/hdf5_handle.h"

namespace lifeline::live {
namespace {

constexpr hsize_t kChunkRows = 4096;

hdf5::Handle ExtendibleDataset(hid_t group, const char* name, hid_t type, const std::string& path) {
  const hsize_t dims[1] = {0}, max_dims[1] = {H5S_UNLIMITED}, chunk[1] = {kChunkRows};
  hdf5::Handle space = hdf5::Dataspace(H5Screate_simple(1, dims, max_dims), path);
  hdf5::Handle properties = hdf5::Property(H5Pcreate(H5P_DATASET_CREATE), path);
  hdf5::CheckStatus(H5Pset_chunk(properties.get(), 1, chunk), "H5Pset_chunk", path);
  return hdf5::Dataset(H5Dcreate2(group, name, type, space.get(), H5P_DEFAULT, properties.get(), H5P_DEFAULT),
                       path);
}

// Appends rows to a 1D extendible dataset.
template <typename T>
void AppendRows(hid_t dataset, hid_t memory_type, const std::vector<T>& rows, hsize_t old_count,
                const std::string& path) {
  const hsize_t new_count[1] = {old_count + rows.size()};
  hdf5::CheckStatus(H5Dset_extent(dataset, new_count), "H5Dset_extent", path);
  hdf5::Handle file_space = hdf5::Dataspace(H5Dget_space(dataset), path);
  const hsize_t start[1] = {old_count}, count[1] = {rows.size()};
  hdf5::CheckStatus(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                    "H5Sselect_hyperslab", path);
  hdf5::Handle memory_space = hdf5::Dataspace(H5Screate_simple(1, count, nullptr), path);
  hdf5::CheckStatus(
      H5Dwrite(dataset, memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, rows.data()),
      "H5Dwrite", path);
}

hsize_t RowCount(hid_t dataset, const std::string& path) {
  hdf5::Handle space = hdf5::Dataspace(H5Dget_space(dataset), path);
  hsize_t dims[1] = {0};
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  return dims[0];
}

hdf5::Handle LatestFormatAccess(const std::string& path) {
  hdf5::Handle access = hdf5::Property(H5Pcreate(H5P_FILE_ACCESS), path);
  hdf5::CheckStatus(H5Pset_libver_bounds(access.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST),
                    "H5Pset_libver_bounds", path);
  return access;
}

}  // namespace

struct SensorArchiveWriter::Impl {
  struct SensorDatasets {
    hdf5::Handle time_s, value, quality;
    hsize_t count = 0;                   // rows on disk
    std::vector<double> pending_time_s;  // buffered rows
    std::vector<double> pending_value;
    std::vector<std::uint8_t> pending_quality;
  };
  std::string path;
  hdf5::Handle file;
  std::vector<SensorDatasets> sensors;  // registry order
};

SensorArchiveWriter::SensorArchiveWriter(const std::string& path, const SensorRegistry& registry)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  hdf5::Handle access = LatestFormatAccess(path);
  const hid_t file = std::filesystem::exists(path)
                         ? H5Fopen(path.c_str(), H5F_ACC_RDWR, access.get())
                         : H5Fcreate(path.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, access.get());
  if (file < 0) {
    throw Error(
        fmt::format("{}: cannot open the sensor archive for writing (a file left by a killed writer "
                    "needs `h5clear -s` first)",
                    path));
  }
  impl_->file = hdf5::File(file, path);
  hdf5::Handle root = hdf5::EnsureGroup(impl_->file.get(), "sensors", path);
  for (const Sensor& sensor : registry.sensors()) {
    Impl::SensorDatasets datasets;
    if (H5Lexists(root.get(), sensor.id.c_str(), H5P_DEFAULT) > 0) {
      hdf5::Handle group = hdf5::Group(H5Gopen2(root.get(), sensor.id.c_str(), H5P_DEFAULT), path);
      datasets.time_s = hdf5::Dataset(H5Dopen2(group.get(), "time_s", H5P_DEFAULT), path);
      datasets.value = hdf5::Dataset(H5Dopen2(group.get(), "value", H5P_DEFAULT), path);
      datasets.quality = hdf5::Dataset(H5Dopen2(group.get(), "quality", H5P_DEFAULT), path);
      datasets.count = std::min({RowCount(datasets.time_s.get(), path), RowCount(datasets.value.get(), path),
                                 RowCount(datasets.quality.get(), path)});
    } else {
      hdf5::Handle group = hdf5::EnsureGroup(root.get(), sensor.id, path);
      hdf5::WriteStringAttribute(group.get(), "system", sensor.system, path);
      hdf5::WriteStringAttribute(group.get(), "element", sensor.element_id, path);
      hdf5::WriteStringAttribute(group.get(), "quantity", sensor.quantity, path);
      hdf5::WriteStringAttribute(group.get(), "unit", sensor.unit, path);
      datasets.time_s = ExtendibleDataset(group.get(), "time_s", H5T_IEEE_F64LE, path);
      datasets.value = ExtendibleDataset(group.get(), "value", H5T_IEEE_F64LE, path);
      datasets.quality = ExtendibleDataset(group.get(), "quality", H5T_STD_U8LE, path);
      hdf5::WriteStringAttribute(datasets.time_s.get(), "unit", "s", path);
      hdf5::WriteStringAttribute(datasets.value.get(), "unit", sensor.unit, path);
      hdf5::WriteStringAttribute(datasets.quality.get(), "meaning",
                                 "bits: 1 range, 2 stuck, 4 spike, 8 gap before, 16 out of order", path);
    }
    impl_->sensors.push_back(std::move(datasets));
  }
  hdf5::CheckStatus(H5Fstart_swmr_write(impl_->file.get()), "H5Fstart_swmr_write", path);
}

SensorArchiveWriter::~SensorArchiveWriter() {
  // Rows still buffered are written on a clean close; an error here cannot be thrown, so it is logged.
  try {
    Flush();
  } catch (const Error& e) {
    spdlog::error("live: closing the sensor archive: {}", e.what());
  }
}

void SensorArchiveWriter::Append(const Reading& reading, std::uint8_t quality) {
  Impl::SensorDatasets& datasets = impl_->sensors.at(static_cast<size_t>(reading.sensor_index));
  datasets.pending_time_s.push_back(reading.time_s);
  datasets.pending_value.push_back(reading.value);
  datasets.pending_quality.push_back(quality);
}

void SensorArchiveWriter::Flush() {
  bool wrote = false;
  for (Impl::SensorDatasets& datasets : impl_->sensors) {
    if (datasets.pending_time_s.empty()) continue;
    // Values and flags first, times last: a reader trusts rows up to the length of time_s.
    AppendRows(datasets.value.get(), H5T_NATIVE_DOUBLE, datasets.pending_value, datasets.count, impl_->path);
    AppendRows(datasets.quality.get(), H5T_NATIVE_UINT8, datasets.pending_quality, datasets.count,
               impl_->path);
    AppendRows(datasets.time_s.get(), H5T_NATIVE_DOUBLE, datasets.pending_time_s, datasets.count,
               impl_->path);
    datasets.count += datasets.pending_time_s.size();
    datasets.pending_time_s.clear();
    datasets.pending_value.clear();
    datasets.pending_quality.clear();
    wrote = true;
  }
  if (wrote) hdf5::CheckStatus(H5Fflush(impl_->file.get(), H5F_SCOPE_GLOBAL), "H5Fflush", impl_->path);
}

long SensorArchiveWriter::archived_count(int sensor_index) const {
  return static_cast<long>(impl_->sensors.at(static_cast<size_t>(sensor_index)).count);
}

const std::string& SensorArchiveWriter::path() const { return impl_->path; }

struct SensorArchiveReader::Impl {
  std::string path;
  hdf5::Handle file;
};

SensorArchiveReader::SensorArchiveReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  hdf5::Handle access = LatestFormatAccess(path);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, access.get());
  if (file < 0) throw Error(fmt::format("{}: cannot open the sensor archive", path));
  impl_->file = hdf5::File(file, path);
}

SensorArchiveReader::~SensorArchiveReader() = default;

std::vector<std::string> SensorArchiveReader::SensorIds() const {
  hdf5::Handle root = hdf5::Group(H5Gopen2(impl_->file.get(), "sensors", H5P_DEFAULT), impl_->path);
  H5G_info_t info;
  hdf5::CheckStatus(H5Gget_info(root.get(), &info), "H5Gget_info", impl_->path);
  std::vector<std::string> ids;
  for (hsize_t k = 0; k < info.nlinks; ++k) {
    const ssize_t length =
        H5Lget_name_by_idx(root.get(), ".", H5_INDEX_NAME, H5_ITER_INC, k, nullptr, 0, H5P_DEFAULT);
    if (length < 0) throw Error(fmt::format("{}: cannot list the archived sensors", impl_->path));
    std::string name(static_cast<size_t>(length), '\0');
    H5Lget_name_by_idx(root.get(), ".", H5_INDEX_NAME, H5_ITER_INC, k, name.data(), name.size() + 1,
                       H5P_DEFAULT);
    ids.push_back(std::move(name));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

ArchivedSeries SensorArchiveReader::Read(const std::string& sensor_id) const {
  const std::string& path = impl_->path;
  const std::string group_path = "sensors/" + sensor_id;
  if (H5Lexists(impl_->file.get(), "sensors", H5P_DEFAULT) <= 0 ||
      H5Lexists(impl_->file.get(), group_path.c_str(), H5P_DEFAULT) <= 0) {
    throw Error(fmt::format("{}: sensor '{}' is not in the archive", path, sensor_id));
  }
  hdf5::Handle group = hdf5::Group(H5Gopen2(impl_->file.get(), group_path.c_str(), H5P_DEFAULT), path);
  ArchivedSeries series;
  series.sensor_id = sensor_id;
  series.unit = hdf5::ReadStringAttribute(group.get(), "unit", path);
  hdf5::Handle time_s = hdf5::Dataset(H5Dopen2(group.get(), "time_s", H5P_DEFAULT), path);
  hdf5::Handle value = hdf5::Dataset(H5Dopen2(group.get(), "value", H5P_DEFAULT), path);
  hdf5::Handle quality = hdf5::Dataset(H5Dopen2(group.get(), "quality", H5P_DEFAULT), path);
  for (const hdf5::Handle* dataset : {&time_s, &value, &quality}) {
    hdf5::CheckStatus(H5Drefresh(dataset->get()), "H5Drefresh", path);
  }
  // Rows count up to the length of time_s, which is written last.
  const hsize_t count = RowCount(time_s.get(), path);
  series.time_s.resize(count);
  series.value.resize(count);
  series.quality.resize(count);
  if (count == 0) return series;
  const hsize_t start[1] = {0}, rows[1] = {count};
  hdf5::Handle memory_space = hdf5::Dataspace(H5Screate_simple(1, rows, nullptr), path);
  const auto read = [&](const hdf5::Handle& dataset, hid_t memory_type, void* buffer) {
    hdf5::Handle file_space = hdf5::Dataspace(H5Dget_space(dataset.get()), path);
    hdf5::CheckStatus(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, rows, nullptr),
                      "H5Sselect_hyperslab", path);
    hdf5::CheckStatus(
        H5Dread(dataset.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, buffer),
        "H5Dread", path);
  };
  read(time_s, H5T_NATIVE_DOUBLE, series.time_s.data());
  read(value, H5T_NATIVE_DOUBLE, series.value.data());
  read(quality, H5T_NATIVE_UINT8, series.quality.data());
  return series;
}

}  // namespace lifeline::live
