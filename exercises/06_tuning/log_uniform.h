#pragma once
/// \file
/// # Exercise 6.2: a log-uniform sampler ★ (10 points)
///
/// A random search draws the learning rate *log-uniformly*: its logarithm is uniform, so
/// that every factor of ten of the interval gets the same share of the draws. From a number
/// \f$u\f$ drawn uniformly from \f$[0, 1)\f$:
///
/// \f[ x = \exp\bigl(\ln a + u\,(\ln b - \ln a)\bigr) = a \left(\frac{b}{a}\right)^{u}. \f]
///
/// Over \f$[10^{-4}, 10^{-1})\f$ a third of the draws fall in each of the three decades,
/// where a plain uniform draw \f$a + u\,(b - a)\f$ would put 90% of them in the last one.
///
/// 1. `log_uniform(u, low, high)`: the formula above. Throw `std::invalid_argument` unless
///    \f$0 < a < b\f$ and \f$0 \le u < 1\f$.
/// 2. `sample_log_uniform(rng, n, low, high)`: `n` draws, each from one call of
///    `rng.uniform()` (the library's `nn::Rng`), in order, so that a seed fixes them all.

#include <vector>

#include "lib/random.h"

namespace exercises {

/// The log-uniform value for the uniform number u in [0, 1).
double log_uniform(double u, double low, double high);

/// n log-uniform draws from [low, high), one rng.uniform() each.
std::vector<double> sample_log_uniform(nn::Rng& rng, int n, double low, double high);

}  // namespace exercises
