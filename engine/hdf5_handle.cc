// HDF5 helpers (see hdf5_handle.h).
#include "engine/hdf5_handle.h"

#include <fmt/format.h>

#include <sstream>

#include "engine/error.h"

namespace lifeline::hdf5 {

hid_t Check(hid_t id, const char* call, const std::string& path) {
  if (id < 0) throw Error(fmt::format("{}: HDF5 {} failed", path, call));
  return id;
}

void CheckStatus(herr_t status, const char* call, const std::string& path) {
  if (status < 0) throw Error(fmt::format("{}: HDF5 {} failed", path, call));
}

Handle File(hid_t id, const std::string& path) { return {Check(id, "H5F", path), H5Fclose}; }
Handle Group(hid_t id, const std::string& path) { return {Check(id, "H5G", path), H5Gclose}; }
Handle Dataset(hid_t id, const std::string& path) { return {Check(id, "H5D", path), H5Dclose}; }
Handle Dataspace(hid_t id, const std::string& path) { return {Check(id, "H5S", path), H5Sclose}; }
Handle Datatype(hid_t id, const std::string& path) { return {Check(id, "H5T", path), H5Tclose}; }
Handle Property(hid_t id, const std::string& path) { return {Check(id, "H5P", path), H5Pclose}; }
Handle Attribute(hid_t id, const std::string& path) { return {Check(id, "H5A", path), H5Aclose}; }

Handle StringType(const std::string& path) {
  Handle type = Datatype(H5Tcopy(H5T_C_S1), path);
  CheckStatus(H5Tset_size(type.get(), H5T_VARIABLE), "H5Tset_size", path);
  CheckStatus(H5Tset_cset(type.get(), H5T_CSET_UTF8), "H5Tset_cset", path);
  return type;
}

Handle EnsureGroup(hid_t location, const std::string& group_path, const std::string& file_path) {
  Handle current = Group(H5Gopen2(location, ".", H5P_DEFAULT), file_path);
  std::stringstream parts(group_path);
  std::string part;
  while (std::getline(parts, part, '/')) {
    if (part.empty()) continue;
    const htri_t exists = H5Lexists(current.get(), part.c_str(), H5P_DEFAULT);
    current = Group(exists > 0 ? H5Gopen2(current.get(), part.c_str(), H5P_DEFAULT)
                               : H5Gcreate2(current.get(), part.c_str(), H5P_DEFAULT, H5P_DEFAULT,
                                            H5P_DEFAULT),
                    file_path);
  }
  return current;
}

void WriteStringAttribute(hid_t object, const std::string& name, const std::string& value,
                          const std::string& file_path) {
  Handle type = StringType(file_path);
  Handle space = Dataspace(H5Screate(H5S_SCALAR), file_path);
  if (H5Aexists(object, name.c_str()) > 0) CheckStatus(H5Adelete(object, name.c_str()), "H5Adelete", file_path);
  Handle attribute =
      Attribute(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                file_path);
  const char* text = value.c_str();
  CheckStatus(H5Awrite(attribute.get(), type.get(), &text), "H5Awrite", file_path);
}

std::string ReadStringAttribute(hid_t object, const std::string& name, const std::string& file_path) {
  if (H5Aexists(object, name.c_str()) <= 0) {
    throw Error(fmt::format("{}: attribute '{}' is missing", file_path, name));
  }
  Handle attribute = Attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), file_path);
  Handle type = StringType(file_path);
  char* text = nullptr;
  CheckStatus(H5Aread(attribute.get(), type.get(), &text), "H5Aread", file_path);
  std::string value = text ? text : "";
  H5free_memory(text);
  return value;
}

void WriteStrings(hid_t location, const std::string& name, const std::vector<std::string>& values,
                  const std::string& file_path) {
  Handle type = StringType(file_path);
  const hsize_t count = values.size();
  Handle space = Dataspace(H5Screate_simple(1, &count, nullptr), file_path);
  Handle dataset = Dataset(H5Dcreate2(location, name.c_str(), type.get(), space.get(), H5P_DEFAULT,
                                      H5P_DEFAULT, H5P_DEFAULT),
                           file_path);
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& value : values) pointers.push_back(value.c_str());
  if (!values.empty()) {
    CheckStatus(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
                "H5Dwrite", file_path);
  }
}

void WriteDoubles(hid_t location, const std::string& name, const std::vector<double>& values,
                  const std::vector<hsize_t>& dims, const std::string& file_path) {
  Handle space = Dataspace(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), file_path);
  Handle dataset = Dataset(H5Dcreate2(location, name.c_str(), H5T_NATIVE_DOUBLE, space.get(),
                                      H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                           file_path);
  if (!values.empty()) {
    CheckStatus(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                "H5Dwrite", file_path);
  }
}

std::vector<std::string> ReadStrings(hid_t location, const std::string& name,
                                     const std::string& file_path) {
  Handle dataset = Dataset(H5Dopen2(location, name.c_str(), H5P_DEFAULT), file_path + ":" + name);
  Handle space = Dataspace(H5Dget_space(dataset.get()), file_path);
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  std::vector<char*> pointers(static_cast<size_t>(count), nullptr);
  Handle type = StringType(file_path);
  if (count > 0) {
    CheckStatus(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
                "H5Dread", file_path);
  }
  std::vector<std::string> values;
  values.reserve(pointers.size());
  for (char* pointer : pointers) {
    values.emplace_back(pointer ? pointer : "");
    H5free_memory(pointer);
  }
  return values;
}

std::vector<double> ReadDoubles(hid_t location, const std::string& name, std::vector<hsize_t>& dims,
                                const std::string& file_path) {
  Handle dataset = Dataset(H5Dopen2(location, name.c_str(), H5P_DEFAULT), file_path + ":" + name);
  Handle space = Dataspace(H5Dget_space(dataset.get()), file_path);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  dims.assign(static_cast<size_t>(std::max(rank, 0)), 0);
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  hsize_t count = 1;
  for (hsize_t d : dims) count *= d;
  std::vector<double> values(count);
  if (count > 0) {
    CheckStatus(H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                "H5Dread", file_path);
  }
  return values;
}

}  // namespace lifeline::hdf5
