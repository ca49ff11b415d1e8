#pragma once
/// \file
/// # Exercise 3.2: standard scaling, fitted on the training set only ★★ (15 points)
///
/// Gradient descent works best when every feature has a similar size. Standard scaling
/// shifts each feature (column) \f$j\f$ to mean 0 and scales it to standard deviation 1:
///
/// \f[ \mu_j = \frac{1}{n}\sum_{i=1}^{n} x_{ij}, \qquad
///     s_j = \sqrt{\frac{1}{n}\sum_{i=1}^{n} (x_{ij} - \mu_j)^2}, \qquad
///     z_{ij} = \frac{x_{ij} - \mu_j}{s_j}. \f]
///
/// The statistics \f$\mu_j, s_j\f$ come from the training set alone; the validation and
/// test sets are scaled with the same numbers. Recomputing them on the test set would let
/// the test data leak into the model, and would scale the same car differently depending
/// on which set it is in. A feature that never varies in training (\f$s_j = 0\f$) gets
/// \f$s_j = 1\f$, as scikit-learn does, so that nothing is divided by zero.
///
/// Write `fit_standardizer` (the population standard deviation: divide by \f$n\f$, not
/// \f$n - 1\f$; add up in `double`), `standardize` and its inverse `unstandardize`
/// (\f$x = z \cdot s + \mu\f$). Throw `nn::ValueError` when `fit_standardizer` gets no
/// rows, and `nn::ShapeError` naming both widths when `standardize` or `unstandardize` get
/// a tensor with another number of columns than the training data had.

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// Each feature's statistics, learned from the training set.
struct Standardizer {
  nn::Vector mean;   ///< μ: (features,)
  nn::Vector scale;  ///< s: (features,), the standard deviation (1 for a constant feature)
};

/// Learns μ and s of every column of x_train (n, features).
Standardizer fit_standardizer(const nn::Tensor& x_train);

/// (x − μ) / s, column by column: (m, features) → (m, features).
nn::Tensor standardize(const Standardizer& standardizer, const nn::Tensor& x);

/// z · s + μ, column by column: undoes standardize().
nn::Tensor unstandardize(const Standardizer& standardizer, const nn::Tensor& z);

}  // namespace exercises
