#include "lib/io/hdf5.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "lib/atomic_file.h"
#include "lib/error.h"
#include "lib/io/hdf5_guard.h"
#include "lib/io/hdf5_values.h"

namespace nn::h5 {
namespace {

void silence() {
  // HDF5 prints its whole error stack to stderr by default; we report errors ourselves.
  static const bool silenced = H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0;
  (void)silenced;
}

herr_t keep_innermost(unsigned, const H5E_error2_t* error, void* message) {
  if (error->desc != nullptr && error->desc[0] != '\0') {
    *static_cast<std::string*>(message) = error->desc;
  }
  return 0;
}

herr_t collect_name(hid_t, const char* name, const H5L_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->push_back(name);
  return 0;
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

Handle::Handle(Handle&& other) noexcept : id_(other.id_), close_(other.close_) {
  other.id_ = H5I_INVALID_HID;
}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    close_ = other.close_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

herr_t Handle::reset() {
  herr_t status = 0;
  if (id_ >= 0 && close_ != nullptr) status = close_(id_);
  id_ = H5I_INVALID_HID;
  return status;
}

std::string last_error() {
  std::string message;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, keep_innermost, &message);
  H5Eclear2(H5E_DEFAULT);
  // A failed read or write says "file write failed: time = ..., buf = 0x..., error message =
  // 'File too large', ...": keep what failed and the system's reason.
  const std::string marker = "error message = '";
  const std::size_t at = message.find(marker);
  if (at != std::string::npos) {
    const std::size_t start = at + marker.size();
    const std::size_t end = message.find('\'', start);
    message = message.substr(0, message.find(':')) + ": " + message.substr(start, end - start);
  }
  return message;
}

bool looks_like_hdf5(const std::string& path) {
  static const char kSignature[8] = {'\211', 'H', 'D', 'F', '\r', '\n', '\032', '\n'};
  std::ifstream in(path, std::ios::binary);
  char bytes[8];
  for (std::streamoff offset = 0; in; offset = offset == 0 ? 512 : offset * 2) {
    in.seekg(offset);
    if (!in.read(bytes, 8)) return false;
    if (std::memcmp(bytes, kSignature, 8) == 0) return true;
  }
  return false;
}

// ---- files ----

File File::open(const std::string& path) {
  silence();
  if (!std::ifstream(path).good()) throw DataError(path + ": cannot open: no such file");
  if (!looks_like_hdf5(path)) {
    throw DataError(path + ": not an HDF5 file (no HDF5 signature); is it a model file?");
  }
  check_in_child(path);
  return open_unchecked(path);
}

File File::open_unchecked(const std::string& path) {
  silence();
  const Handle access = property_list(
      H5P_FILE_ACCESS, [](hid_t list) { return H5Pset_fclose_degree(list, H5F_CLOSE_STRONG); },
      path + ": cannot set up HDF5");
  Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get()), H5Fclose);
  if (file.get() < 0) {
    throw DataError(path + ": cannot open as HDF5 (truncated or damaged?): " + last_error());
  }
  return File(path, std::move(file), false);
}

File File::create(const std::string& path) {
  silence();
  // In memory, growing by 1 MiB, never written by HDF5 itself (no backing store).
  const Handle access = property_list(
      H5P_FILE_ACCESS,
      [](hid_t list) {
        const herr_t closing = H5Pset_fclose_degree(list, H5F_CLOSE_STRONG);
        return closing < 0 ? closing : H5Pset_fapl_core(list, std::size_t{1} << 20, 0);
      },
      path + ": cannot create in memory");
  Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()), H5Fclose);
  if (file.get() < 0) throw DataError(path + ": cannot create: " + last_error());
  return File(path, std::move(file), true);
}

Group File::root() const {
  Handle group(H5Gopen2(handle_->get(), "/", H5P_DEFAULT), H5Gclose);
  if (group.get() < 0) throw DataError(path_ + ": cannot open the root group: " + last_error());
  return Group(path_, "/", handle_, std::move(group));
}

void File::close() {
  if (handle_->get() < 0) return;
  std::string image;
  if (created_) {  // the file's bytes, as they would be on disk
    const hid_t id = handle_->get();
    const ssize_t size =
        H5Fflush(id, H5F_SCOPE_GLOBAL) < 0 ? -1 : H5Fget_file_image(id, nullptr, 0);
    image.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
    if (size <= 0 || H5Fget_file_image(id, image.data(), image.size()) != size) {
      handle_->reset();
      throw DataError(path_ + ": cannot make the file: " + last_error());
    }
  }
  if (handle_->reset() < 0) throw DataError(path_ + ": cannot close the file: " + last_error());
  if (!created_) return;
  try {
    write_file_atomically(path_, image);
  } catch (const Error& e) {
    std::string reason = e.what();  // "cannot write 'PATH': write failed: File too large"
    const std::string prefix = "cannot write '" + path_ + "': ";
    if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
    throw DataError(path_ + ": not saved, the previous file (if any) is unchanged: " + reason);
  }
}

// ---- groups ----

void Group::fail(const std::string& what) const {
  const std::string reason = last_error();
  throw DataError(file_ + ": " + what + (reason.empty() ? "" : ": " + reason));
}

std::string Group::child_path(const std::string& name) const {
  return path_ == "/" ? "/" + name : path_ + "/" + name;
}

bool Group::has(const std::string& name) const {
  std::string prefix;
  for (const std::string& part : split(name)) {
    prefix += (prefix.empty() ? "" : "/") + part;
    if (H5Lexists(handle_.get(), prefix.c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return !prefix.empty();
}

bool Group::has_group(const std::string& name) const {
  if (!has(name)) return false;
  Handle object(H5Oopen(handle_.get(), name.c_str(), H5P_DEFAULT), H5Oclose);
  return object.get() >= 0 && H5Iget_type(object.get()) == H5I_GROUP;
}

std::vector<std::string> Group::children() const {
  std::vector<std::string> names;
  if (H5Literate(handle_.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_name, &names) < 0) {
    fail("cannot list the group " + path_);
  }
  return names;
}

Group Group::group(const std::string& name) const {
  if (!has_group(name)) {
    H5Eclear2(H5E_DEFAULT);
    throw DataError(file_ + ": no group " + child_path(name));
  }
  Handle group(H5Gopen2(handle_.get(), name.c_str(), H5P_DEFAULT), H5Gclose);
  if (group.get() < 0) fail("cannot open the group " + child_path(name));
  return Group(file_, child_path(name), file_handle_, std::move(group));
}

Group Group::create_group(const std::string& name) const {
  // No time stamps: the same model, the same bytes.
  const Handle untimed = property_list(
      H5P_GROUP_CREATE, [](hid_t list) { return H5Pset_obj_track_times(list, 0); },
      file_ + ": cannot create the group " + child_path(name));
  Handle group(H5Gcreate2(handle_.get(), name.c_str(), H5P_DEFAULT, untimed.get(), H5P_DEFAULT),
               H5Gclose);
  if (group.get() < 0) fail("cannot create the group " + child_path(name));
  return Group(file_, child_path(name), file_handle_, std::move(group));
}

}  // namespace nn::h5
