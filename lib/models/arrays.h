#pragma once
// Arrays: the x or the y of fit(), evaluate() and predict(): one tensor, or several with the
// same number of rows (one per model input or output). It refers to the tensors you pass,
// never copying a data set; it keeps temporaries and converted labels alive itself.

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>
#include <xtensor/xoperation.hpp>
#include <xtensor/xshape.hpp>

#include "lib/tensor.h"

namespace nn {

/// One or several (rows, features) tensors.
class Arrays {
 public:
  /// Refers to x (no copy): x must outlive the call it is passed to.
  Arrays(const Tensor& x);  // NOLINT: implicit, so fit(x, y) works
  /// Keeps a temporary.
  Arrays(Tensor&& x);  // NOLINT
  /// Evaluates an xtensor expression (x / 255.0f, xt::col(x, 0)) and keeps the result. A
  /// rank-1 expression of n values becomes an (n, 1) column, as Keras reshapes a (n,)
  /// target; any rank but 1 and 2 is a ShapeError (a compile error where the rank is static).
  template <class E>
  Arrays(const xt::xexpression<E>& x) : Arrays(as_matrix(x.derived_cast())) {}  // NOLINT
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
  // The expression as (rows, columns) floats. Converting a rank-1 expression straight to a
  // rank-2 Tensor would be undefined behaviour in xtensor, so ranks are sorted out first.
  template <class E>
  static Tensor as_matrix(const E& x) {
    constexpr auto rank = xt::static_dimension<typename E::shape_type>::value;  // -1: dynamic
    static_assert(rank == -1 || rank == 1 || rank == 2,
                  "fit/evaluate/predict take rank-1 (n,) or rank-2 (n, features) arrays");
    if constexpr (rank == 2) {
      return Tensor(x);
    } else {
      if constexpr (rank == -1) {
        if (x.dimension() == 2) return Tensor(x);
      }
      if (x.dimension() != 1) throw_rank_error(x.dimension());
      const Vector values = xt::cast<float>(x);
      return column(values);
    }
  }
  static Tensor column(const Vector& values);  // (n,) → (n, 1)
  [[noreturn]] static void throw_rank_error(std::size_t rank);

  std::vector<std::shared_ptr<const Tensor>> arrays_;
};

}  // namespace nn
