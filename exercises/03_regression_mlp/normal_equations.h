#pragma once
/// \file
/// # Exercise 3.3: least squares through the normal equations ★★★ (25 points)
///
/// The best straight line \f$\hat{y} = \mathbf{w}^\top\mathbf{x} + b\f$ in the least-squares
/// sense has a closed form. Centre the data (subtract each column's mean
/// \f$\bar{x}_j\f$ from the features and the mean \f$\bar{y}\f$ from the labels), stack the
/// centred rows in \f$X\f$ (n, k) and the centred labels in \f$\mathbf{y}\f$; the gradient
/// of the squared error vanishes where
///
/// \f[ A\,\mathbf{w} = \mathbf{c}, \qquad A = X^\top X, \quad \mathbf{c} = X^\top\mathbf{y},
///     \qquad b = \bar{y} - \mathbf{w}^\top\bar{\mathbf{x}}. \f]
///
/// \f$A\f$ is symmetric, and positive definite unless a feature is a combination of the
/// others. Such a matrix factors as \f$A = L L^\top\f$ with \f$L\f$ lower triangular (the
/// *Cholesky factorization*), column by column, for \f$j = 0, 1, \dots\f$:
///
/// \f[ L_{jj} = \sqrt{A_{jj} - \sum_{k<j} L_{jk}^2}, \qquad
///     L_{ij} = \frac{1}{L_{jj}}\Bigl(A_{ij} - \sum_{k<j} L_{ik} L_{jk}\Bigr)
///     \quad (i > j). \f]
///
/// Then \f$A\mathbf{w} = \mathbf{c}\f$ is two triangular systems: \f$L\mathbf{u} =
/// \mathbf{c}\f$ from the top row down (forward substitution), then \f$L^\top\mathbf{w} =
/// \mathbf{u}\f$ from the bottom row up (back substitution).
///
/// Write `cholesky(A)`. The number under the square root is the *pivot* of column \f$j\f$:
/// the part of \f$A_{jj}\f$ that the earlier columns do not explain. When it is not above
/// \f$10^{-12} A_{jj}\f$ (in particular when it is 0 or negative), throw `nn::ValueError`
/// whose message says `column j` (with the number): that column is, up to rounding, a
/// combination of the earlier ones, and the equations have no single solution. Then write
/// `fit_normal_equations(x, y)` for x (n, k) and y (n, 1), in `double` throughout. Throw
/// `nn::ShapeError` naming both shapes when the row counts differ or y has more than one
/// column, and `nn::ValueError` when there are no rows.
///
/// This is the textbook method, and the library prefers another (`nn::LinearRegression`
/// solves by an SVD): forming \f$X^\top X\f$ squares the condition number, and Auto MPG's
/// three one-hot origin columns, which add up to 1, make \f$A\f$ singular. One of the
/// tests shows you that failure, with the column it happens at.

#include <vector>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// A square matrix as rows of numbers: A[i][j].
using Matrix = std::vector<std::vector<double>>;

/// The lower-triangular L with L·Lᵀ = A, for a symmetric positive definite A (k, k); the
/// entries above the diagonal are 0. Throws nn::ValueError ("column j") for a pivot that is
/// not above 1e-12 · A[j][j], and nn::ShapeError if A is not square.
Matrix cholesky(const Matrix& A);

/// A fitted line: ŷ = w·x + b.
struct LinearFit {
  std::vector<double> w;  ///< one weight per feature
  double b = 0.0;         ///< the bias
};

/// The least-squares line through x (n, k) and y (n, 1), by the normal equations.
LinearFit fit_normal_equations(const nn::Tensor& x, const nn::Tensor& y);

}  // namespace exercises
