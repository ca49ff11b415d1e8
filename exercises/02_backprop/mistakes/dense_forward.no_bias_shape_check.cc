// Mistake: accepts any bias as long as it has enough numbers, instead of one row as wide as W.
#include "exercises/02_backprop/dense_forward.h"

namespace exercises {

nn::Tensor dense_forward(const nn::Tensor& x, const nn::Tensor& W, const nn::Tensor& b) {
  if (x.shape(1) != W.shape(0)) {
    throw nn::ShapeError("dense_forward: x " + nn::shape_string(x) + " does not fit W " +
                         nn::shape_string(W));
  }
  if (b.size() < W.shape(1)) {
    throw nn::ShapeError("dense_forward: b " + nn::shape_string(b) +
                         " must be one row as wide as W " + nn::shape_string(W));
  }
  nn::Tensor z = nn::Tensor::from_shape({x.shape(0), W.shape(1)});  // (batch, units)
  for (std::size_t n = 0; n < x.shape(0); ++n) {
    for (std::size_t j = 0; j < W.shape(1); ++j) {
      float sum = b(0, j);
      for (std::size_t i = 0; i < W.shape(0); ++i) sum += x(n, i) * W(i, j);
      z(n, j) = sum;
    }
  }
  return z;
}

}  // namespace exercises
