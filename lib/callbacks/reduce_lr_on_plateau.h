#pragma once
// ReduceLROnPlateau, as Keras's: when the monitored number (by default val_loss) has not
// improved by more than min_delta for `patience` epochs, multiply the learning rate by
// `factor` (never below min_lr), then wait `cooldown` epochs before counting again.
//
//   auto plateau = std::make_shared<nn::ReduceLROnPlateau>(
//       nn::ReduceLROnPlateauOptions{.factor = 0.5, .patience = 2});
//
// An epoch improves when v < best − min_delta; best changes only when an epoch improves.

#include <limits>
#include <string>
#include <vector>

#include "lib/models/callback.h"

namespace nn {

/// Keras's arguments and defaults (mode "min": a loss, smaller is better).
struct ReduceLROnPlateauOptions {
  std::string monitor = "val_loss";  ///< the logs key to watch
  double factor = 0.1;               ///< new rate = rate · factor
  int patience = 10;                 ///< epochs without improvement before a cut
  double min_delta = 1e-4;           ///< an improvement must beat best by more than this
  int cooldown = 0;                  ///< epochs after a cut before waiting starts again
  double min_lr = 0.0;               ///< the rate never goes below this
};

/// Cuts the learning rate when the monitored loss stops improving.
class ReduceLROnPlateau : public Callback {
 public:
  /// ValueError for factor outside (0, 1) or negative patience, cooldown or min_lr.
  explicit ReduceLROnPlateau(ReduceLROnPlateauOptions options = {});
  void on_train_begin(Logs& logs) override;           ///< resets best, wait and cooldown
  void on_epoch_end(int epoch, Logs& logs) override;  ///< maybe cuts; logs["lr"]
  /// The epochs (from 0) after which the rate was cut.
  const std::vector<int>& reductions() const { return reductions_; }

 private:
  ReduceLROnPlateauOptions options_;
  double best_ = std::numeric_limits<double>::infinity();
  int wait_ = 0, cooldown_counter_ = 0;
  std::vector<int> reductions_;
};

}  // namespace nn
