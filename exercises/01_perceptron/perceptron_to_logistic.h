#pragma once
/// \file
/// # Exercise 1.7: the perceptron, tweaked into logistic regression ★★ (15 points)
///
/// Géron asks why logistic regression is generally preferred to a classic perceptron, and
/// how to tweak a perceptron to make it equivalent. Answer both in code. Write the
/// perceptron's online rule once, with the activation as a parameter: for one example
/// \f$(\mathbf{x}, y)\f$, \f$y \in \{0, 1\}\f$,
///
/// \f[ \hat y = a(\mathbf{w}^\top \mathbf{x} + b), \qquad
///     \mathbf{w} \leftarrow \mathbf{w} + \eta\,(y - \hat y)\,\mathbf{x}, \qquad
///     b \leftarrow b + \eta\,(y - \hat y). \f]
///
/// - With the step \f$a(z) = 1\f$ if \f$z \ge 0\f$, else 0, it is the perceptron rule:
///   nothing moves when the answer is right, and only the sign of the score matters, so
///   the size of the weights is arbitrary (scale the rate, and every weight scales with it):
///   the perceptron gives a class, not a probability.
/// - With the sigmoid \f$a(z) = 1 / (1 + e^{-z})\f$ it is, exactly, one step of stochastic
///   gradient descent on that example's log loss \f$-y \log \hat y - (1 - y) \log(1 - \hat
///   y)\f$, since its gradient with respect to \f$\mathbf{w}\f$ is \f$(\hat y - y)\,
///   \mathbf{x}\f$. Every example teaches, in proportion to how wrong it is, and
///   \f$\hat y\f$ is a probability. That is the tweak.
///
/// Write `online_update` (activation `"step"` or `"sigmoid"`, anything else
/// `std::invalid_argument`; mismatched lengths too) and `train_online`: `epochs` passes over
/// the rows in order, from zero weights and bias, returning the unit after every epoch.

#include <stdexcept>
#include <string>
#include <vector>

namespace exercises {

/// A linear unit's weights and bias.
struct LinearUnit {
  std::vector<double> w;  ///< one weight per feature
  double b = 0.0;         ///< the bias
};

/// One online update of `unit` on (x, y) with the given activation ("step" or "sigmoid").
void online_update(LinearUnit& unit, const std::vector<double>& x, int y, double eta,
                   const std::string& activation);

/// `epochs` passes of online_update over the rows in order, from zeros: the unit after each.
std::vector<LinearUnit> train_online(const std::vector<std::vector<double>>& x,
                                     const std::vector<int>& y, double eta, int epochs,
                                     const std::string& activation);

}  // namespace exercises
