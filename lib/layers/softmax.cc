#include "lib/layers/softmax.h"

#include "lib/activations.h"

namespace nn {

SoftmaxLayer::SoftmaxLayer(std::string name) : Layer(std::move(name)) {}

Var SoftmaxLayer::forward(const std::vector<Var>& inputs, bool) {
  return softmax(single_input(inputs));
}

nlohmann::json SoftmaxLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["axis"] = -1;
  return config;
}

Softmax::Softmax(std::string name) : LayerHandle(std::make_shared<SoftmaxLayer>(std::move(name))) {}

}  // namespace nn
