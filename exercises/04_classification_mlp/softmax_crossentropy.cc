#include "exercises/04_classification_mlp/softmax_crossentropy.h"

#include <cmath>
#include <stdexcept>

namespace exercises {

nn::Tensor softmax(const nn::Tensor& z) {
  // TODO: for each row: m = its largest z; e_k = exp(z_k - m); p_k = e_k / sum of e.
  return z;
}

double sparse_categorical_crossentropy(const nn::Labels& y, const nn::Tensor& z) {
  // TODO: check the inputs; for each row, log(sum_j exp(z_j - m)) + m - z_y; the mean.
  (void)y;
  (void)z;
  return 0.0;
}

nn::Tensor crossentropy_gradient(const nn::Labels& y, const nn::Tensor& z) {
  // TODO: softmax(z), minus 1 in each row's true column, all divided by N.
  (void)y;
  return xt::zeros_like(z);
}

}  // namespace exercises
