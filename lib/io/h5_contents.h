#pragma once
// What an HDF5 file holds, read from the file itself: every group and dataset, depth first in
// name order (as h5py's visititems walks it), with its attributes. Chapter 7 prints a saved
// model this way; it is also a handy look inside any .h5 file.
//
//   /                       @keras_version = "2.15.0"  @model_config = "{\"class_name\": ..."
//   /model_weights          @layer_names = ["dense", "dense_1"]
//   /model_weights/dense/dense/kernel:0    float32 (4, 8)

#include <string>
#include <utility>
#include <vector>

namespace nn::h5 {

/// One group or dataset of a file.
struct Entry {
  std::string path;  ///< "/", "/model_weights/dense/dense/kernel:0"
  bool is_group;     ///< a group (else a dataset)
  std::string type;  ///< a dataset's type and shape, "float32 (4, 8)"; "" for a group
  /// Its attributes, in the file's order: name and a short description of the value.
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// Every group and dataset of the file at `path`, the root first. DataError if it cannot be
/// read.
std::vector<Entry> list_contents(const std::string& path);

/// The listing as text, one line per group or dataset and one per attribute, indented by
/// depth, long strings cut to `width` characters.
std::string format_contents(const std::vector<Entry>& entries, std::size_t width = 100);

}  // namespace nn::h5
