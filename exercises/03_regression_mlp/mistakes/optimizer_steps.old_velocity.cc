// Mistake: the weights move by the old velocity, before it is updated
#include "exercises/03_regression_mlp/optimizer_steps.h"

#include <cmath>
#include <string>
#include <xtensor/xmath.hpp>

namespace exercises {

namespace {

void check_shape(const char* what, const nn::Tensor& t, const nn::Tensor& w) {
  if (t.shape() != w.shape()) {
    throw nn::ShapeError(std::string(what) + " has shape " + nn::shape_string(t) +
                         ", the weights " + nn::shape_string(w));
  }
}

}  // namespace

void momentum_step(nn::Tensor& w, nn::Tensor& velocity, const nn::Tensor& g, double learning_rate,
                   double momentum) {
  check_shape("momentum_step: the gradient", g, w);
  check_shape("momentum_step: the velocity", velocity, w);
  w += velocity;
  velocity = static_cast<float>(momentum) * velocity - static_cast<float>(learning_rate) * g;
}

void adam_step(nn::Tensor& w, AdamState& state, const nn::Tensor& g, double learning_rate,
               double beta_1, double beta_2, double epsilon) {
  check_shape("adam_step: the gradient", g, w);
  check_shape("adam_step: m", state.m, w);
  check_shape("adam_step: s", state.s, w);
  ++state.t;
  const auto b1 = static_cast<float>(beta_1), b2 = static_cast<float>(beta_2);
  state.m = b1 * state.m + (1.0f - b1) * g;
  state.s = b2 * state.s + (1.0f - b2) * g * g;
  const double t = static_cast<double>(state.t);
  const auto c1 = static_cast<float>(1.0 - std::pow(beta_1, t));
  const auto c2 = static_cast<float>(1.0 - std::pow(beta_2, t));
  const nn::Tensor m_hat = state.m / c1, s_hat = state.s / c2;
  w -= static_cast<float>(learning_rate) * m_hat / (xt::sqrt(s_hat) + static_cast<float>(epsilon));
}

}  // namespace exercises
