#pragma once
// LRFinder: the exponential learning-rate finder. Training starts at a tiny learning rate,
// and after every batch the rate is multiplied by a constant factor, so that it sweeps from
// min_lr to max_lr geometrically over `steps` batches:
//
//   lr_i = min_lr · q^i,   q = (max_lr / min_lr)^(1 / (steps − 1)),   i = 0 … steps − 1
//
// It records each batch's rate and loss; a plot of loss against rate on a log axis shows
// where the network learns fastest and where it blows up. It stops after `steps` batches,
// or earlier when the loss explodes: when the smoothed loss exceeds stop_factor times the
// best smoothed loss so far, or a loss is NaN or infinite.
//
//   auto finder = std::make_shared<nn::LRFinder>();     // 1e-5 → 10 over 500 batches
//   model.compile("sparse_categorical_crossentropy", nn::SGD(), {"accuracy"});
//   model.fit(x, y, {.epochs = 1, .callbacks = {finder, std::make_shared<nn::TerminateOnNaN>()}});
//   plot(finder->learning_rates(), finder->losses());
//
// fit() gives callbacks the epoch's running mean of the loss; the finder recovers each
// batch's own loss from two running means, l_b = (b + 1)·m_b − b·m_(b−1), which holds when the
// batches of the epoch so far have the same size. The last batch of an epoch may be smaller,
// so its loss is recorded as NaN (its rate still counts). Give fit() enough epochs for
// `steps` batches, and a TerminateOnNaN so that a NaN loss stops the sweep instead of fit().

#include <vector>

#include "lib/models/callback.h"

namespace nn {

/// The settings of the finder.
struct LRFinderOptions {
  double min_lr = 1e-5;      ///< the rate of the first batch
  double max_lr = 10.0;      ///< the rate of batch steps − 1
  int steps = 500;           ///< batches in the sweep
  double stop_factor = 4.0;  ///< stop when the smoothed loss exceeds this × its best (0: never)
  double beta = 0.98;        ///< smoothing of the loss for the stop rule (see smooth_losses)
};

/// The rate of batch `i` of a geometric sweep from min_lr (i = 0) to max_lr (i = steps − 1).
/// Throws ValueError unless 0 < min_lr < max_lr and steps >= 2.
double exponential_learning_rate(double min_lr, double max_lr, int steps, int i);

/// Exponential moving average with bias correction (Adam's), skipping NaN values:
/// a_k = β·a_(k−1) + (1 − β)·x_k, smoothed_k = a_k / (1 − β^n), n the values seen so far.
/// A NaN input gives a NaN output at its place and leaves the average unchanged. ValueError
/// unless 0 <= β < 1.
std::vector<double> smooth_losses(const std::vector<double>& losses, double beta);

/// Sweeps the learning rate geometrically, batch by batch, recording the loss.
class LRFinder : public Callback {
 public:
  /// ValueError for settings out of range (as exponential_learning_rate, and beta in [0, 1)).
  explicit LRFinder(LRFinderOptions options = {});
  /// Sets the optimizer's rate to min_lr and clears the records.
  void on_train_begin(Logs& logs) override;
  /// Forgets the previous epoch's running mean.
  void on_epoch_begin(int epoch, Logs& logs) override;
  /// Records the batch's rate and loss, stops when the sweep is done or the loss explodes,
  /// and otherwise multiplies the rate by the factor.
  void on_batch_end(int batch, Logs& logs) override;

  /// The rate of every batch of the sweep, in order.
  const std::vector<double>& learning_rates() const { return rates_; }
  /// The loss of every batch (NaN where it could not be recovered).
  const std::vector<double>& losses() const { return losses_; }
  /// The factor q by which the rate grows after each batch.
  double factor() const { return factor_; }
  /// Whether the sweep stopped because the loss exploded.
  bool exploded() const { return exploded_; }

 private:
  LRFinderOptions options_;
  double factor_;
  std::vector<double> rates_, losses_;
  double previous_mean_ = 0.0;  // the running mean after the previous batch of this epoch
  double average_ = 0.0, best_ = 0.0;
  int averaged_ = 0;
  bool exploded_ = false;
};

}  // namespace nn
