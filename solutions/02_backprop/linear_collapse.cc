// Reference solution of exercise 2.7.
#include "exercises/02_backprop/linear_collapse.h"

namespace exercises {

namespace {

// a (n, k) · b (k, m): (n, m).
nn::Tensor product(const nn::Tensor& a, const nn::Tensor& b) {
  nn::Tensor c = nn::Tensor::from_shape({a.shape(0), b.shape(1)});
  for (std::size_t i = 0; i < a.shape(0); ++i) {
    for (std::size_t j = 0; j < b.shape(1); ++j) {
      double sum = 0.0;
      for (std::size_t k = 0; k < a.shape(1); ++k) sum += double{a(i, k)} * b(k, j);
      c(i, j) = static_cast<float>(sum);
    }
  }
  return c;
}

void check_bias(const Affine& layer) {
  if (layer.b.shape(0) != 1 || layer.b.shape(1) != layer.W.shape(1)) {
    throw nn::ShapeError("collapse: bias " + nn::shape_string(layer.b) + " does not fit W " +
                         nn::shape_string(layer.W));
  }
}

}  // namespace

Affine collapse(const std::vector<Affine>& layers) {
  if (layers.empty()) throw std::invalid_argument("collapse: no layers");
  check_bias(layers.front());
  Affine total = layers.front();
  for (std::size_t i = 1; i < layers.size(); ++i) {
    const Affine& next = layers[i];
    check_bias(next);
    if (next.W.shape(0) != total.W.shape(1)) {
      throw nn::ShapeError("collapse: layer " + std::to_string(i) + "'s W " +
                           nn::shape_string(next.W) + " does not take the output of W " +
                           nn::shape_string(total.W));
    }
    // (x W + b) W2 + b2 = x (W W2) + (b W2 + b2)
    total.b = product(total.b, next.W) + next.b;
    total.W = product(total.W, next.W);
  }
  return total;
}

}  // namespace exercises
