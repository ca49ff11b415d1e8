#include "exercises/07_saving/weights_file.h"

#include "lib/io/hdf5.h"

namespace exercises {

void write_dense_weights(const std::vector<DenseWeights>& layers, const std::string& path) {
  // TODO: nn::h5::File::create(path); on its root(), the layer_names attribute, then one
  // group per layer with its weight_names and two datasets; finally file.close().
  (void)layers;
  (void)path;
}

std::vector<DenseWeights> read_dense_weights(const std::string& path) {
  // TODO: nn::h5::File::open(path), read layer_names, and for each layer with weights read
  // the kernel and bias named in its weight_names (Group::read gives shape and values).
  (void)path;
  return {};
}

}  // namespace exercises
