#include "exercises/03_regression_mlp/huber_loss.h"

namespace exercises {

double huber_loss(const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta) {
  // TODO: check delta and the shapes; the mean of h(e) over every entry.
  (void)y_true;
  (void)y_pred;
  (void)delta;
  return 0.0;
}

nn::Tensor huber_gradient(const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta) {
  // TODO: the same checks; clip(e, -delta, delta) / N for every entry.
  (void)y_true;
  (void)delta;
  return xt::zeros<float>(y_pred.shape());
}

}  // namespace exercises
