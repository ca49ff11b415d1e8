#pragma once
// Callbacks: code that fit() calls at fixed moments, to watch training (History, the
// progress bar) or steer it (stop early, change the learning rate, save the model). A
// callback overrides the moments it cares about; fit() calls them in this order:
//
//   on_train_begin
//     on_epoch_begin(epoch)                     epochs count from 0
//       on_batch_begin(batch) ... on_batch_end(batch, logs)     running means so far
//     on_epoch_end(epoch, logs)                 with val_loss etc. after validation
//   on_train_end(logs)
//
// Logs use Keras's keys: "loss", "accuracy", "val_loss", "val_accuracy", and per output
// "<output>_loss" when a model has several. A callback may add keys (e.g. "lr") to the logs
// it is given; callbacks after it see them. To stop training, set model()->stop_training.

#include <map>
#include <string>

namespace nn {

class Model;

/// The numbers fit() reports: name → value.
using Logs = std::map<std::string, double>;

/// What fit() tells callbacks about the run ahead (Keras's `params`).
struct FitParams {
  int epochs = 0;   ///< epochs in this fit
  int steps = 0;    ///< batches per epoch
  int verbose = 0;  ///< 0 silent, 1 progress bar, 2 one line per epoch
};

/// The base of every callback: every moment does nothing unless overridden.
class Callback {
 public:
  virtual ~Callback() = default;
  /// Before the first epoch.
  virtual void on_train_begin(Logs& logs) {}
  /// After the last epoch (or a stop), with the last epoch's logs.
  virtual void on_train_end(Logs& logs) {}
  /// Before epoch `epoch` (from 0).
  virtual void on_epoch_begin(int epoch, Logs& logs) {}
  /// After epoch `epoch`, with its logs (training means and validation results).
  virtual void on_epoch_end(int epoch, Logs& logs) {}
  /// Before batch `batch` of the epoch (from 0).
  virtual void on_batch_begin(int batch, Logs& logs) {}
  /// After batch `batch`, with the epoch's running means so far.
  virtual void on_batch_end(int batch, Logs& logs) {}
  /// Whether it draws fit()'s progress (then fit() adds no bar of its own when verbose > 0).
  virtual bool shows_progress() const { return false; }

  /// The model being trained (set by fit).
  Model* model() const { return model_; }
  /// Called by fit before training.
  void set_model(Model* model) { model_ = model; }
  /// The run's epochs, steps and verbosity.
  const FitParams& params() const { return params_; }
  /// Called by fit before training.
  void set_params(const FitParams& params) { params_ = params; }

 private:
  Model* model_ = nullptr;
  FitParams params_;
};

}  // namespace nn
