#pragma once
// History: every epoch's logs, kept for plotting learning curves. fit() always uses one and
// returns it: history.history["val_loss"][epoch].

#include <map>
#include <string>
#include <vector>

#include "lib/models/callback.h"

namespace nn {

/// The record of a fit.
class History : public Callback {
 public:
  /// Starts a new record (a fit may add to a model that trained before).
  void on_train_begin(Logs& logs) override;
  /// Appends the epoch and each log value.
  void on_epoch_end(int epoch, Logs& logs) override;

  /// Each log key → its value per epoch, in epoch order.
  std::map<std::string, std::vector<double>> history;
  /// The epochs recorded (from 0, or from initial_epoch).
  std::vector<int> epoch;
};

}  // namespace nn
