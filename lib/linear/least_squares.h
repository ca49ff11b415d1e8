#pragma once
// Least squares: the linear model ŷ = x·W + b with the smallest squared error on the training
// set, in closed form, as scikit-learn's LinearRegression computes it.
//
//   centre:  x̄, ȳ the column means;  X = x − x̄,  Y = y − ȳ      x: (n, in), y: (n, out)
//   solve:   W = argmin ‖X·W − Y‖²                                W: (in, out)
//   bias:    b = ȳ − x̄·W                                          b: (1, out)
//
// Setting the gradient to zero gives the normal equations XᵀX·W = XᵀY, but forming XᵀX squares
// the condition number, and when columns are collinear XᵀX is singular and has no inverse.
// (Auto MPG's three one-hot origin columns always add up to 1: after centring they add up to
// 0.) So the solve goes through LAPACK's gelsd, an SVD in double precision: singular values
// below rcond times the largest count as zero, and among all the W that fit equally well it
// returns the one of smallest norm, as numpy.linalg.lstsq and scikit-learn do.

#include <cstddef>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// What least_squares() found.
struct LeastSquaresSolution {
  Tensor coef;                          ///< W: (in, out), the minimum-norm minimiser
  std::size_t rank = 0;                 ///< the effective rank of A
  std::vector<double> singular_values;  ///< A's singular values, largest first
};

/// Solves min_W ‖A·W − B‖² for A (n, in) and B (n, out), with no intercept. Singular values
/// below rcond · (the largest) count as zero; rcond < 0 means numpy's default, machine
/// epsilon · max(n, in). Throws ShapeError naming both shapes if A and B have different row
/// counts, ValueError for empty or non-finite data.
LeastSquaresSolution least_squares(const Tensor& A, const Tensor& B, double rcond = -1.0);

/// Ordinary least squares with an intercept (scikit-learn's LinearRegression).
class LinearRegression {
 public:
  /// fit_intercept false fits ŷ = x·W through the origin.
  explicit LinearRegression(bool fit_intercept = true) : fit_intercept_(fit_intercept) {}

  /// Fits W and b to x (n, in) and targets y (n, out). Same errors as least_squares().
  LinearRegression& fit(const Tensor& x, const Tensor& y);
  /// x·W + b: x (m, in) → (m, out). Throws ValueError before fit() and ShapeError (naming both
  /// shapes) when x has another width than the training data.
  Tensor predict(const Tensor& x) const;
  /// The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², averaged over outputs.
  double score(const Tensor& x, const Tensor& y) const;

  /// W: (in, out), laid out as a Dense kernel (scikit-learn's coef_ is its transpose).
  const Tensor& coef() const { return coef_; }
  /// b: (1, out).
  const Tensor& intercept() const { return intercept_; }
  /// The effective rank of the centred x (fewer than `in` when columns are collinear).
  std::size_t rank() const { return rank_; }
  /// Whether fit() has run.
  bool fitted() const { return coef_.size() > 0; }

 private:
  bool fit_intercept_;
  Tensor coef_;
  Tensor intercept_;
  std::size_t rank_ = 0;
};

}  // namespace nn
