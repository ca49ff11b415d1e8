#include "lib/optimizers/rmsprop.h"

#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "lib/error.h"

namespace nn {

RMSprop::RMSprop(double learning_rate, double rho, double momentum, double epsilon, bool centered)
    : Optimizer(learning_rate),
      rho_(rho),
      momentum_(momentum),
      epsilon_(epsilon),
      centered_(centered) {
  if (!(learning_rate >= 0.0)) {
    throw ValueError("RMSprop: learning_rate must be >= 0, got " + std::to_string(learning_rate));
  }
  if (!(rho >= 0.0 && rho < 1.0)) {
    throw ValueError("RMSprop: rho must be in [0, 1), got " + std::to_string(rho));
  }
  if (!(momentum >= 0.0 && momentum <= 1.0)) {
    throw ValueError("RMSprop: momentum must be in [0, 1], got " + std::to_string(momentum));
  }
  if (!(epsilon >= 0.0)) throw ValueError("RMSprop: epsilon must be >= 0");
}

void RMSprop::update(Parameter& p, std::vector<Tensor>& slots, std::int64_t) {
  const float lr = static_cast<float>(learning_rate_), rho = static_cast<float>(rho_);
  const float eps = static_cast<float>(epsilon_), m = static_cast<float>(momentum_);
  Tensor& w = p.value();
  const Tensor& g = p.grad();
  Tensor& v = slots[0];
  xt::noalias(v) = rho * v + (1.0f - rho) * g * g;  // v ← ρ·v + (1 − ρ)·g²
  // Moves w by Δ (an expression, evaluated once, into w or the momentum: no temporaries).
  const auto move = [&](const auto& delta) {
    if (m > 0.0f) {
      Tensor& b = slots[1];
      xt::noalias(b) = m * b + delta;  // b ← m·b + Δ
      xt::noalias(w) -= b;             // w ← w − b
    } else {
      xt::noalias(w) -= delta;  // w ← w − Δ
    }
  };
  if (centered_) {
    Tensor& a = slots.back();
    xt::noalias(a) = rho * a + (1.0f - rho) * g;  // a ← ρ·a + (1 − ρ)·g
    move(lr * g / xt::sqrt(v - a * a + eps));     // Δ = lr·g / √(v − a² + ε)
  } else {
    move(lr * g / xt::sqrt(v + eps));  // Δ = lr·g / √(v + ε)
  }
}

nlohmann::json RMSprop::get_config() const {
  nlohmann::json config = Optimizer::get_config();
  config["rho"] = rho_;
  config["momentum"] = momentum_;
  config["epsilon"] = epsilon_;
  config["centered"] = centered_;
  return config;
}

std::unique_ptr<Optimizer> RMSprop::clone() const {
  return std::make_unique<RMSprop>(learning_rate_, rho_, momentum_, epsilon_, centered_);
}

}  // namespace nn
