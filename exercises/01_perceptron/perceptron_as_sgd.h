#pragma once
/// \file
/// # Exercise 1.5: the perceptron is SGD on a loss ★ (15 points)
///
/// A conceptual question, answered in code. With labels \f$t = \pm 1\f$ and the score
/// \f$p = \mathbf{w}^\top\mathbf{x} + b\f$, the *perceptron loss* of one example is
///
/// \f[ L(p, t) = \max(0, -t\,p), \f]
///
/// 1. Write `perceptron_loss(p, t)` and its derivative with respect to the score,
///    `perceptron_loss_gradient(p, t)`; at the kink, and whenever \f$t\,p \le 0\f$, take
///    the slope of the wrong side, \f$-t\f$ (so a score of exactly zero still teaches).
/// 2. Say which settings of stochastic gradient descent make it the perceptron: fill in
///    `perceptron_as_sgd(seed)` so that `nn::SgdClassifier` with those options finds
///    exactly the weights of `nn::Perceptron` with `random_state = seed` and scikit-learn's
///    other defaults.

#include <cstdint>

#include "lib/linear/sgd_classifier.h"

namespace exercises {

/// max(0, -t p) for t = +1 or -1.
double perceptron_loss(double p, int t);

/// dL/dp: -t where t p <= 0, else 0.
double perceptron_loss_gradient(double p, int t);

/// The SgdClassifier settings under which SGD is the perceptron (seeded with `seed`).
nn::SgdOptions perceptron_as_sgd(std::uint64_t seed);

}  // namespace exercises
