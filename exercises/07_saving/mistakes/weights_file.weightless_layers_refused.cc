// Mistake: throws on a layer with no weights (an InputLayer, a Flatten) instead of skipping it.
#include "exercises/07_saving/weights_file.h"

#include <algorithm>

#include "lib/error.h"
#include "lib/io/hdf5.h"

namespace exercises {

void write_dense_weights(const std::vector<DenseWeights>& layers, const std::string& path) {
  nn::h5::File file = nn::h5::File::create(path);
  {
    const nn::h5::Group root = file.root();
    std::vector<std::string> names;
    for (const DenseWeights& layer : layers) names.push_back(layer.name);
    root.set_strings_attribute("layer_names", names);
    for (const DenseWeights& layer : layers) {
      const std::string kernel = layer.name + "/kernel:0", bias = layer.name + "/bias:0";
      const nn::h5::Group group = root.create_group(layer.name);
      group.set_strings_attribute("weight_names", {kernel, bias});
      group.write(kernel, {layer.kernel.shape(0), layer.kernel.shape(1)}, layer.kernel.data());
      group.write(bias, {layer.bias.size()}, layer.bias.data());
    }
  }
  file.close();
}

std::vector<DenseWeights> read_dense_weights(const std::string& path) {
  const nn::h5::File file = nn::h5::File::open(path);
  const nn::h5::Group root = file.root();
  std::vector<DenseWeights> layers;
  for (const std::string& name : root.strings_attribute("layer_names")) {
    const nn::h5::Group group = root.group(name);
    const std::vector<std::string> weights = group.strings_attribute("weight_names");

    if (weights.size() != 2) {
      throw nn::DataError(path + ": layer " + name + " has " + std::to_string(weights.size()) +
                          " weights, not a kernel and a bias");
    }
    const nn::h5::Array kernel = group.read(weights[0]);
    const nn::h5::Array bias = group.read(weights[1]);
    if (kernel.shape.size() != 2) {
      throw nn::DataError(path + ": layer " + name + ": the kernel is not 2-D");
    }
    if (bias.shape.size() != 1 || bias.shape[0] != kernel.shape[1]) {
      throw nn::DataError(path + ": layer " + name + ": the bias does not fit the kernel");
    }
    DenseWeights layer{name, nn::Tensor::from_shape({kernel.shape[0], kernel.shape[1]}),
                       nn::Vector::from_shape({bias.shape[0]})};
    std::copy(kernel.values.begin(), kernel.values.end(), layer.kernel.begin());
    std::copy(bias.values.begin(), bias.values.end(), layer.bias.begin());
    layers.push_back(std::move(layer));
  }
  return layers;
}

}  // namespace exercises
