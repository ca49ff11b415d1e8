#pragma once
/// \file
/// # Exercise 3.8: Normalization's adapt, one batch at a time ★★ (20 points)
///
/// `nn::Normalization::adapt(x)` computes each feature's mean and variance from the whole
/// training set at once. Keras's `adapt` also takes a data set too big for memory, batch by
/// batch, and keeps only running statistics: the count \f$n\f$, the means and the
/// (population) variances so far. Merging a batch of \f$n_b\f$ rows with batch mean
/// \f$\mu_b\f$ and batch variance \f$\sigma^2_b\f$ into statistics \f$(n_a, \mu_a,
/// \sigma^2_a)\f$ gives, per feature, with \f$n = n_a + n_b\f$:
///
/// \f[ \mu = \frac{n_a \mu_a + n_b \mu_b}{n}, \qquad
///     \sigma^2 = \frac{n_a}{n}\big(\sigma^2_a + (\mu_a - \mu)^2\big)
///              + \frac{n_b}{n}\big(\sigma^2_b + (\mu_b - \mu)^2\big). \f]
///
/// The squared distances of the two means from the new one are the part people forget:
/// the spread *between* batches is spread too. And batches of different sizes weigh
/// differently: the last batch is usually smaller.
///
/// Write `update(stats, batch)`, which merges one batch (rows × features; its own mean and
/// population variance computed in double) into `stats`, and `adapt_in_batches(x,
/// batch_size)`, which starts from empty statistics (count 0) and merges the rows of `x` in
/// order, `batch_size` at a time (the last batch holds what is left). The result must match
/// `nn::Normalization::adapt(x)` on the whole of x. Throw `nn::ShapeError` when a batch has
/// another number of features than the statistics (once they have any), and
/// `std::invalid_argument` for an empty batch or a batch size of 0.

#include <stdexcept>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// Running per-feature statistics.
struct RunningMoments {
  nn::Tensor mean;      ///< (1, features); empty while count is 0
  nn::Tensor variance;  ///< (1, features), population variance
  double count = 0;     ///< rows seen
};

/// Merges one batch (rows, features) into the statistics.
void update(RunningMoments& stats, const nn::Tensor& batch);

/// The statistics of x, merged batch by batch.
RunningMoments adapt_in_batches(const nn::Tensor& x, std::size_t batch_size);

}  // namespace exercises
