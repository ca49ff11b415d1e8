#include "lib/layers/dropout.h"

#include "lib/error.h"
#include "lib/initializers.h"

namespace nn {

DropoutLayer::DropoutLayer(double rate, std::optional<std::uint64_t> seed, std::string name)
    : Layer(std::move(name)), rate_(rate), seed_(seed), rng_(seed ? *seed : draw_seed()) {
  if (!(rate >= 0.0 && rate < 1.0)) {
    throw ValueError("Dropout: rate must be in [0, 1), got " + std::to_string(rate));
  }
}

Var DropoutLayer::forward(const std::vector<Var>& inputs, bool training) {
  const Var& x = single_input(inputs);
  if (!training || rate_ == 0.0) return x;
  // m: 0 for a dropped input, 1 / (1 − rate) for a kept one. (batch, features)
  const float keep_scale = static_cast<float>(1.0 / (1.0 - rate_));
  Tensor m = Tensor::from_shape(x.value().shape());
  for (float& v : m) v = rng_.uniform() >= rate_ ? keep_scale : 0.0f;
  Tensor y = x.value() * m;
  return Var::from_op(std::move(y), {x}, "dropout",
                      [x, m = std::move(m)](const Tensor&, const Tensor& dy) {
                        x.accumulate_grad(dy * m);  // dx += dy ⊙ m
                      });
}

nlohmann::json DropoutLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["rate"] = rate_;
  config["noise_shape"] = nullptr;
  config["seed"] = seed_ ? nlohmann::json(*seed_) : nlohmann::json(nullptr);
  return config;
}

Dropout::Dropout(double rate, std::optional<std::uint64_t> seed, std::string name)
    : LayerHandle(std::make_shared<DropoutLayer>(rate, seed, std::move(name))) {}

}  // namespace nn
