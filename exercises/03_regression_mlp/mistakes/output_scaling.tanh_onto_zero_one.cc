// Mistake: maps the labels onto [0, 1] for tanh too, whose outputs span [-1, 1].
#include "exercises/03_regression_mlp/output_scaling.h"

#include <xtensor/xsort.hpp>

namespace exercises {

nn::Tensor OutputScaling::transform(const nn::Tensor& y) const {
  return static_cast<float>(scale) * y + static_cast<float>(shift);
}

nn::Tensor OutputScaling::inverse(const nn::Tensor& t) const {
  return (t - static_cast<float>(shift)) / static_cast<float>(scale);
}

OutputScaling choose_output_scaling(const std::string& activation, const nn::Tensor& y_train) {
  const bool bounded = activation == "sigmoid" || activation == "tanh";
  const bool positive = activation == "relu" || activation == "softplus";
  if (!bounded && !positive && activation != "linear") {
    throw nn::ValueError("choose_output_scaling: unknown activation '" + activation +
                         "'; known: linear, relu, softplus, sigmoid, tanh");
  }
  if (y_train.size() == 0) {
    if (bounded) throw nn::ValueError("choose_output_scaling: no training labels");
    return {};
  }
  const double low = xt::amin(y_train)(), high = xt::amax(y_train)();
  if (positive && low < 0.0) {
    throw nn::ValueError("choose_output_scaling: " + activation +
                         " cannot predict the negative training label " + std::to_string(low));
  }
  if (!bounded) return {};
  if (!(high > low)) {
    throw nn::ValueError("choose_output_scaling: every training label is " + std::to_string(low) +
                         ": there is no range to map");
  }
  const double target_low = 0.0;
  const double scale = (1.0 - target_low) / (high - low);
  return {scale, target_low - scale * low};
}

}  // namespace exercises
