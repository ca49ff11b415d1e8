#include "lib/optimizers/adam.h"

#include <cmath>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "lib/error.h"

namespace nn {

Adam::Adam(double learning_rate, double beta_1, double beta_2, double epsilon)
    : Optimizer(learning_rate), beta_1_(beta_1), beta_2_(beta_2), epsilon_(epsilon) {
  if (!(learning_rate >= 0.0)) {
    throw ValueError("Adam: learning_rate must be >= 0, got " + std::to_string(learning_rate));
  }
  if (!(beta_1 >= 0.0 && beta_1 < 1.0 && beta_2 >= 0.0 && beta_2 < 1.0)) {
    throw ValueError("Adam: beta_1 and beta_2 must be in [0, 1), got " + std::to_string(beta_1) +
                     " and " + std::to_string(beta_2));
  }
  if (!(epsilon >= 0.0)) throw ValueError("Adam: epsilon must be >= 0");
}

void Adam::update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) {
  const double t = static_cast<double>(step);
  const float alpha = static_cast<float>(learning_rate_ * std::sqrt(1.0 - std::pow(beta_2_, t)) /
                                         (1.0 - std::pow(beta_1_, t)));
  const float b1 = static_cast<float>(beta_1_), b2 = static_cast<float>(beta_2_);
  const float eps = static_cast<float>(epsilon_);
  // One pass over the weights for all three updates (three xtensor statements made three
  // passes, and took as long as the rest of a training step on chapter 4's network); the
  // arithmetic, and so every result, is the same.
  float* w = p.value().data();
  const float* g = p.grad().data();
  float* m = slots[0].data();
  float* v = slots[1].data();
  const std::size_t n = p.value().size();
  for (std::size_t i = 0; i < n; ++i) {
    m[i] += (1.0f - b1) * (g[i] - m[i]);             // m ← m + (1 − β1)(g − m)
    v[i] += (1.0f - b2) * (g[i] * g[i] - v[i]);      // v ← v + (1 − β2)(g² − v)
    w[i] -= alpha * m[i] / (std::sqrt(v[i]) + eps);  // w ← w − α·m / (√v + ε)
  }
}

nlohmann::json Adam::get_config() const {
  nlohmann::json config = Optimizer::get_config();
  config["beta_1"] = beta_1_;
  config["beta_2"] = beta_2_;
  config["epsilon"] = epsilon_;
  config["amsgrad"] = false;
  return config;
}

std::unique_ptr<Optimizer> Adam::clone() const {
  return std::make_unique<Adam>(learning_rate_, beta_1_, beta_2_, epsilon_);
}

}  // namespace nn
