#pragma once
/// \file
/// # Exercise 6.8: the batch size and the learning rate go together ★★ (15 points)
///
/// The chapter's search treats the batch size and the learning rate as two separate
/// knobs; they are not. One step of SGD on a batch of \f$B\f$ examples moves the weights
/// by \f$\eta\f$ times the *mean* gradient of the batch. Take \f$k\f$ small batches of
/// \f$B\f$ examples one after the other with a small rate, and the weights move by about
/// \f$\eta \sum_{j=1}^{k} \bar g_j\f$, where one big batch of \f$kB\f$ examples moves them
/// by \f$\eta\, \frac{1}{k} \sum_j \bar g_j\f$: \f$k\f$ times less per epoch. Hence the
/// *linear scaling rule* (Goyal et al., 2017): multiply the batch size by \f$k\f$, multiply
/// the learning rate by \f$k\f$, and an epoch does about the same work, in \f$k\f$ times
/// fewer steps. (Adam's steps do not grow with the gradient, and a square-root rule,
/// \f$\eta \sqrt{k}\f$, is the usual starting point for it.) The rule holds while \f$\eta\f$
/// stays small enough for the gradient not to change much within \f$k\f$ small steps.
///
/// Write
/// - `steps_per_epoch(rows, batch_size)`: the number of batches in an epoch, the last one
///   possibly smaller;
/// - `scaled_learning_rate(base_rate, base_batch, batch, rule)`: the rate for `batch` when
///   `base_rate` suits `base_batch`, with `rule` `"linear"` or `"sqrt"` (the factor \f$k =
///   \f$ batch / base_batch need not be a whole number). Throw `std::invalid_argument`
///   for a rule of another name and for sizes or a rate that are not positive.
///
/// The test trains the same linear model one epoch with batches of 8 and with batches of
/// 64 at your rate, and checks that the two end up close together.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace exercises {

/// How many batches of batch_size (the last one may be smaller) cover rows.
std::size_t steps_per_epoch(std::size_t rows, std::size_t batch_size);

/// The learning rate for `batch`, scaled from base_rate at base_batch by `rule`.
double scaled_learning_rate(double base_rate, std::size_t base_batch, std::size_t batch,
                            const std::string& rule = "linear");

}  // namespace exercises
