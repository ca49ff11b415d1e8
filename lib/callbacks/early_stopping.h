#pragma once
// EarlyStopping: stops training when a monitored number (by default the validation loss) has
// not improved for `patience` epochs, and can put back the weights of its best epoch.
//
//   auto stop = std::make_shared<nn::EarlyStopping>(
//       nn::EarlyStoppingOptions{.patience = 10, .restore_best_weights = true});
//   model.fit(x, y, {.epochs = 100, .validation_data = ..., .callbacks = {stop}});
//   stop->best_epoch();     // the epoch whose weights the model now holds (from 0)
//
// Keras's rule. After each epoch, the value v counts as an improvement on the best so far
// when it beats it by more than min_delta (v < best − min_delta when smaller is better).
// An improvement resets the wait; otherwise the wait grows by one, and when it reaches
// `patience` training stops. With restore_best_weights the model gets its best weights back
// when training ends, whether this callback stopped it or the epochs ran out (Keras 3).

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "lib/models/callback.h"
#include "lib/models/monitor.h"
#include "lib/tensor.h"

namespace nn {

/// The settings of EarlyStopping, with Keras's names and defaults.
struct EarlyStoppingOptions {
  std::string monitor = "val_loss";  ///< the log key to watch
  double min_delta = 0.0;            ///< a change of at most this much is no improvement
  int patience = 0;                  ///< epochs without improvement before stopping
  int verbose = 0;                   ///< 1: print a line when stopping or restoring
  /// "min" (smaller is better), "max", or "auto": "max" for keys ending in "accuracy",
  /// "acc" or "auc", "min" otherwise.
  std::string mode = "auto";
  /// A value to beat: the wait is reset only by epochs that also improve on it.
  std::optional<double> baseline;
  bool restore_best_weights = false;  ///< put the best epoch's weights back at the end
  int start_from_epoch = 0;           ///< epochs of warm-up that are not watched
};

/// Stops training when the monitored value stops improving.
class EarlyStopping : public Callback {
 public:
  /// Throws ValueError for an unknown mode or a negative patience.
  explicit EarlyStopping(EarlyStoppingOptions options = {}, std::ostream& out = std::cout);

  /// Starts a new watch: best = ±∞, wait = 0, no epoch stopped.
  void on_train_begin(Logs& logs) override;
  /// Compares logs[monitor] with the best; stops after `patience` epochs without
  /// improvement. Throws ValueError listing the keys if the monitor is not in the logs.
  void on_epoch_end(int epoch, Logs& logs) override;
  /// Restores the best weights if asked; prints what it did when verbose.
  void on_train_end(Logs& logs) override;

  /// The epoch (from 0) at which it stopped training; 0 if it did not stop it (as Keras).
  int stopped_epoch() const { return stopped_epoch_; }
  /// The epoch (from 0) with the best monitored value.
  int best_epoch() const { return best_epoch_; }
  /// The best monitored value seen.
  double best() const { return best_; }
  /// Epochs since the last improvement.
  int wait() const { return wait_; }
  /// Whether smaller values are better (the resolved mode).
  bool minimizes() const { return minimize_; }

 private:
  bool improves(double value, double reference) const;

  EarlyStoppingOptions options_;
  std::ostream* out_;
  bool minimize_ = true;
  double best_ = 0.0;
  int wait_ = 0, stopped_epoch_ = 0, best_epoch_ = 0;
  std::vector<Tensor> best_weights_;
};

}  // namespace nn
