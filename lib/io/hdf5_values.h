#pragma once
// The fiddly part of HDF5 for model files: strings, which come in two kinds (fixed-length
// byte strings, as Keras writes its lists of names, and variable-length strings, as h5py
// writes a Python str), and short descriptions of stored values for listings. Used by
// lib/io/hdf5.cc; every function checks HDF5's return values.

#include <hdf5.h>

#include <string>
#include <utility>
#include <vector>

#include "lib/io/hdf5.h"

namespace nn::h5 {

/// The strings an attribute holds, whichever kind; an empty numeric array gives {}.
/// Throws DataError if it holds something else or HDF5 cannot read it.
std::vector<std::string> read_strings(hid_t attribute);

/// A new property list of this kind (H5P_FILE_ACCESS, H5P_GROUP_CREATE, ...) with `set`
/// applied to it; DataError with `what` and HDF5's reason if either step fails.
Handle property_list(hid_t kind, herr_t (*set)(hid_t), const std::string& what);

/// A variable-length UTF-8 string type (h5py's type for a Python str).
Handle variable_string_type();

/// Writes `values` as a 1-D fixed-length byte-string attribute `name` of `object` (an empty
/// list as an empty float64 array, as Keras does). Returns false if HDF5 fails.
bool write_strings(hid_t object, const std::string& name, const std::vector<std::string>& values);

/// Keras's split of a long list of names: (name, values) if it fits HDF5's 64512-byte
/// attribute limit, else (name0, part), (name1, part), ... in numpy.array_split's sizes.
std::vector<std::pair<std::string, std::vector<std::string>>> keras_chunks(
    const std::string& name, const std::vector<std::string>& values);

/// A short description of an attribute's or a dataset's value: `"text"`, `["a", "b"]`,
/// `float32 (16, 64)`, `int64 ()`. Long strings are cut, with their length given.
std::string describe_value(hid_t object, bool is_dataset);

}  // namespace nn::h5
