#include "lib/optimizers/adamw.h"

#include <xtensor/xnoalias.hpp>

#include "lib/error.h"

namespace nn {

AdamW::AdamW(double learning_rate, double weight_decay, double beta_1, double beta_2,
             double epsilon)
    : Adam(learning_rate, beta_1, beta_2, epsilon), weight_decay_(weight_decay) {
  if (!(weight_decay >= 0.0)) {
    throw ValueError("AdamW: weight_decay must be >= 0, got " + std::to_string(weight_decay));
  }
}

void AdamW::update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) {
  // w ← w − lr·λ·w, in float32 as Keras computes w − w·λ·lr
  const float decay = static_cast<float>(weight_decay_) * static_cast<float>(learning_rate_);
  xt::noalias(p.value()) -= decay * p.value();
  Adam::update(p, slots, step);
}

nlohmann::json AdamW::get_config() const {
  nlohmann::json config = Adam::get_config();
  config["weight_decay"] = weight_decay_;
  return config;
}

std::unique_ptr<Optimizer> AdamW::clone() const {
  return std::make_unique<AdamW>(learning_rate_, weight_decay_, beta_1(), beta_2(), epsilon());
}

}  // namespace nn
