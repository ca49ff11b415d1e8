#pragma once
/// \file
/// # Exercise 6.3: the early-stopping rule ★★ (20 points)
///
/// Early stopping watches the validation loss \f$v_0, v_1, \dots\f$ after every epoch (epochs
/// counted from 0) and decides, epoch by epoch, whether to go on. Keras's rule, which
/// `nn::EarlyStopping` follows, keeps the best value so far and a *wait* counter:
///
/// - epoch \f$e\f$ *improves* when \f$v_e < \text{best} - \delta_{\min}\f$ (the best starts
///   at \f$+\infty\f$, so epoch 0 always improves). Then best = \f$v_e\f$, the best epoch
///   is \f$e\f$ and the wait goes back to 0.
/// - otherwise the wait grows by one, and when it reaches the patience \f$p\f$ (and
///   \f$e > 0\f$), training stops after epoch \f$e\f$.
///
/// A NaN loss never improves. `min_delta` may be given with either sign: only its size
/// counts.
///
/// Write `early_stopping(losses, patience, min_delta)`, which replays the rule on the losses
/// of a training that was *not* stopped and says what early stopping would have done:
/// whether it stops, after which epoch, and which epoch was best at that point (the one
/// whose weights `restore_best_weights` would bring back). If it never stops, `stopped` is
/// false, `stopped_epoch` is the last epoch and `best_epoch` the best over all of them.
/// Throw `std::invalid_argument` for an empty list or a negative patience.

#include <vector>

namespace exercises {

/// What early stopping decides on a list of validation losses.
struct StopDecision {
  bool stopped = false;   ///< whether the rule ends training before the list does
  int stopped_epoch = 0;  ///< the last epoch trained (from 0)
  int best_epoch = 0;     ///< the epoch with the best loss up to then (from 0)
};

/// Replays the early-stopping rule on `losses`, one per epoch.
StopDecision early_stopping(const std::vector<double>& losses, int patience, double min_delta);

}  // namespace exercises
