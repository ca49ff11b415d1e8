#pragma once
// Arrays: the x or the y of fit(), evaluate() and predict(): one tensor, or several with the
// same number of rows (one per model input or output). It refers to the tensors you pass,
// never copying a data set; it keeps temporaries and converted labels alive itself.

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// One or several (rows, features) tensors.
class Arrays {
 public:
  /// Refers to x (no copy): x must outlive the call it is passed to.
  Arrays(const Tensor& x);  // NOLINT: implicit, so fit(x, y) works
  /// Keeps a temporary.
  Arrays(Tensor&& x);  // NOLINT
  /// Evaluates an xtensor expression (x / 255.0f) and keeps the result.
  template <class E>
  Arrays(const xt::xexpression<E>& x) : Arrays(Tensor(x)) {}  // NOLINT
  /// Class labels as one column of class indices, (n, 1), for the sparse losses.
  Arrays(const Labels& labels);  // NOLINT
  /// A vector of targets as one column, (n, 1).
  Arrays(const Vector& column);  // NOLINT
  /// Refers to each tensor: one per model input (or output).
  Arrays(const std::vector<Tensor>& tensors);  // NOLINT
  /// Several at once: fit({x_wide, x_deep}, y).
  Arrays(std::initializer_list<Arrays> parts);  // NOLINT

  /// How many tensors.
  std::size_t size() const { return arrays_.size(); }
  /// The i-th tensor.
  const Tensor& operator[](std::size_t i) const { return *arrays_.at(i); }
  /// The number of rows (of the first tensor; 0 if none).
  std::size_t rows() const { return arrays_.empty() ? 0 : arrays_[0]->shape()[0]; }

 private:
  std::vector<std::shared_ptr<const Tensor>> arrays_;
};

}  // namespace nn
