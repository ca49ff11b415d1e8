// Mistake: sends the error back with W(j, i)'s position, mixing up inputs and units.
#include "exercises/02_backprop/dense_backward.h"

namespace exercises {

DenseGradients dense_backward(const nn::Tensor& x, const nn::Tensor& W, const nn::Tensor& dz) {
  const std::size_t batch = x.shape(0), in = x.shape(1), units = W.shape(1);
  if (W.shape(0) != in) {
    throw nn::ShapeError("dense_backward: x " + nn::shape_string(x) + " does not fit W " +
                         nn::shape_string(W));
  }
  if (dz.shape(0) != batch || dz.shape(1) != units) {
    throw nn::ShapeError("dense_backward: dz " + nn::shape_string(dz) + " should be (" +
                         std::to_string(batch) + ", " + std::to_string(units) + ") for x " +
                         nn::shape_string(x) + " and W " + nn::shape_string(W));
  }
  DenseGradients g{xt::zeros<float>({in, units}), xt::zeros<float>({std::size_t{1}, units}),
                   xt::zeros<float>({batch, in})};
  for (std::size_t n = 0; n < batch; ++n) {
    for (std::size_t j = 0; j < units; ++j) {
      const float delta = dz(n, j);
      g.db(0, j) += delta;
      for (std::size_t i = 0; i < in; ++i) {
        g.dW(i, j) += x(n, i) * delta;               // signal in × error at the end
        g.dx(n, i) += delta * W(j % in, i % units);  // transposed
      }
    }
  }
  return g;
}

}  // namespace exercises
