#pragma once
/// \file
/// # Exercise 6.5: a callback that stops at a target ★★ (20 points)
///
/// Sometimes "good enough" is known in advance: a product needs 95% accuracy, and every
/// epoch after reaching it is wasted. Write a callback that ends training at the end of the
/// first epoch whose logs reach a target: `logs[monitor] >= target` when larger is better
/// (`mode` "max"), `logs[monitor] <= target` when smaller is better ("min").
///
/// A callback derives from `nn::Callback` and overrides the moments it needs; `fit` calls
/// `on_epoch_end(epoch, logs)` after every epoch (epochs counted from 0) with that epoch's
/// logs ("loss", "accuracy", and "val_loss", "val_accuracy" when there is validation data).
/// To stop, set `model()->stop_training = true`: `fit` finishes the epoch's bookkeeping and
/// returns.
///
/// - The constructor takes the key to watch, the target and the mode; throw
///   `std::invalid_argument` for a mode other than "min" or "max".
/// - `on_train_begin`: forget any previous training (a callback can be reused).
/// - `on_epoch_end`: throw `std::invalid_argument` whose message names the missing key when
///   the logs do not have it; otherwise stop if the target is reached, and remember the epoch.
/// - `stopped_epoch()`: the epoch after which it stopped training, or -1 if it did not.

#include <string>

#include "lib/models/callback.h"

namespace exercises {

/// Stops training once logs[monitor] reaches the target.
class StopAtTarget : public nn::Callback {
 public:
  /// Watches `monitor` for `target`; mode "max" (reach it from below) or "min" (from above).
  StopAtTarget(std::string monitor, double target, std::string mode = "max");
  /// Forgets any earlier training.
  void on_train_begin(nn::Logs& logs) override;
  /// Stops training when the epoch's logs reach the target.
  void on_epoch_end(int epoch, nn::Logs& logs) override;
  /// The epoch (from 0) after which it stopped training; -1 if it has not.
  int stopped_epoch() const { return stopped_epoch_; }

 private:
  std::string monitor_;
  double target_;
  bool maximize_ = true;
  int stopped_epoch_ = -1;
};

}  // namespace exercises
