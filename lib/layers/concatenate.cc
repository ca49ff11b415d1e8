#include "lib/layers/concatenate.h"

#include "lib/error.h"

namespace nn {

ConcatenateLayer::ConcatenateLayer(std::string name) : Layer(std::move(name)) {}

std::size_t ConcatenateLayer::output_dim(const std::vector<std::size_t>& input_dims) const {
  std::size_t width = 0;
  for (std::size_t d : input_dims) width += d;
  return width;
}

Var ConcatenateLayer::forward(const std::vector<Var>& inputs, bool) {
  if (inputs.empty()) throw Error("layer " + name() + " (Concatenate) called on no inputs");
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    if (inputs[i].rows() != inputs[0].rows()) {
      throw ShapeError("layer " + name() + " (Concatenate): input " + std::to_string(i) + " is " +
                       shape_string(inputs[i].value()) + " but input 0 is " +
                       shape_string(inputs[0].value()) +
                       "; the inputs need the same batch size (rows)");
    }
  }
  return concat(inputs);
}

nlohmann::json ConcatenateLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["axis"] = -1;
  return config;
}

Concatenate::Concatenate(std::string name)
    : LayerHandle(std::make_shared<ConcatenateLayer>(std::move(name))) {}

SymbolicTensor Concatenate::operator()(const std::vector<SymbolicTensor>& inputs) const {
  return call_layer(layer_, inputs);
}

SymbolicTensor concatenate(const std::vector<SymbolicTensor>& inputs, std::string name) {
  return Concatenate(std::move(name))(inputs);
}

}  // namespace nn
