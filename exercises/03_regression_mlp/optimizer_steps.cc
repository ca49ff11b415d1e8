#include "exercises/03_regression_mlp/optimizer_steps.h"

namespace exercises {

void momentum_step(nn::Tensor& w, nn::Tensor& velocity, const nn::Tensor& g, double learning_rate,
                   double momentum) {
  // TODO: check the shapes; velocity = momentum * velocity - learning_rate * g; w += velocity.
  (void)velocity;
  (void)momentum;
  w -= static_cast<float>(learning_rate) * g;
}

void adam_step(nn::Tensor& w, AdamState& state, const nn::Tensor& g, double learning_rate,
               double beta_1, double beta_2, double epsilon) {
  // TODO: check the shapes; t += 1; update m and s; correct them by 1 - beta^t; then
  // w -= learning_rate * m_hat / (sqrt(s_hat) + epsilon).
  (void)state;
  (void)beta_1;
  (void)beta_2;
  (void)epsilon;
  w -= static_cast<float>(learning_rate) * g;
}

}  // namespace exercises
