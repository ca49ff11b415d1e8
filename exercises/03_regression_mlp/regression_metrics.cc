#include "exercises/03_regression_mlp/regression_metrics.h"

namespace exercises {

double rmse(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  // TODO: check the shapes, add up the squared errors in double, divide by the number of
  // entries and take the square root.
  (void)y_true;
  (void)y_pred;
  return 0.0;
}

double mae(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  // TODO: the same checks; the mean of |y_pred - y_true| over every entry.
  (void)y_true;
  (void)y_pred;
  return 0.0;
}

}  // namespace exercises
