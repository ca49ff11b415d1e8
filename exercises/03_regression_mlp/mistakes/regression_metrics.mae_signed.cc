// Mistake: mae averages the signed errors, so errors of opposite signs cancel.
#include "exercises/03_regression_mlp/regression_metrics.h"

#include <cmath>
#include <string>

namespace exercises {
namespace {

void check(const char* who, const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  if (y_true.shape() != y_pred.shape()) {
    throw nn::ShapeError(std::string(who) + ": y_true " + nn::shape_string(y_true) +
                         " and y_pred " + nn::shape_string(y_pred) + " differ");
  }
  if (y_true.size() == 0) throw nn::ValueError(std::string(who) + ": no values");
}

}  // namespace

double rmse(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  check("rmse", y_true, y_pred);
  double sum = 0.0;
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    const double e = static_cast<double>(y_pred.data()[i]) - y_true.data()[i];
    sum += e * e;
  }
  return std::sqrt(sum / static_cast<double>(y_true.size()));
}

double mae(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  check("mae", y_true, y_pred);
  double sum = 0.0;
  for (std::size_t i = 0; i < y_true.size(); ++i) {
    sum += static_cast<double>(y_pred.data()[i]) - y_true.data()[i];
  }
  return sum / static_cast<double>(y_true.size());
}

}  // namespace exercises
