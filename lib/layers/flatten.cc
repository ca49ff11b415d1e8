#include "lib/layers/flatten.h"

#include "lib/error.h"
#include "lib/text.h"

namespace nn {

FlattenLayer::FlattenLayer(std::vector<std::size_t> input_shape, std::string name)
    : Layer(std::move(name)), input_shape_(std::move(input_shape)) {}

std::optional<std::size_t> FlattenLayer::declared_input_dim() const {
  if (input_shape_.empty()) return std::nullopt;
  std::size_t size = 1;
  for (std::size_t d : input_shape_) size *= d;
  return size;
}

void FlattenLayer::build(const std::vector<std::size_t>& input_dims) {
  if (input_shape_.empty()) input_shape_ = {input_dims.at(0)};
  Layer::build(input_dims);
}

Var FlattenLayer::forward(const std::vector<Var>& inputs, bool) {
  const Var& x = single_input(inputs);
  const std::optional<std::size_t> width = declared_input_dim();
  if (width && x.cols() != *width) {
    std::string shape = "(None";
    for (std::size_t d : input_shape_) shape += ", " + std::to_string(d);
    throw ShapeError("layer " + name() + " (Flatten): expected examples of shape " + shape +
                     "), that is " + count_of(*width, "column") + "; got " +
                     shape_string(x.value()));
  }
  return x;
}

nlohmann::json FlattenLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  if (!input_shape_.empty()) {
    nlohmann::json shape = nlohmann::json::array({nullptr});
    for (std::size_t d : input_shape_) shape.push_back(d);
    config["batch_input_shape"] = shape;
  }
  config["data_format"] = "channels_last";
  return config;
}

Flatten::Flatten(std::vector<std::size_t> input_shape, std::string name)
    : LayerHandle(std::make_shared<FlattenLayer>(std::move(input_shape), std::move(name))) {}

}  // namespace nn
