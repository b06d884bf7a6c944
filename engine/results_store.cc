// HDF5 results store (see results_store.h for the layout).
#include "engine/results_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>

#include "engine/error.h"
#include "engine/hdf5_handle.h"
#include "engine/version.h"

namespace lifeline {
namespace {

constexpr hsize_t kUnlimited = H5S_UNLIMITED;

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The in-file record of one event.
struct EventRecord {
  double time_s;
  const char* system;
  const char* element;
  const char* kind;
  const char* message;
};

hdf5::Handle EventType(const std::string& path) {
  hdf5::Handle text = hdf5::StringType(path);
  hdf5::Handle type = hdf5::Datatype(H5Tcreate(H5T_COMPOUND, sizeof(EventRecord)), path);
  hdf5::CheckStatus(H5Tinsert(type.get(), "time_s", HOFFSET(EventRecord, time_s), H5T_NATIVE_DOUBLE), "H5Tinsert", path);
  hdf5::CheckStatus(H5Tinsert(type.get(), "system", HOFFSET(EventRecord, system), text.get()), "H5Tinsert", path);
  hdf5::CheckStatus(H5Tinsert(type.get(), "element", HOFFSET(EventRecord, element), text.get()), "H5Tinsert", path);
  hdf5::CheckStatus(H5Tinsert(type.get(), "kind", HOFFSET(EventRecord, kind), text.get()), "H5Tinsert", path);
  hdf5::CheckStatus(H5Tinsert(type.get(), "message", HOFFSET(EventRecord, message), text.get()), "H5Tinsert", path);
  return type;
}

// An extendible, chunked, compressed dataset of doubles with a fixed width.
hdf5::Handle CreateExtendible(hid_t location, const std::string& name, hsize_t width, bool two_d,
                              const std::string& path) {
  const hsize_t chunk_cols = std::min<hsize_t>(std::max<hsize_t>(width, 1), 65536);
  const hsize_t chunk_rows = std::clamp<hsize_t>(131072 / chunk_cols, 1, 256);
  hdf5::Handle properties = hdf5::Property(H5Pcreate(H5P_DATASET_CREATE), path);
  hdf5::Handle space;
  if (two_d) {
    const hsize_t dims[2] = {0, width}, max_dims[2] = {kUnlimited, width}, chunk[2] = {chunk_rows, chunk_cols};
    space = hdf5::Dataspace(H5Screate_simple(2, dims, max_dims), path);
    hdf5::CheckStatus(H5Pset_chunk(properties.get(), 2, chunk), "H5Pset_chunk", path);
  } else {
    const hsize_t dims[1] = {0}, max_dims[1] = {kUnlimited}, chunk[1] = {256};
    space = hdf5::Dataspace(H5Screate_simple(1, dims, max_dims), path);
    hdf5::CheckStatus(H5Pset_chunk(properties.get(), 1, chunk), "H5Pset_chunk", path);
  }
  hdf5::CheckStatus(H5Pset_shuffle(properties.get()), "H5Pset_shuffle", path);
  hdf5::CheckStatus(H5Pset_deflate(properties.get(), 4), "H5Pset_deflate", path);
  return hdf5::Dataset(H5Dcreate2(location, name.c_str(), H5T_NATIVE_DOUBLE, space.get(), H5P_DEFAULT,
                                  properties.get(), H5P_DEFAULT),
                       path);
}

// Writes values as row `row` of an extendible dataset (1D when width is 0).
void AppendRow(hid_t dataset, hsize_t row, hsize_t width, const double* values, const std::string& path) {
  const bool two_d = width > 0;
  const hsize_t new_dims[2] = {row + 1, width};
  hdf5::CheckStatus(H5Dset_extent(dataset, new_dims), "H5Dset_extent", path);
  hdf5::Handle file_space = hdf5::Dataspace(H5Dget_space(dataset), path);
  const hsize_t start[2] = {row, 0}, count[2] = {1, two_d ? width : 1};
  hdf5::CheckStatus(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                    "H5Sselect_hyperslab", path);
  hdf5::Handle memory_space = hdf5::Dataspace(H5Screate_simple(two_d ? 2 : 1, count, nullptr), path);
  hdf5::CheckStatus(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(), H5P_DEFAULT, values),
                    "H5Dwrite", path);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Writer

struct ResultsWriter::Impl {
  struct Quantity {
    std::string name;
    std::vector<std::string> element_ids;
    hdf5::Handle dataset;
  };
  struct SystemResults {
    hdf5::Handle group;
    hdf5::Handle time;
    std::vector<Quantity> quantities;
    long steps = 0;
  };

