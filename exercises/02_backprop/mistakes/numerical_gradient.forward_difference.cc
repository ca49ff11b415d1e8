// Mistake: uses the forward difference (f(x + h) - f(x)) / h, whose error is O(h), not O(h^2).
#include "exercises/02_backprop/numerical_gradient.h"

#include <algorithm>
#include <cmath>

namespace exercises {

nn::Tensor numerical_gradient(const std::function<double(const nn::Tensor&)>& f, nn::Tensor x,
                              double h) {
  nn::Tensor g = xt::zeros_like(x);
  for (std::size_t k = 0; k < x.size(); ++k) {
    float& v = x.data()[k];
    const float saved = v;
    v = saved + static_cast<float>(h);
    const double up = f(x);
    v = saved;
    const double down = f(x);
    g.data()[k] = static_cast<float>((up - down) / h);
  }
  return g;
}

double relative_error(double a, double n) {
  const double scale = std::max(std::abs(a), std::abs(n));
  return scale == 0.0 ? 0.0 : std::abs(a - n) / scale;
}

double max_relative_error(const nn::Tensor& analytic, const nn::Tensor& numeric) {
  if (analytic.shape() != numeric.shape()) {
    throw nn::ShapeError("max_relative_error: analytic " + nn::shape_string(analytic) +
                         " and numeric " + nn::shape_string(numeric) + " differ");
  }
  double worst = 0.0;
  for (std::size_t k = 0; k < analytic.size(); ++k) {
    worst = std::max(worst, relative_error(analytic.data()[k], numeric.data()[k]));
  }
  return worst;
}

}  // namespace exercises
