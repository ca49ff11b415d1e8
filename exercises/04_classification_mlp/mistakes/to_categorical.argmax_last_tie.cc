// Mistake: argmax_rows keeps the last of equal maxima (>=); NumPy and Keras take the first.
#include "exercises/04_classification_mlp/to_categorical.h"

#include <stdexcept>
#include <string>

namespace exercises {

nn::Tensor to_categorical(const nn::Labels& y, std::size_t classes) {
  if (classes == 0) throw std::invalid_argument("to_categorical: no classes");
  nn::Tensor onehot = xt::zeros<float>({y.size(), classes});
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y(i) < 0 || static_cast<std::size_t>(y(i)) >= classes) {
      throw std::invalid_argument("to_categorical: y[" + std::to_string(i) +
                                  "] = " + std::to_string(y(i)) + " is not a class in [0, " +
                                  std::to_string(classes) + ")");
    }
    onehot(i, y(i)) = 1.0f;
  }
  return onehot;
}

nn::Labels argmax_rows(const nn::Tensor& p) {
  if (p.shape(1) == 0) throw std::invalid_argument("argmax_rows: " + nn::shape_string(p));
  nn::Labels classes = xt::zeros<int>({p.shape(0)});
  for (std::size_t i = 0; i < p.shape(0); ++i) {
    for (std::size_t k = 1; k < p.shape(1); ++k) {
      if (p(i, k) >= p(i, classes(i))) classes(i) = static_cast<int>(k);
    }
  }
  return classes;
}

}  // namespace exercises