  std::string path;
  hdf5::Handle file;
  std::map<std::string, SystemResults> systems;
  hdf5::Handle events;
  hsize_t event_count = 0;

  SystemResults& System(const std::string& system) {
    auto it = systems.find(system);
    if (it != systems.end()) return it->second;
    SystemResults results;
    results.group = hdf5::EnsureGroup(file.get(), "results/" + system, path);
    results.time = CreateExtendible(results.group.get(), "time_s", 0, false, path);
    hdf5::WriteStringAttribute(results.time.get(), "unit", "s", path);
    return systems.emplace(system, std::move(results)).first->second;
  }

  void Flush() { hdf5::CheckStatus(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "H5Fflush", path); }
};

ResultsWriter::ResultsWriter(const std::string& path, const RunMetadata& metadata)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become lifeline::Error, not stderr noise
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (file < 0) throw Error(fmt::format("{}: cannot create the results file", path));
  impl_->file = hdf5::Handle(file, H5Fclose);
  hdf5::Handle meta = hdf5::EnsureGroup(file, "meta", path);
  hdf5::WriteStringAttribute(meta.get(), "title", metadata.title, path);
  hdf5::WriteStringAttribute(meta.get(), "inputs", metadata.inputs, path);
  hdf5::WriteStringAttribute(meta.get(), "units_note", metadata.units_note, path);
  hdf5::WriteStringAttribute(meta.get(), "engine_version", EngineVersion(), path);
  hdf5::WriteStringAttribute(meta.get(), "created_utc", UtcNow(), path);
  hdf5::EnsureGroup(file, "results", path);
  impl_->Flush();
}

ResultsWriter::~ResultsWriter() = default;

const std::string& ResultsWriter::path() const { return impl_->path; }

void ResultsWriter::WriteNetwork(const NetworkGraph& network) {
  const std::string& path = impl_->path;
  const std::string group_path = "network/" + network.system();
  if (H5Lexists(impl_->file.get(), "network", H5P_DEFAULT) > 0 &&
      H5Lexists(impl_->file.get(), group_path.c_str(), H5P_DEFAULT) > 0) {
    throw Error(fmt::format("{}: network '{}' written twice", path, network.system()));
  }
  hdf5::Handle group = hdf5::EnsureGroup(impl_->file.get(), group_path, path);
  const int n = network.node_count(), m = network.link_count();
  std::vector<std::string> node_ids(n), node_kinds(n), link_ids(m), link_kinds(m), from(m), to(m);
  std::vector<double> xyz(3 * static_cast<size_t>(n)), length(m);
  for (NodeIndex i = 0; i < n; ++i) {
    const NodeProperties& node = network.node(i);
    node_ids[i] = node.id;
    node_kinds[i] = node.kind;
    xyz[3 * i] = node.position.x_m;
    xyz[3 * i + 1] = node.position.y_m;
    xyz[3 * i + 2] = node.position.z_m;
  }
  for (LinkIndex l = 0; l < m; ++l) {
    const LinkProperties& link = network.link(l);
    link_ids[l] = link.id;
    link_kinds[l] = link.kind;
    from[l] = network.node(network.link_from(l)).id;
    to[l] = network.node(network.link_to(l)).id;
    length[l] = link.length_m;
  }
  hdf5::WriteStrings(group.get(), "node_ids", node_ids, path);
  hdf5::WriteStrings(group.get(), "node_kinds", node_kinds, path);
  hdf5::WriteDoubles(group.get(), "node_xyz_m", xyz, {static_cast<hsize_t>(n), 3}, path);
  hdf5::WriteStrings(group.get(), "link_ids", link_ids, path);
  hdf5::WriteStrings(group.get(), "link_kinds", link_kinds, path);
  hdf5::WriteStrings(group.get(), "link_from", from, path);
  hdf5::WriteStrings(group.get(), "link_to", to, path);
  hdf5::WriteDoubles(group.get(), "link_length_m", length, {static_cast<hsize_t>(m)}, path);
  impl_->Flush();
}

void ResultsWriter::DeclareQuantity(const std::string& system, const std::string& quantity,
                                    const std::string& unit,
                                    const std::vector<std::string>& element_ids) {
  const std::string& path = impl_->path;
  Impl::SystemResults& results = impl_->System(system);
  if (results.steps > 0) {
    throw Error(fmt::format("{}: quantity {}/{} declared after the first step", path, system, quantity));
  }
  if (element_ids.empty()) {
    throw Error(fmt::format("{}: quantity {}/{} has no elements", path, system, quantity));
  }
  if (quantity == "time_s" || quantity == "ids" ||
      std::any_of(results.quantities.begin(), results.quantities.end(),
                  [&](const Impl::Quantity& q) { return q.name == quantity; })) {
    throw Error(fmt::format("{}: quantity {}/{} declared twice or reserved", path, system, quantity));
  }
  hdf5::Handle ids = hdf5::EnsureGroup(results.group.get(), "ids", path);
  hdf5::WriteStrings(ids.get(), quantity, element_ids, path);
  Impl::Quantity q{quantity, element_ids,
                   CreateExtendible(results.group.get(), quantity, element_ids.size(), true, path)};
  hdf5::WriteStringAttribute(q.dataset.get(), "unit", unit, path);
  hdf5::WriteStringAttribute(q.dataset.get(), "element_ids", "/results/" + system + "/ids/" + quantity, path);
  hdf5::WriteStringAttribute(q.dataset.get(), "time", "/results/" + system + "/time_s", path);
  results.quantities.push_back(std::move(q));
}

void ResultsWriter::AppendStep(const std::string& system, double time_s,
                               std::span<const QuantityRow> rows) {
  const std::string& path = impl_->path;
  auto it = impl_->systems.find(system);
  if (it == impl_->systems.end()) {
    throw Error(fmt::format("{}: no quantities declared for system '{}'", path, system));
  }
  Impl::SystemResults& results = it->second;
  if (rows.size() != results.quantities.size()) {
    throw Error(fmt::format("{}: step of '{}' has {} quantities, {} declared", path, system, rows.size(),
                            results.quantities.size()));
  }
  // validate everything before writing anything, so a bad row leaves the file as it was
  std::vector<const Impl::Quantity*> targets;
  for (const QuantityRow& row : rows) {
    const auto q = std::find_if(results.quantities.begin(), results.quantities.end(),
                                [&](const Impl::Quantity& candidate) { return candidate.name == row.quantity; });
    if (q == results.quantities.end()) {
      throw Error(fmt::format("{}: quantity {}/{} was not declared", path, system, row.quantity));
    }
    if (row.values.size() != q->element_ids.size()) {
      throw Error(fmt::format("{}: quantity {}/{} row has {} values for {} elements", path, system,
                              row.quantity, row.values.size(), q->element_ids.size()));
    }
    for (size_t k = 0; k < row.values.size(); ++k) {
      if (!std::isfinite(row.values[k])) {
        throw Error::AtElement(system, q->element_ids[k],
                               fmt::format("{} is not finite; not written to {}", row.quantity, path))
            .AtTime(time_s);
      }
    }
    targets.push_back(&*q);
  }
  if (!std::isfinite(time_s)) throw Error(fmt::format("{}: step time is not finite", path));

  const auto row_index = static_cast<hsize_t>(results.steps);
  for (size_t k = 0; k < rows.size(); ++k) {
    AppendRow(targets[k]->dataset.get(), row_index, targets[k]->element_ids.size(), rows[k].values.data(), path);
  }
  // time last: a reader trusts rows up to the length of time_s
  AppendRow(results.time.get(), row_index, 0, &time_s, path);
  ++results.steps;
  impl_->Flush();
}

void ResultsWriter::AppendEvent(const ResultsEvent& event) {
  const std::string& path = impl_->path;
  hdf5::Handle type = EventType(path);
  if (!impl_->events.valid()) {
    const hsize_t dims[1] = {0}, max_dims[1] = {kUnlimited}, chunk[1] = {64};
    hdf5::Handle space = hdf5::Dataspace(H5Screate_simple(1, dims, max_dims), path);
    hdf5::Handle properties = hdf5::Property(H5Pcreate(H5P_DATASET_CREATE), path);
    hdf5::CheckStatus(H5Pset_chunk(properties.get(), 1, chunk), "H5Pset_chunk", path);
    impl_->events = hdf5::Dataset(H5Dcreate2(impl_->file.get(), "events", type.get(), space.get(),
                                             H5P_DEFAULT, properties.get(), H5P_DEFAULT),
                                  path);
  }
  const EventRecord record{event.time_s, event.system.c_str(), event.element.c_str(), event.kind.c_str(),
                           event.message.c_str()};
  const hsize_t row = impl_->event_count, new_dims[1] = {row + 1}, count[1] = {1};
  hdf5::CheckStatus(H5Dset_extent(impl_->events.get(), new_dims), "H5Dset_extent", path);
  hdf5::Handle file_space = hdf5::Dataspace(H5Dget_space(impl_->events.get()), path);
  hdf5::CheckStatus(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &row, nullptr, count, nullptr),
                    "H5Sselect_hyperslab", path);
  hdf5::Handle memory_space = hdf5::Dataspace(H5Screate_simple(1, count, nullptr), path);
  hdf5::CheckStatus(H5Dwrite(impl_->events.get(), type.get(), memory_space.get(), file_space.get(),
                             H5P_DEFAULT, &record),
                    "H5Dwrite", path);
  ++impl_->event_count;
  impl_->Flush();
}

