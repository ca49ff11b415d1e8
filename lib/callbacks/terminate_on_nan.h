#pragma once
// TerminateOnNaN: stops training cleanly when the loss becomes NaN or infinite. Without it,
// fit() throws nn::Error naming the epoch and the step; with it, fit() prints one line,
// stops, and returns the history so far. Either way the step that produced the bad loss
// does not update the weights.

#include <iostream>

#include "lib/models/callback.h"

namespace nn {

/// Stops training at the first NaN or infinite loss.
class TerminateOnNaN : public Callback {
 public:
  /// Reports on `out` (standard output by default).
  explicit TerminateOnNaN(std::ostream& out = std::cout) : out_(&out) {}
  /// Checks logs["loss"]; on NaN or infinity prints "Batch N: Invalid loss, terminating
  /// training" and sets model()->stop_training.
  void on_batch_end(int batch, Logs& logs) override;
  /// Whether it stopped the training.
  bool stopped() const { return stopped_; }

 private:
  std::ostream* out_;
  bool stopped_ = false;
};

}  // namespace nn
