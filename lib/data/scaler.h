#pragma once
// Standard scaling: each feature shifted to mean 0 and scaled to standard deviation 1.
// Gradient descent converges much faster on features of similar size. The statistics come
// from the training set only; the validation and test sets are scaled with them, so that
// nothing about the held-out data leaks into training.

#include "lib/tensor.h"

namespace nn {

/// Scikit-learn's StandardScaler: z = (x - mean) / scale, per column.
class StandardScaler {
 public:
  /// Learns each column's mean and standard deviation (population: divided by n) from
  /// x (n, features). A column that does not vary gets scale 1, as in scikit-learn.
  /// Throws ValueError for an empty x.
  StandardScaler& fit(const Tensor& x);
  /// (x - mean) / scale: x (n, features) -> (n, features). Throws ValueError before fit()
  /// and ShapeError when x has another number of columns than the data fit() saw.
  Tensor transform(const Tensor& x) const;
  /// fit(x), then transform(x).
  Tensor fit_transform(const Tensor& x);
  /// z * scale + mean: undoes transform(). Same errors as transform().
  Tensor inverse_transform(const Tensor& z) const;

  /// The learned column means: (features,).
  const Vector& mean() const { return mean_; }
  /// The learned column scales (standard deviations, or 1): (features,).
  const Vector& scale() const { return scale_; }
  /// Whether fit() has run.
  bool fitted() const { return mean_.size() > 0; }

 private:
  void check(const Tensor& x, const char* op) const;
  Vector mean_;
  Vector scale_;
};

}  // namespace nn
