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

void SGD::zero_grad(const std::vector<Parameter*>& parameters) {
  Optimizer::zero_grad(parameters);
  if (momentum_ == 0.0) fused_.install(parameters);
}

void SGD::apply_gradients(const std::vector<Parameter*>& parameters) {
  fused_.apply(-static_cast<float>(learning_rate_));  // nothing kept: nothing to do
  Optimizer::apply_gradients(parameters);
}

// book:begin sgd_update
void SGD::update(Parameter& p, std::vector<Tensor>& slots, std::int64_t) {
  const float lr = static_cast<float>(learning_rate_), m = static_cast<float>(momentum_);
  Tensor& w = p.value();
  if (slots.empty()) {
    if (p.has_grad()) xt::noalias(w) -= lr * p.grad();  // w ← w − lr·g (no gradient: no step)
    return;
  }
  const Tensor& g = p.grad();
  Tensor& v = slots[0];
  xt::noalias(v) = m * v - lr * g;  // v ← m·v − lr·g
  if (nesterov_) {
    xt::noalias(w) += m * v - lr * g;  // w ← w + m·v − lr·g
  } else {
    xt::noalias(w) += v;  // w ← w + v
  }
}
// book:end sgd_update

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
