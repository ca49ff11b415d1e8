#include "lib/layers/relu.h"

#include "lib/error.h"

namespace nn {

ReLULayer::ReLULayer(std::optional<double> max_value, double negative_slope, double threshold,
                     std::string name)
    : Layer(std::move(name)),
      max_value_(max_value),
      negative_slope_(negative_slope),
      threshold_(threshold) {
  if (max_value && !(*max_value >= 0.0)) {
    throw ValueError("ReLU: max_value must be >= 0, got " + std::to_string(*max_value));
  }
  if (!(negative_slope >= 0.0)) {
    throw ValueError(class_name() + ": negative_slope must be >= 0, got " +
                     std::to_string(negative_slope));
  }
}

Var ReLULayer::forward(const std::vector<Var>& inputs, bool) {
  const Var& x = single_input(inputs);  // (batch, features)
  const float slope = static_cast<float>(negative_slope_);
  const float threshold = static_cast<float>(threshold_);
  const float cap = max_value_ ? static_cast<float>(*max_value_) : 0.0f;
  Tensor y = Tensor::from_shape(x.value().shape());
  Tensor derivative = Tensor::from_shape(x.value().shape());  // y'(x), for backward
  auto in = x.value().begin();
  auto d = derivative.begin();
  for (float& out : y) {
    const float v = *in++;
    if (max_value_ && v >= cap) {
      out = cap, *d++ = 0.0f;
    } else if (v >= threshold) {
      out = v, *d++ = 1.0f;
    } else {
      out = slope * (v - threshold), *d++ = slope;
    }
  }
  return Var::from_op(std::move(y), {x}, "relu_layer",
                      [x, derivative = std::move(derivative)](const Tensor&, const Tensor& dy) {
                        x.accumulate_grad(dy * derivative);  // dx += dy ⊙ y'(x)
                      });
}

nlohmann::json ReLULayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["max_value"] = max_value_ ? nlohmann::json(*max_value_) : nlohmann::json(nullptr);
  config["negative_slope"] = negative_slope_;
  config["threshold"] = threshold_;
  return config;
}

LeakyReLULayer::LeakyReLULayer(double negative_slope, std::string name)
    : ReLULayer(std::nullopt, negative_slope, 0.0, std::move(name)) {}

nlohmann::json LeakyReLULayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["negative_slope"] = negative_slope();
  return config;
}

ReLU::ReLU(std::optional<double> max_value, double negative_slope, double threshold,
           std::string name)
    : LayerHandle(
          std::make_shared<ReLULayer>(max_value, negative_slope, threshold, std::move(name))) {}

LeakyReLU::LeakyReLU(double negative_slope, std::string name)
    : LayerHandle(std::make_shared<LeakyReLULayer>(negative_slope, std::move(name))) {}

}  // namespace nn
