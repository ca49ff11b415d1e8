// Mistake: the quadratic part is e^2 instead of e^2 / 2, so the two pieces do not meet at delta.
#include "exercises/03_regression_mlp/huber_loss.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace exercises {
namespace {

void check(const char* who, const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta) {
  if (!(delta > 0.0)) {
    throw nn::ValueError(std::string(who) + ": delta must be > 0, got " + std::to_string(delta));
  }
  if (y_true.shape() != y_pred.shape()) {
    throw nn::ShapeError(std::string(who) + ": y_true " + nn::shape_string(y_true) +
                         " and y_pred " + nn::shape_string(y_pred) + " differ");
  }
}

}  // namespace

double huber_loss(const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta) {
  check("huber_loss", y_true, y_pred, delta);
  double sum = 0.0;
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const double e = std::abs(static_cast<double>(y_pred.data()[i]) - y_true.data()[i]);
    sum += e <= delta ? e * e : delta * (e - 0.5 * delta);
  }
  return y_pred.size() == 0 ? 0.0 : sum / static_cast<double>(y_pred.size());
}

nn::Tensor huber_gradient(const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta) {
  check("huber_gradient", y_true, y_pred, delta);
  nn::Tensor gradient = nn::Tensor::from_shape(y_pred.shape());
  const double n = static_cast<double>(std::max<std::size_t>(1, y_pred.size()));
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const double e = static_cast<double>(y_pred.data()[i]) - y_true.data()[i];
    gradient.data()[i] = static_cast<float>(std::clamp(e, -delta, delta) / n);
  }
  return gradient;
}

}  // namespace exercises
