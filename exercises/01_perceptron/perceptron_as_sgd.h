#pragma once
/// \file
/// # Exercise 1.5: the perceptron is SGD on a loss ★★ (15 points)
///
/// A conceptual question, answered in code. With labels \f$t = \pm 1\f$ and the score
/// \f$p = \mathbf{w}^\top\mathbf{x} + b\f$, the *perceptron loss* of one example is
///
/// \f[ L(p, t) = \max(0, -t\,p), \f]
///
/// 1. Write `perceptron_loss(p, t)` and its derivative with respect to the score,
///    `perceptron_loss_gradient(p, t)`; at the kink, and whenever \f$t\,p \le 0\f$, take
///    the slope of the wrong side, \f$-t\f$ (so a score of exactly zero still teaches).
/// 2. Say which settings of stochastic gradient descent make it the perceptron:
///    `perceptron_as_sgd(options, seed)` receives the options of some other SGD run (any
///    loss, learning rate, penalty, epochs and stopping rule; scikit-learn's `SGDClassifier`,
///    for one, penalises with `alpha = 1e-4` and schedules its rate) and returns them
///    changed so that `nn::SgdClassifier` finds exactly the weights, bias and epoch count of
///    `nn::Perceptron` with `random_state = seed` and scikit-learn's other defaults
///    (`nn::PerceptronOptions`). Every setting that the equivalence needs must be yours:
///    the tests start from options where each one is wrong.

#include <cstdint>

#include "lib/linear/sgd_classifier.h"

namespace exercises {

/// max(0, -t p) for t = +1 or -1.
double perceptron_loss(double p, int t);

/// dL/dp: -t where t p <= 0, else 0.
double perceptron_loss_gradient(double p, int t);

/// `options` changed so that SgdClassifier is the perceptron (seeded with `seed`).
nn::SgdOptions perceptron_as_sgd(nn::SgdOptions options, std::uint64_t seed);

}  // namespace exercises
