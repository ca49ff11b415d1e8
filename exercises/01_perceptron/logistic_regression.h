#pragma once
/// \file
/// # Exercise 1.6: logistic regression, by gradient descent ★★ (20 points)
///
/// The perceptron answers 0 or 1 and stops learning once every example is on the right
/// side; it says nothing about how sure it is, and on classes that overlap it never
/// settles. Logistic regression keeps the perceptron's score \f$z = \mathbf{w}^\top
/// \mathbf{x} + b\f$ but passes it through the sigmoid, \f$p = \sigma(z) = 1 / (1 +
/// e^{-z})\f$, and reads \f$p\f$ as the probability of class 1. It learns by gradient
/// descent on the mean *log loss* (the cross-entropy) over the \f$n\f$ examples,
///
/// \f[ L = \frac{1}{n} \sum_i -\big(y_i \log p_i + (1 - y_i) \log (1 - p_i)\big), \qquad
///     \frac{\partial L}{\partial \mathbf{w}} = \frac{1}{n} \sum_i (p_i - y_i)\,
///     \mathbf{x}_i, \qquad \frac{\partial L}{\partial b} = \frac{1}{n} \sum_i (p_i - y_i).
/// \f]
///
/// The loss is convex, so plain gradient descent reaches the same minimum as
/// scikit-learn's `LogisticRegression(penalty=None)` (which uses L-BFGS): the test checks
/// your weights against scikit-learn's on iris, versicolor against virginica.
///
/// Write
/// - `sigmoid(z)`, which must not overflow for any finite z (`sigmoid(-1000)` is 0, not NaN);
/// - `predict_proba(model, x)`: \f$p_i\f$ for every row;
/// - `log_loss(model, x, y)`: the mean log loss, computed from the *scores*, not from
///   \f$p\f$: since \f$-\log \sigma(z) = \log(1 + e^{-z})\f$ and \f$-\log(1 - \sigma(z)) =
///   \log(1 + e^{z})\f$, a confident mistake (\f$z = -1000\f$ for \f$y = 1\f$) costs 1000,
///   where \f$\log p\f$ would give infinity. Use \f$\log(1 + e^{t}) = \max(t, 0) +
///   \log(1 + e^{-|t|})\f$ (`std::log1p`);
/// - `fit_logistic(x, y, eta, epochs)`: start from zero weights and bias, and take `epochs`
///   steps of full-batch gradient descent with learning rate `eta` (every step uses all the
///   rows: \f$\mathbf{w} \leftarrow \mathbf{w} - \eta\,\partial L / \partial \mathbf{w}\f$,
///   the same for \f$b\f$, both from the same \f$p\f$).
///
/// All four throw `std::invalid_argument` when the row lengths and the weights, or the
/// numbers of rows and labels, do not match.

#include <stdexcept>
#include <vector>

namespace exercises {

/// Rows of features: x[i][j] is feature j of example i.
using Rows = std::vector<std::vector<double>>;

/// The weights and the bias of a logistic regression.
struct LogisticModel {
  std::vector<double> w;  ///< one weight per feature
  double b = 0.0;         ///< the bias
};

/// 1 / (1 + e^(−z)), without overflow.
double sigmoid(double z);

/// σ(w·x_i + b) for every row: the probability of class 1.
std::vector<double> predict_proba(const LogisticModel& model, const Rows& x);

/// The mean log loss over the rows, from the scores; y holds 0s and 1s.
double log_loss(const LogisticModel& model, const Rows& x, const std::vector<int>& y);

/// `epochs` steps of full-batch gradient descent from zeros, learning rate eta.
LogisticModel fit_logistic(const Rows& x, const std::vector<int>& y, double eta, int epochs);

}  // namespace exercises