long ResultsWriter::steps(const std::string& system) const {
  const auto it = impl_->systems.find(system);
  return it == impl_->systems.end() ? 0 : it->second.steps;
}

// ---------------------------------------------------------------------------------------------
// Reader

struct ResultsReader::Impl {
  std::string path;
  hdf5::Handle file;

  hdf5::Handle Open(const std::string& group) const {
    if (H5Lexists(file.get(), group.c_str(), H5P_DEFAULT) <= 0) {
      throw Error(fmt::format("{}: no group {}", path, group));
    }
    return hdf5::Group(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT), path);
  }

  std::vector<std::string> Children(const std::string& group) const {
    hdf5::Handle g = Open(group);
    H5G_info_t info{};
    hdf5::CheckStatus(H5Gget_info(g.get(), &info), "H5Gget_info", path);
    std::vector<std::string> names;
    for (hsize_t k = 0; k < info.nlinks; ++k) {
      const ssize_t size = H5Lget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, k, nullptr, 0, H5P_DEFAULT);
      std::string name(static_cast<size_t>(std::max<ssize_t>(size, 0)), '\0');
      H5Lget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, k, name.data(), name.size() + 1, H5P_DEFAULT);
      names.push_back(name);
    }
    return names;
  }
};

ResultsReader::ResultsReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw Error(fmt::format("{}: cannot open as an HDF5 results file", path));
  impl_->file = hdf5::Handle(file, H5Fclose);
}

