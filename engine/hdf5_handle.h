// Small RAII wrappers over HDF5 C API identifiers, and the checks that turn a
// failed HDF5 call into an Error naming the call and the file.
//
// Internal to engine/: the results store (and later the sensor archive) use it;
// models never see HDF5.
#pragma once

#include <hdf5.h>

#include <string>
#include <utility>
#include <vector>

namespace lifeline::hdf5 {

// Owns one hid_t and closes it with the matching H5*close.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  ~Handle() { Reset(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      Reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      closer_ = other.closer_;
    }
    return *this;
  }
  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  void Reset() {
    if (id_ >= 0 && closer_ != nullptr) closer_(id_);
    id_ = H5I_INVALID_HID;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// Throw an Error "<path>: <call> failed" when id < 0 / status < 0.
hid_t Check(hid_t id, const char* call, const std::string& path);
void CheckStatus(herr_t status, const char* call, const std::string& path);

Handle File(hid_t id, const std::string& path);
Handle Group(hid_t id, const std::string& path);
Handle Dataset(hid_t id, const std::string& path);
Handle Dataspace(hid_t id, const std::string& path);
Handle Datatype(hid_t id, const std::string& path);
Handle Property(hid_t id, const std::string& path);
Handle Attribute(hid_t id, const std::string& path);

// A variable-length UTF-8 string type.
Handle StringType(const std::string& path);

// Creates the groups along a '/'-separated path below location (like mkdir -p).
Handle EnsureGroup(hid_t location, const std::string& group_path, const std::string& file_path);

void WriteStringAttribute(hid_t object, const std::string& name, const std::string& value,
                          const std::string& file_path);
std::string ReadStringAttribute(hid_t object, const std::string& name, const std::string& file_path);

// 1D datasets of strings and doubles written once.
void WriteStrings(hid_t location, const std::string& name, const std::vector<std::string>& values,
                  const std::string& file_path);
void WriteDoubles(hid_t location, const std::string& name, const std::vector<double>& values,
                  const std::vector<hsize_t>& dims, const std::string& file_path);
std::vector<std::string> ReadStrings(hid_t location, const std::string& name,
                                     const std::string& file_path);
// Reads a whole dataset of doubles; dims receives its shape.
std::vector<double> ReadDoubles(hid_t location, const std::string& name, std::vector<hsize_t>& dims,
                                const std::string& file_path);

}  // namespace lifeline::hdf5
