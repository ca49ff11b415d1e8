#pragma once
// The array types of the book. Every tensor that flows through a network is 2-D:
// (batch, features), row-major, with its rank fixed at compile time (static layout).

#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>

namespace nn {

/// A batch of rows: (batch, features), float32, row-major.
using Tensor = xt::xtensor<float, 2>;
/// One row or one column of numbers: (n,), float32.
using Vector = xt::xtensor<float, 1>;
/// Class labels, one per row: (n,), the class index as an int.
using Labels = xt::xtensor<int, 1>;

/// The shape of a tensor as text, for error messages: "(32, 784)".
template <class T>
std::string shape_string(const T& tensor) {
  std::string text = "(";
  for (std::size_t i = 0; i < tensor.dimension(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(tensor.shape()[i]);
  }
  return text + ")";
}

}  // namespace nn
