#include "lib/data/scaler.h"

#include <cmath>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {

StandardScaler& StandardScaler::fit(const Tensor& x) {
  if (x.shape(0) == 0 || x.shape(1) == 0) {
    throw ValueError("StandardScaler.fit: no data " + shape_string(x));
  }
  // Sums in double: a float sum over thousands of rows loses digits that the mean needs.
  const std::size_t n = x.shape(0), k = x.shape(1);
  mean_ = xt::zeros<float>({k});
  scale_ = xt::ones<float>({k});
  for (std::size_t j = 0; j < k; ++j) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += x(i, j);
    const double mean = sum / static_cast<double>(n);
    double squares = 0.0;
    for (std::size_t i = 0; i < n; ++i) squares += (x(i, j) - mean) * (x(i, j) - mean);
    const double deviation = std::sqrt(squares / static_cast<double>(n));
    mean_(j) = static_cast<float>(mean);
    scale_(j) = deviation > 0.0 ? static_cast<float>(deviation) : 1.0f;
  }
  return *this;
}

void StandardScaler::check(const Tensor& x, const char* op) const {
  if (!fitted()) throw ValueError(std::string("StandardScaler.") + op + " before fit()");
  if (x.shape(1) != mean_.size()) {
    throw ShapeError(std::string("StandardScaler.") + op + ": fitted on " +
                     count_of(mean_.size(), "feature") + ", got " + shape_string(x));
  }
}

Tensor StandardScaler::transform(const Tensor& x) const {
  check(x, "transform");
  // x: (n, k); mean_, scale_: (k,) broadcast over the rows.
  return (x - xt::view(mean_, xt::newaxis(), xt::all())) /
         xt::view(scale_, xt::newaxis(), xt::all());
}

Tensor StandardScaler::fit_transform(const Tensor& x) { return fit(x).transform(x); }

Tensor StandardScaler::inverse_transform(const Tensor& z) const {
  check(z, "inverse_transform");
  return z * xt::view(scale_, xt::newaxis(), xt::all()) + xt::view(mean_, xt::newaxis(), xt::all());
}

}  // namespace nn