ResultsReader::~ResultsReader() = default;

std::string ResultsReader::MetaAttribute(const std::string& name) const {
  return hdf5::ReadStringAttribute(impl_->Open("/meta").get(), name, impl_->path);
}

std::vector<std::string> ResultsReader::Systems() const { return impl_->Children("/results"); }

std::vector<std::string> ResultsReader::Quantities(const std::string& system) const {
  std::vector<std::string> names = impl_->Children("/results/" + system);
  std::erase_if(names, [](const std::string& name) { return name == "time_s" || name == "ids"; });
  return names;
}

std::vector<double> ResultsReader::Times_s(const std::string& system) const {
  std::vector<hsize_t> dims;
  return hdf5::ReadDoubles(impl_->file.get(), "/results/" + system + "/time_s", dims, impl_->path);
}

std::vector<std::string> ResultsReader::ElementIds(const std::string& system,
                                                   const std::string& quantity) const {
  return hdf5::ReadStrings(impl_->file.get(), "/results/" + system + "/ids/" + quantity, impl_->path);
}

std::string ResultsReader::Unit(const std::string& system, const std::string& quantity) const {
  hdf5::Handle dataset = hdf5::Dataset(
      H5Dopen2(impl_->file.get(), ("/results/" + system + "/" + quantity).c_str(), H5P_DEFAULT), impl_->path);
  return hdf5::ReadStringAttribute(dataset.get(), "unit", impl_->path);
}

