#include "exercises/02_backprop/activation_backward.h"

namespace exercises {

// TODO: in each function, check that y and dy have the same shape (nn::ShapeError with
// nn::shape_string of both otherwise), then compute dz entry by entry.

nn::Tensor sigmoid_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  (void)y;
  return dy;
}

nn::Tensor tanh_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  (void)y;
  return dy;
}

nn::Tensor relu_backward(const nn::Tensor& y, const nn::Tensor& dy) {
  (void)y;
  return dy;
}

}  // namespace exercises
