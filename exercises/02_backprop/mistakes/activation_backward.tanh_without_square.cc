// Mistake: writes tanh's derivative as 1 - y instead of 1 - y^2.
#include "exercises/02_backprop/activation_backward.h"

#include <string>

namespace exercises {
namespace {

void check_shapes(const char* who, const nn::Tensor& y, const nn::Tensor& dy) {
  if (y.shape() != dy.shape()) {
    throw nn::ShapeError(std::string(who) + ": y " + nn::shape_string(y) + " and dy " +
                         nn::shape_string(dy) + " differ");
  }
}

}  // namespace

nn::Tensor sigmoid_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  check_shapes("sigmoid_backward", y, dy);
  return dy * y * (1.0f - y);
}

nn::Tensor tanh_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  check_shapes("tanh_backward", y, dy);
  return dy * (1.0f - y);
}

nn::Tensor relu_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  check_shapes("relu_backward", y, dy);
  return xt::where(y > 0.0f, dy, 0.0f);
}

}  // namespace exercises
