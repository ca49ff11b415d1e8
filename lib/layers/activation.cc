#include "lib/layers/activation.h"

namespace nn {

ActivationLayer::ActivationLayer(const std::string& activation, std::string name)
    : Layer(std::move(name)),
      activation_name_(activation.empty() ? "linear" : activation),
      activation_(activation_by_name(activation)) {}

Var ActivationLayer::forward(const std::vector<Var>& inputs, bool) {
  return activation_(single_input(inputs));
}

nlohmann::json ActivationLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["activation"] = activation_name_;
  return config;
}

Activation::Activation(const std::string& activation, std::string name)
    : LayerHandle(std::make_shared<ActivationLayer>(activation, std::move(name))) {}

}  // namespace nn