std::vector<double> ResultsReader::Values(const std::string& system, const std::string& quantity,
                                          long& time_count, long& element_count) const {
  std::vector<hsize_t> dims;
  std::vector<double> values =
      hdf5::ReadDoubles(impl_->file.get(), "/results/" + system + "/" + quantity, dims, impl_->path);
  // rows past the length of time_s belong to a step that never completed
  const auto times = static_cast<hsize_t>(Times_s(system).size());
  time_count = static_cast<long>(std::min(dims.at(0), times));
  element_count = static_cast<long>(dims.at(1));
  values.resize(static_cast<size_t>(time_count * element_count));
  return values;
}

std::vector<std::string> ResultsReader::NetworkNodeIds(const std::string& system) const {
  return hdf5::ReadStrings(impl_->file.get(), "/network/" + system + "/node_ids", impl_->path);
}

std::vector<std::string> ResultsReader::NetworkLinkIds(const std::string& system) const {
  return hdf5::ReadStrings(impl_->file.get(), "/network/" + system + "/link_ids", impl_->path);
}

std::vector<std::string> ResultsReader::NetworkSystems() const {
  if (H5Lexists(impl_->file.get(), "/network", H5P_DEFAULT) <= 0) return {};
  return impl_->Children("/network");
}

std::vector<std::string> ResultsReader::NetworkNodeKinds(const std::string& system) const {
  return hdf5::ReadStrings(impl_->file.get(), "/network/" + system + "/node_kinds", impl_->path);
}

std::vector<Point3> ResultsReader::NetworkNodePositions(const std::string& system) const {
  std::vector<hsize_t> dims;
  const std::vector<double> xyz =
      hdf5::ReadDoubles(impl_->file.get(), "/network/" + system + "/node_xyz_m", dims, impl_->path);
  std::vector<Point3> positions(xyz.size() / 3);
  for (size_t k = 0; k < positions.size(); ++k) positions[k] = {xyz[3 * k], xyz[3 * k + 1], xyz[3 * k + 2]};
  return positions;
}

std::vector<std::string> ResultsReader::NetworkLinkKinds(const std::string& system) const {
  return hdf5::ReadStrings(impl_->file.get(), "/network/" + system + "/link_kinds", impl_->path);
}

std::vector<std::string> ResultsReader::NetworkLinkFrom(const std::string& system) const {
  return hdf5::ReadStrings(impl_->file.get(), "/network/" + system + "/link_from", impl_->path);
}

std::vector<std::string> ResultsReader::NetworkLinkTo(const std::string& system) const {
  return hdf5::ReadStrings(impl_->file.get(), "/network/" + system + "/link_to", impl_->path);
}

std::vector<ResultsEvent> ResultsReader::Events() const {
  std::vector<ResultsEvent> events;
  if (H5Lexists(impl_->file.get(), "/events", H5P_DEFAULT) <= 0) return events;
  const std::string& path = impl_->path;
  hdf5::Handle dataset = hdf5::Dataset(H5Dopen2(impl_->file.get(), "/events", H5P_DEFAULT), path);
  hdf5::Handle space = hdf5::Dataspace(H5Dget_space(dataset.get()), path);
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  std::vector<EventRecord> records(static_cast<size_t>(count));
  hdf5::Handle type = EventType(path);
  if (count > 0) {
    hdf5::CheckStatus(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, records.data()),
                      "H5Dread", path);
  }
  for (EventRecord& record : records) {
    events.push_back({record.time_s, record.system ? record.system : "", record.element ? record.element : "",
                      record.kind ? record.kind : "", record.message ? record.message : ""});
  }
  if (count > 0) {
    hdf5::CheckStatus(H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, records.data()),
                      "H5Dvlen_reclaim", path);
  }
  return events;
}

}  // namespace lifeline
