#pragma once
// ModelCheckpoint: saves the model (or its weights) at the end of epochs, so that a long
// training can be resumed after a crash and the best model so far is never lost.
//
//   auto checkpoint = std::make_shared<nn::ModelCheckpoint>(
//       "checkpoints/ckpt-{epoch:02d}.h5", nn::ModelCheckpointOptions{.save_best_only = true});
//   model.fit(x, y, {.epochs = 30, .validation_data = ..., .callbacks = {checkpoint}});
//
// The path is formatted as Python's str.format does in Keras: {epoch} is the epoch counted
// from 1, and any key of the logs can be named, with a format spec ({epoch:02d} → "03",
// {val_loss:.4f} → "0.3127"). With save_best_only, a file is written only when the monitored
// value improves on the best so far; a fixed path then always holds the best model. Every
// file is written atomically (a temporary file, then a rename): a crash during a save leaves
// the previous checkpoint whole.
//
// The callback lives in //lib/io rather than //lib:nn, because saving does.

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "lib/models/callback.h"

namespace nn {

/// The settings of ModelCheckpoint, with Keras's names and defaults.
struct ModelCheckpointOptions {
  std::string monitor = "val_loss";  ///< the log key that decides what is best
  int verbose = 0;                   ///< 1: print a line at each epoch's decision
  bool save_best_only = false;       ///< save only when the monitored value improves
  bool save_weights_only = false;    ///< save_weights() instead of save_model()
  /// "min" (smaller is better), "max", or "auto": "max" for accuracies, "min" otherwise.
  std::string mode = "auto";
  /// A best value to beat from the start (a resumed training passes the old best).
  std::optional<double> initial_value_threshold;
};

/// Saves the model or its weights at the end of every epoch, or of every improving one.
class ModelCheckpoint : public Callback {
 public:
  /// `filepath` may hold {epoch} and log keys, with format specs. Throws ValueError for an
  /// unknown mode or a path whose braces do not close.
  explicit ModelCheckpoint(std::string filepath, ModelCheckpointOptions options = {},
                           std::ostream& out = std::cout);

  /// Saves if it should. Throws ValueError listing the keys if save_best_only watches a key
  /// that is not in the logs, or the path names one.
  void on_epoch_end(int epoch, Logs& logs) override;

  /// The best monitored value so far (±infinity before the first).
  double best() const { return best_; }
  /// The files written, in order (a path written twice appears twice).
  const std::vector<std::string>& saved() const { return saved_; }

 private:
  std::string filepath_;
  ModelCheckpointOptions options_;
  std::ostream* out_;
  bool minimize_ = true;
  double best_;
  std::vector<std::string> saved_;
};

/// The path for epoch `epoch` (from 0; written from 1, as Keras does) with these logs:
/// "ckpt-{epoch:02d}-{val_loss:.2f}.h5" → "ckpt-03-0.31.h5". Supports Python's format specs
/// [0][width][.precision][d|f|e|g] and {{ }} for braces. ValueError naming the key if the
/// logs do not have it, or for a spec it cannot apply.
std::string format_checkpoint_path(const std::string& filepath, int epoch, const Logs& logs);

}  // namespace nn
