// Mistake: exponentiates the logits without subtracting their maximum: large logits overflow.
#include "exercises/04_classification_mlp/softmax_crossentropy.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace exercises {
namespace {

void check(const char* who, const nn::Labels& y, const nn::Tensor& z) {
  const std::string name = who;
  if (y.size() != z.shape(0)) {
    throw std::invalid_argument(name + ": " + std::to_string(y.size()) + " labels for logits " +
                                nn::shape_string(z));
  }
  if (z.shape(1) == 0) throw std::invalid_argument(name + ": logits " + nn::shape_string(z));
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y(i) < 0 || static_cast<std::size_t>(y(i)) >= z.shape(1)) {
      throw std::invalid_argument(name + ": y[" + std::to_string(i) +
                                  "] = " + std::to_string(y(i)) + " is not a class in [0, " +
                                  std::to_string(z.shape(1)) + ")");
    }
  }
}

}  // namespace

nn::Tensor softmax(const nn::Tensor& z) {
  nn::Tensor p = nn::Tensor::from_shape(z.shape());
  for (std::size_t i = 0; i < z.shape(0); ++i) {
    float m = z(i, 0);
    for (std::size_t k = 1; k < z.shape(1); ++k) m = std::max(m, z(i, k));
    m = 0.0f;
    double sum = 0.0;
    for (std::size_t k = 0; k < z.shape(1); ++k) sum += p(i, k) = std::exp(z(i, k) - m);
    for (std::size_t k = 0; k < z.shape(1); ++k) p(i, k) = static_cast<float>(p(i, k) / sum);
  }
  return p;
}

double sparse_categorical_crossentropy(const nn::Labels& y, const nn::Tensor& z) {
  check("sparse_categorical_crossentropy", y, z);
  double total = 0.0;
  for (std::size_t i = 0; i < z.shape(0); ++i) {
    double m = z(i, 0);
    for (std::size_t k = 1; k < z.shape(1); ++k) m = std::max<double>(m, z(i, k));
    double sum = 0.0;
    for (std::size_t k = 0; k < z.shape(1); ++k) sum += std::exp(z(i, k) - m);
    total += m + std::log(sum) - z(i, y(i));
  }
  return total / z.shape(0);
}

nn::Tensor crossentropy_gradient(const nn::Labels& y, const nn::Tensor& z) {
  check("crossentropy_gradient", y, z);
  nn::Tensor grad = softmax(z);
  const float n = static_cast<float>(z.shape(0));
  for (std::size_t i = 0; i < z.shape(0); ++i) {
    grad(i, y(i)) -= 1.0f;
    for (std::size_t k = 0; k < z.shape(1); ++k) grad(i, k) /= n;
  }
  return grad;
}

}  // namespace exercises
