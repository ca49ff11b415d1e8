#pragma once
/// \file
/// # Exercise 5.6: comparing two architectures over several splits ★★★ (25 points)
///
/// Is the wide-and-deep network better than a plain MLP on this data? One training run
/// each on one validation split cannot say: the difference may be the split's luck, or the
/// initial weights'. *k-fold cross-validation* answers with k runs per architecture: shuffle
/// the n rows once (with a seed), cut them into k folds, and for each fold i train a
/// **fresh** model on the other k − 1 folds and score it on fold i. Both architectures see
/// the **same** folds, so their scores come in pairs, and the question becomes whether the
/// paired differences \f$d_i = a_i - b_i\f$ are consistently on one side of 0:
///
/// \f[ \bar d = \frac{1}{k} \sum_i d_i, \qquad
///     \mathrm{SE} = \frac{s_d}{\sqrt{k}}, \quad
///     s_d^2 = \frac{1}{k - 1} \sum_i (d_i - \bar d)^2. \f]
///
/// A difference of more than about two standard errors is unlikely to be luck.
///
/// Write
/// - `k_folds(n, k, seed)`: the k folds as lists of row indices. Shuffle with
///   `nn::Rng(seed).permutation(n)`; fold i is the entries `p[i*n/k]` up to (not including)
///   `p[(i+1)*n/k]` of that permutation (integer division), so the sizes differ by at most
///   one. Throw `std::invalid_argument` unless 2 ≤ k ≤ n.
/// - `compare(build_a, build_b, x, y, k, options, seed)`: for each fold i in order, for
///   architecture a then b, call the builder (a new, compiled model), `fit` it on the rows
///   outside fold i with `options`, and record `evaluate(...)["loss"]` on the rows of fold i
///   (`verbose` 0). Keep the rows of each part in the order of the permutation. Return both
///   lists of scores, \f$\bar d\f$ and SE as above.

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "lib/models/model.h"

namespace exercises {

/// Makes a new, compiled model of one architecture.
using Builder = std::function<std::unique_ptr<nn::Model>()>;

/// What compare() found: the paired validation losses and their mean difference.
struct Comparison {
  std::vector<double> a;         ///< architecture a's validation loss on each fold
  std::vector<double> b;         ///< architecture b's, on the same folds
  double mean_difference = 0.0;  ///< mean of a_i − b_i
  double standard_error = 0.0;   ///< sample standard deviation of a_i − b_i, over √k
};

/// The k folds of rows 0..n−1 after a shuffle with `seed`.
std::vector<std::vector<std::size_t>> k_folds(std::size_t n, int k, std::uint64_t seed);

/// k-fold cross-validation of two architectures on the same folds.
Comparison compare(const Builder& build_a, const Builder& build_b, const nn::Tensor& x,
                   const nn::Tensor& y, int k, const nn::FitOptions& options, std::uint64_t seed);

}  // namespace exercises
