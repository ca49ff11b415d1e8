// The attributes and datasets of a group (lib/io/hdf5.h); files and groups are in hdf5.cc.
#include <algorithm>
#include <cstdint>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/hdf5_values.h"

namespace nn::h5 {
namespace {

constexpr std::size_t kMaxValues = std::size_t{1} << 31;  // 8 GiB of floats: surely corrupt

herr_t collect_attribute(hid_t, const char* name, const H5A_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->push_back(name);
  return 0;
}

}  // namespace

// ---- attributes ----

bool Group::has_attribute(const std::string& name) const {
  return H5Aexists(handle_.get(), name.c_str()) > 0;
}

std::vector<std::string> Group::attribute_names() const {
  std::vector<std::string> names;
  hsize_t index = 0;
  if (H5Aiterate2(handle_.get(), H5_INDEX_NAME, H5_ITER_NATIVE, &index, collect_attribute, &names) <
      0) {
    fail("cannot list the attributes of " + path_);
  }
  return names;
}

std::vector<std::string> Group::read_attribute_strings(const std::string& name) const {
  Handle attribute(H5Aopen(handle_.get(), name.c_str(), H5P_DEFAULT), H5Aclose);
  if (attribute.get() < 0) fail("cannot open the attribute " + name + " of " + path_);
  try {
    return read_strings(attribute.get());
  } catch (const Error& e) {
    throw DataError(file_ + ": attribute " + name + " of " + path_ + ": " + e.what());
  }
}

std::string Group::string_attribute(const std::string& name) const {
  if (!has_attribute(name)) throw DataError(file_ + ": " + path_ + " has no attribute " + name);
  const std::vector<std::string> values = read_attribute_strings(name);
  if (values.size() != 1) {
    throw DataError(file_ + ": attribute " + name + " of " + path_ + " holds " +
                    std::to_string(values.size()) + " strings, expected one");
  }
  return values[0];
}

std::vector<std::string> Group::strings_attribute(const std::string& name) const {
  std::vector<std::string> names;
  if (has_attribute(name)) {
    names.push_back(name);
  } else {  // Keras splits a long list into name0, name1, ... (each under HDF5's 64 KiB)
    for (int chunk = 0; has_attribute(name + std::to_string(chunk)); ++chunk) {
      names.push_back(name + std::to_string(chunk));
    }
  }
  if (names.empty()) throw DataError(file_ + ": " + path_ + " has no attribute " + name);
  std::vector<std::string> values;
  for (const std::string& part : names) {
    for (std::string& value : read_attribute_strings(part)) values.push_back(std::move(value));
  }
  return values;
}

void Group::set_string_attribute(const std::string& name, const std::string& value) const {
  if (has_attribute(name) && H5Adelete(handle_.get(), name.c_str()) < 0) {
    fail("cannot replace the attribute " + name);
  }
  // Fixed-length bytes, as Keras writes them through h5py 3; a text too long for HDF5's
  // 64 KiB attribute header goes to the global heap as a variable-length string instead.
  const bool fits = value.size() <= 64000;
  Handle type = fits ? Handle(H5Tcopy(H5T_C_S1), H5Tclose) : variable_string_type();
  if (fits && (H5Tset_size(type.get(), std::max<std::size_t>(value.size(), 1)) < 0 ||
               H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0)) {
    fail("cannot make a string type for the attribute " + name);
  }
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  Handle attribute(
      H5Acreate2(handle_.get(), name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
      H5Aclose);
  const char* text = value.c_str();
  const std::string padded = value.empty() ? std::string(1, '\0') : value;
  const void* data = fits ? static_cast<const void*>(padded.data()) : &text;
  if (attribute.get() < 0 || H5Awrite(attribute.get(), type.get(), data) < 0) {
    fail("cannot write the attribute " + name + " of " + path_);
  }
}

void Group::set_strings_attribute(const std::string& name,
                                  const std::vector<std::string>& values) const {
  for (const auto& [chunk_name, chunk] : keras_chunks(name, values)) {
    if (!write_strings(handle_.get(), chunk_name, chunk)) {
      fail("cannot write the attribute " + chunk_name + " of " + path_);
    }
  }
}

// ---- datasets ----

Array Group::read(const std::string& name) const {
  if (!has(name)) {
    throw DataError(file_ + ": no dataset " + child_path(name) + " (the file says it holds one)");
  }
  Handle dataset(H5Dopen2(handle_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (dataset.get() < 0) fail("cannot open the dataset " + child_path(name));
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  const H5T_class_t type_class = H5Tget_class(type.get());
  if (type_class != H5T_FLOAT && type_class != H5T_INTEGER) {
    throw DataError(file_ + ": dataset " + child_path(name) + " does not hold numbers");
  }
  Handle space(H5Dget_space(dataset.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0 || rank > 8) fail("dataset " + child_path(name) + " has a damaged shape");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0 && H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr) < 0) {
    fail("cannot read the shape of " + child_path(name));
  }
  Array array;
  std::size_t count = 1;
  for (hsize_t d : dims) {
    if (d > kMaxValues || (d > 0 && count > kMaxValues / d)) {
      throw DataError(file_ + ": dataset " + child_path(name) + " claims an impossible size");
    }
    count *= static_cast<std::size_t>(d);
    array.shape.push_back(static_cast<std::size_t>(d));
  }
  array.values.resize(count);
  if (count > 0 && H5Dread(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           array.values.data()) < 0) {
    fail("cannot read the dataset " + child_path(name));
  }
  return array;
}

std::int64_t Group::read_int64(const std::string& name) const {
  if (!has(name)) throw DataError(file_ + ": no dataset " + child_path(name));
  Handle dataset(H5Dopen2(handle_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (dataset.get() < 0) fail("cannot open the dataset " + child_path(name));
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  Handle space(H5Dget_space(dataset.get()), H5Sclose);
  if (H5Tget_class(type.get()) != H5T_INTEGER || H5Sget_simple_extent_npoints(space.get()) != 1) {
    throw DataError(file_ + ": dataset " + child_path(name) + " is not one integer");
  }
  std::int64_t value = 0;
  if (H5Dread(dataset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value) < 0) {
    fail("cannot read the dataset " + child_path(name));
  }
  return value;
}

Handle Group::create_dataset(const std::string& name, const std::vector<std::size_t>& shape,
                             hid_t type) const {
  if (name.find('/') != std::string::npos) {   // "dense/kernel:0": kernel:0 in group dense
    const std::size_t first = name.find('/');  // one level at a time: "Adam/dense/kernel/m:0"
    const std::string child = name.substr(0, first);
    const Group group = has_group(child) ? this->group(child) : create_group(child);
    return group.create_dataset(name.substr(first + 1), shape, type);
  }
  const Handle untimed = property_list(
      H5P_DATASET_CREATE, [](hid_t list) { return H5Pset_obj_track_times(list, 0); },
      file_ + ": cannot create the dataset " + child_path(name));
  const std::vector<hsize_t> dims(shape.begin(), shape.end());
  Handle space(dims.empty() ? H5Screate(H5S_SCALAR)
                            : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
               H5Sclose);
  Handle dataset(H5Dcreate2(handle_.get(), name.c_str(), type, space.get(), H5P_DEFAULT,
                            untimed.get(), H5P_DEFAULT),
                 H5Dclose);
  if (dataset.get() < 0) fail("cannot create the dataset " + child_path(name));
  return dataset;
}

void Group::write(const std::string& name, const std::vector<std::size_t>& shape,
                  const float* values) const {
  const Handle dataset = create_dataset(name, shape, H5T_IEEE_F32LE);
  std::size_t count = 1;
  for (std::size_t d : shape) count *= d;
  if (count > 0 &&
      H5Dwrite(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0) {
    fail("cannot write the dataset " + child_path(name));
  }
}

void Group::write_int64(const std::string& name, std::int64_t value) const {
  const Handle dataset = create_dataset(name, {}, H5T_STD_I64LE);
  if (H5Dwrite(dataset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value) < 0) {
    fail("cannot write the dataset " + child_path(name));
  }
}

std::string Group::describe_attribute(const std::string& name) const {
  Handle attribute(H5Aopen(handle_.get(), name.c_str(), H5P_DEFAULT), H5Aclose);
  if (attribute.get() < 0) fail("cannot open the attribute " + name + " of " + path_);
  try {
    return describe_value(attribute.get(), false);
  } catch (const Error& e) {
    return std::string("(unreadable: ") + e.what() + ")";
  }
}

std::string Group::describe_dataset(const std::string& name) const {
  Handle dataset(H5Dopen2(handle_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (dataset.get() < 0) fail("cannot open the dataset " + child_path(name));
  return describe_value(dataset.get(), true);
}

}  // namespace nn::h5
