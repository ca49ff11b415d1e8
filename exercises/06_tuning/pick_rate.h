#pragma once
/// \file
/// # Exercise 6.4: reading a learning rate off the finder's curve ★★ (20 points)
///
/// The finder gives a rate \f$\eta_i\f$ and a loss \f$\ell_i\f$ for each batch. The losses
/// of single batches are noisy, so the curve is first smoothed with a moving average that is
/// corrected for its start at zero (as Adam corrects its moments):
///
/// \f[ a_i = \beta\, a_{i-1} + (1 - \beta)\,\ell_i, \qquad
///     \bar\ell_i = \frac{a_i}{1 - \beta^{\,k}}, \qquad a = 0 \text{ at the start}, \f]
///
/// where \f$k\f$ counts the losses averaged so far, this one included. A NaN loss (a batch
/// whose loss is unknown) is skipped: it leaves \f$a\f$ and \f$k\f$ as they were, and its
/// smoothed value is NaN. Then the rule: find the smallest smoothed loss (the first one if
/// several are equal) and return the rate at that batch divided by `divisor`.
///
/// 1. `smooth(losses, beta)`: the smoothed curve \f$\bar\ell\f$, same length.
/// 2. `pick_rate(rates, losses, beta, divisor)`: the rule.
///
/// Throw `std::invalid_argument` when \f$\beta \notin [0, 1)\f$, when the two lists differ in
/// length, when there is no loss that is not NaN, or when the divisor is not positive.

#include <vector>

namespace exercises {

/// The bias-corrected exponential moving average of the losses, NaN skipped.
std::vector<double> smooth(const std::vector<double>& losses, double beta);

/// The rate at the smoothed curve's minimum, divided by divisor.
double pick_rate(const std::vector<double>& rates, const std::vector<double>& losses, double beta,
                 double divisor);

}  // namespace exercises
