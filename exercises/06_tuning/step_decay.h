#pragma once
/// \file
/// # Exercise 6.7: a learning-rate schedule as a callback, step by step ★★ (20 points)
///
/// `nn::LearningRateScheduler` changes the rate once per epoch. Keras's
/// `ExponentialDecay` schedule changes it at every *step* (every batch), from the
/// optimizer's count of steps taken so far, \f$k\f$:
///
/// \f[ \eta_k = \eta_0 \cdot r^{\,k / s}, \f]
///
/// with \f$k / s\f$ a real division: the rate falls by the factor \f$r\f$ every \f$s\f$ steps,
/// smoothly. Because \f$k\f$ is the optimizer's count (`optimizer().iterations()`, the
/// number of updates so far: 0 before the first), the schedule goes on where it left off
/// when `fit` is called again on the same model, and does not care how many batches make
/// an epoch.
///
/// Write it as a callback:
/// - `on_batch_begin`: set `model()->optimizer().set_learning_rate(...)` to \f$\eta_k\f$;
/// - `on_epoch_end`: write the rate the epoch's last batch used into `logs["lr"]`, so that
///   `History` records it (callbacks run before History);
/// - the constructor throws `std::invalid_argument` unless \f$\eta_0 > 0\f$, \f$s > 0\f$
///   and \f$0 < r \le 1\f$.

#include "lib/models/callback.h"

namespace exercises {

/// η0 · rate^(k / decay_steps) before every batch, k = the optimizer's step count.
class StepDecay : public nn::Callback {
 public:
  /// η0, s and r as above.
  StepDecay(double initial_learning_rate, double decay_steps, double rate);
  /// Sets the rate for the coming batch.
  void on_batch_begin(int batch, nn::Logs& logs) override;
  /// logs["lr"]: the rate of the epoch's last batch.
  void on_epoch_end(int epoch, nn::Logs& logs) override;

 private:
  double initial_, steps_, rate_;
  double last_ = 0.0;
};

}  // namespace exercises
