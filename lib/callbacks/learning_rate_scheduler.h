#pragma once
// LearningRateScheduler: sets the optimizer's learning rate at the start of every epoch from
// a function of the epoch (from 0) and the current rate, as Keras's does.
//
//   auto decay = std::make_shared<nn::LearningRateScheduler>(
//       [](int epoch, double lr) { return epoch < 10 ? lr : lr * 0.9; });
//
// It also writes the rate of each epoch into the logs as "lr", so History records it.

#include <functional>
#include <iostream>

#include "lib/models/callback.h"

namespace nn {

/// The new learning rate from the epoch (from 0) and the current rate.
using Schedule = std::function<double(int epoch, double learning_rate)>;

/// Sets the learning rate before each epoch.
class LearningRateScheduler : public Callback {
 public:
  /// verbose 1 prints the rate each epoch. ValueError if `schedule` is empty.
  explicit LearningRateScheduler(Schedule schedule, int verbose = 0, std::ostream& out = std::cout);
  /// optimizer.learning_rate = schedule(epoch, optimizer.learning_rate). Throws ValueError
  /// naming the epoch if the schedule returns a negative or non-finite rate.
  void on_epoch_begin(int epoch, Logs& logs) override;
  /// Adds logs["lr"], the rate the epoch trained with.
  void on_epoch_end(int epoch, Logs& logs) override;

 private:
  Schedule schedule_;
  int verbose_;
  std::ostream* out_;
};

/// Keras's ExponentialDecay as an epoch schedule: lr0 · rate^(epoch / steps), e.g.
/// exponential_decay(0.01, 20) divides the rate by 10 every 20 epochs (rate = 0.1).
Schedule exponential_decay(double initial_learning_rate, double steps, double rate = 0.1);

}  // namespace nn
