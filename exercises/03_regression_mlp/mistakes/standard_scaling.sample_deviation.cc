// Mistake: divides the squares by n - 1 (the sample deviation) where StandardScaler divides by n.
#include "exercises/03_regression_mlp/standard_scaling.h"

#include <cmath>
#include <string>

namespace exercises {
namespace {

void check_width(const char* who, const Standardizer& standardizer, const nn::Tensor& x) {
  if (x.shape(1) != standardizer.mean.size()) {
    throw nn::ShapeError(std::string(who) + ": fitted on " +
                         std::to_string(standardizer.mean.size()) + " features, got x " +
                         nn::shape_string(x) + " with " + std::to_string(x.shape(1)));
  }
}

}  // namespace

Standardizer fit_standardizer(const nn::Tensor& x_train) {
  const std::size_t n = x_train.shape(0), features = x_train.shape(1);
  if (n == 0) throw nn::ValueError("fit_standardizer: no rows in " + nn::shape_string(x_train));
  Standardizer s{nn::Vector::from_shape({features}), nn::Vector::from_shape({features})};
  for (std::size_t j = 0; j < features; ++j) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += x_train(i, j);
    const double mean = sum / static_cast<double>(n);
    double squares = 0.0;
    for (std::size_t i = 0; i < n; ++i) squares += (x_train(i, j) - mean) * (x_train(i, j) - mean);
    const double deviation = std::sqrt(squares / static_cast<double>(n > 1 ? n - 1 : 1));
    s.mean(j) = static_cast<float>(mean);
    s.scale(j) = deviation > 0.0 ? static_cast<float>(deviation) : 1.0f;
  }
  return s;
}

nn::Tensor standardize(const Standardizer& standardizer, const nn::Tensor& x) {
  check_width("standardize", standardizer, x);
  nn::Tensor z = nn::Tensor::from_shape(x.shape());
  for (std::size_t i = 0; i < x.shape(0); ++i) {
    for (std::size_t j = 0; j < x.shape(1); ++j) {
      z(i, j) = (x(i, j) - standardizer.mean(j)) / standardizer.scale(j);
    }
  }
  return z;
}

nn::Tensor unstandardize(const Standardizer& standardizer, const nn::Tensor& z) {
  check_width("unstandardize", standardizer, z);
  nn::Tensor x = nn::Tensor::from_shape(z.shape());
  for (std::size_t i = 0; i < z.shape(0); ++i) {
    for (std::size_t j = 0; j < z.shape(1); ++j) {
      x(i, j) = z(i, j) * standardizer.scale(j) + standardizer.mean(j);
    }
  }
  return x;
}

}  // namespace exercises
