#include "lib/optimizers/sgd.h"

#include <xtensor/xnoalias.hpp>

#include "lib/error.h"

namespace nn {

SGD::SGD(double learning_rate, double momentum, bool nesterov)
    : Optimizer(learning_rate), momentum_(momentum), nesterov_(nesterov) {
  if (!(learning_rate >= 0.0)) {
    throw ValueError("SGD: learning_rate must be >= 0, got " + std::to_string(learning_rate));
  }
  if (!(momentum >= 0.0 && momentum <= 1.0)) {
    throw ValueError("SGD: momentum must be in [0, 1], got " + std::to_string(momentum));
  }
}

void SGD::update(Parameter& p, std::vector<Tensor>& slots, std::int64_t) {
  const float lr = static_cast<float>(learning_rate_), m = static_cast<float>(momentum_);
  Tensor& w = p.value;
  const Tensor& g = p.grad;
  if (slots.empty()) {
    xt::noalias(w) -= lr * g;  // w ← w − lr·g
    return;
  }
  Tensor& v = slots[0];
  xt::noalias(v) = m * v - lr * g;  // v ← m·v − lr·g
  if (nesterov_) {
    xt::noalias(w) += m * v - lr * g;  // w ← w + m·v − lr·g
  } else {
    xt::noalias(w) += v;  // w ← w + v
  }
}

std::optional<float> SGD::fused_scale() const {
  if (momentum_ > 0.0) return std::nullopt;
  return -static_cast<float>(learning_rate_);
}

nlohmann::json SGD::get_config() const {
  nlohmann::json config = Optimizer::get_config();
  config["momentum"] = momentum_;
  config["nesterov"] = nesterov_;
  return config;
}

std::unique_ptr<Optimizer> SGD::clone() const {
  return std::make_unique<SGD>(learning_rate_, momentum_, nesterov_);
}

}  // namespace nn
