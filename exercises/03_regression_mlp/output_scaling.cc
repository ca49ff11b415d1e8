#include "exercises/03_regression_mlp/output_scaling.h"

namespace exercises {

nn::Tensor OutputScaling::transform(const nn::Tensor& y) const {
  // TODO: scale * y + shift.
  return y;
}

nn::Tensor OutputScaling::inverse(const nn::Tensor& t) const {
  // TODO: (t - shift) / scale.
  return t;
}

OutputScaling choose_output_scaling(const std::string& activation, const nn::Tensor& y_train) {
  // TODO: the smallest and largest training labels; then, by activation, the map onto
  // [0, 1] or [-1, 1], or no change (checking that relu/softplus labels are not negative).
  (void)activation;
  (void)y_train;
  return {};
}

}  // namespace exercises
