#pragma once
/// \file
/// # Exercise 6.1: the learning-rate finder's schedule ★ (10 points)
///
/// The learning-rate finder trains for \f$n\f$ batches and multiplies the learning rate by
/// the same factor \f$q\f$ after every batch, so that batch \f$i\f$ (from 0) trains with
///
/// \f[ \eta_i = \eta_{\min}\, q^{\,i}, \qquad q = \left(\frac{\eta_{\max}}{\eta_{\min}}
///     \right)^{1/(n-1)}. \f]
///
/// The first batch trains with \f$\eta_{\min}\f$ and the last with exactly
/// \f$\eta_{\max}\f$. The chapter sweeps from \f$10^{-5}\f$ to \f$10\f$ in 500 batches.
///
/// 1. `finder_factor(min_lr, max_lr, steps)`: the factor \f$q\f$.
/// 2. `finder_rates(min_lr, max_lr, steps)`: the `steps` rates \f$\eta_0, \dots,
///    \eta_{n-1}\f$. Compute each from the formula rather than by multiplying the previous
///    one by \f$q\f$ 499 times: repeated multiplication lets rounding errors pile up, and
///    the last rate must be \f$\eta_{\max}\f$ to within a relative \f$10^{-12}\f$.
///
/// Both throw `std::invalid_argument` unless \f$0 < \eta_{\min} < \eta_{\max}\f$ and
/// \f$n \ge 2\f$.

#include <vector>

namespace exercises {

/// The factor q by which the rate grows after each of the steps − 1 batches.
double finder_factor(double min_lr, double max_lr, int steps);

/// The rate of every batch of the sweep, from min_lr to max_lr.
std::vector<double> finder_rates(double min_lr, double max_lr, int steps);

}  // namespace exercises
