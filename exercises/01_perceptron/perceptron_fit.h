#pragma once
/// \file
/// # Exercise 1.3: the training loop and its stopping rule ★★ (20 points)
///
/// Train a perceptron the way scikit-learn's `Perceptron(shuffle=False)` does, so that your
/// weights match scikit-learn's exactly. Write the labels as \f$t = +1\f$ for class 1 and
/// \f$t = -1\f$ for class 0. Start from \f$\mathbf{w} = 0, b = 0\f$. Each epoch visits the
/// rows in order; for each row compute the score \f$p = \mathbf{w}^\top\mathbf{x} + b\f$
/// and add its loss \f$\max(0, -t\,p)\f$ to the epoch's total. When \f$t\,p \le 0\f$ (a
/// mistake; a score of exactly zero is a mistake for either class) update
///
/// \f[ \mathbf{w} \leftarrow \mathbf{w} + \eta\,t\,\mathbf{x}, \qquad b \leftarrow b + \eta\,t. \f]
///
/// The stopping rule: keep the best (smallest) epoch total seen so far, starting at
/// infinity. After each epoch, if the total is greater than `best - tol * n` (n rows), the
/// epoch did not improve enough: count it; otherwise reset the count to 0. Then update the
/// best. Stop when the count reaches `n_iter_no_change`, or after `max_iter` epochs. Return
/// the weights, the bias and the number of epochs run.
///
/// Throw `std::invalid_argument` when the rows have different lengths, when there are
/// no rows, when `x` and `y` differ in length, or when a label is not 0 or 1.

#include <vector>

namespace exercises {

/// What training found.
struct PerceptronFit {
  std::vector<double> w;  ///< one weight per feature
  double b = 0.0;         ///< the bias
  int epochs = 0;         ///< epochs run
};

/// Trains a perceptron on x (n rows of k features) and y (n labels, 0 or 1).
PerceptronFit perceptron_fit(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                             double eta = 1.0, int max_iter = 1000, double tol = 1e-3,
                             int n_iter_no_change = 5);

}  // namespace exercises
