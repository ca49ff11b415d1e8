// Mistake: uses the sigmoid's derivative formula on y as if it were z: sigma(y) (1 - sigma(y)).
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
  const nn::Tensor s = 1.0f / (1.0f + xt::exp(-y));
  return dy * s * (1.0f - s);
}

nn::Tensor tanh_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  check_shapes("tanh_backward", y, dy);
  return dy * (1.0f - y * y);
}

nn::Tensor relu_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  check_shapes("relu_backward", y, dy);
  return xt::where(y > 0.0f, dy, 0.0f);
}

}  // namespace exercises
