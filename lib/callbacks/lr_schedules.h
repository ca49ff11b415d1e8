#pragma once
// Learning-rate schedules with Keras's names: the rate as a function of the optimizer step
// (the number of batches trained so far, from 0), applied before every batch by
// StepSchedule, a callback:
//
//   ExponentialDecay(lr0, decay_steps, decay_rate)   lr0 · decay_rate^(step / decay_steps)
//   PiecewiseConstantDecay({b0, b1}, {v0, v1, v2})   v0 for step ≤ b0, v1 for b0 < step ≤ b1,
//                                                    v2 after
//   OneCycle(total_steps, max_rate)                  Smith's 1cycle, as Géron's chapter 11
//                                                    writes it: up, down, then a tail
//
//   model.fit(x, y, {.callbacks = {nn::step_schedule(nn::ExponentialDecay(0.01, 1000, 0.1))}});
//
// In Keras a schedule is passed to the optimizer as its learning_rate; here the optimizer
// keeps a plain number and the callback sets it, with the same result: batch k trains with
// schedule(k).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lib/models/callback.h"

namespace nn {

/// A learning rate for each optimizer step (Keras's LearningRateSchedule).
class LearningRateSchedule {
 public:
  virtual ~LearningRateSchedule() = default;
  /// The rate for step `step` (batches trained so far, from 0).
  virtual double operator()(std::int64_t step) const = 0;
  /// Keras's class name, e.g. "ExponentialDecay".
  virtual std::string name() const = 0;
};

/// lr0 · decay_rate^(step / decay_steps); with `staircase`, the exponent is rounded down.
class ExponentialDecay : public LearningRateSchedule {
 public:
  /// ValueError for lr0 < 0, decay_steps ≤ 0 or decay_rate ≤ 0.
  ExponentialDecay(double initial_learning_rate, double decay_steps, double decay_rate,
                   bool staircase = false);
  double operator()(std::int64_t step) const override;  ///< the decayed rate
  std::string name() const override { return "ExponentialDecay"; }

 private:
  double initial_, steps_, rate_;
  bool staircase_;
};

/// A constant rate per interval of steps: values[i] for boundaries[i-1] < step ≤ boundaries[i].
class PiecewiseConstantDecay : public LearningRateSchedule {
 public:
  /// ValueError unless values has one more entry than boundaries and boundaries increase.
  PiecewiseConstantDecay(std::vector<std::int64_t> boundaries, std::vector<double> values);
  double operator()(std::int64_t step) const override;  ///< the interval's value
  std::string name() const override { return "PiecewiseConstantDecay"; }

 private:
  std::vector<std::int64_t> boundaries_;
  std::vector<double> values_;
};

/// 1cycle: linear from start_rate up to max_rate over the first half of the steps before the
/// tail, back down to start_rate over the second half, then down to last_rate over the last
/// `last_steps` steps. Defaults as in Géron's OneCycleScheduler: start = max / 10,
/// last_steps = total / 10 + 1, last = start / 1000.
class OneCycle : public LearningRateSchedule {
 public:
  /// ValueError for total_steps < 2 or max_rate ≤ 0. Negative values mean "the default".
  OneCycle(std::int64_t total_steps, double max_rate, double start_rate = -1, double last_rate = -1,
           std::int64_t last_steps = -1);
  double operator()(std::int64_t step) const override;  ///< the rate of the cycle
  std::string name() const override { return "OneCycle"; }

 private:
  std::int64_t total_, half_, last_steps_;
  double max_, start_, last_;
};

/// The callback that makes the optimizer follow a schedule: before each batch it sets the
/// rate to schedule(step), counting steps over the whole fit; after each epoch it writes
/// the rate of the epoch's last batch into the logs as "lr".
class StepSchedule : public Callback {
 public:
  /// Follows `schedule` (shared, not copied).
  explicit StepSchedule(std::shared_ptr<const LearningRateSchedule> schedule);
  void on_train_begin(Logs& logs) override;             ///< step = 0
  void on_batch_begin(int batch, Logs& logs) override;  ///< sets the rate
  void on_batch_end(int batch, Logs& logs) override;    ///< step += 1
  void on_epoch_end(int epoch, Logs& logs) override;    ///< logs["lr"]
  /// The steps trained so far.
  std::int64_t step() const { return step_; }

 private:
  std::shared_ptr<const LearningRateSchedule> schedule_;
  std::int64_t step_ = 0;
};

/// A StepSchedule for a copy of `schedule`: fit(x, y, {.callbacks = {step_schedule(...)}}).
template <class Schedule>
std::shared_ptr<StepSchedule> step_schedule(const Schedule& schedule) {
  return std::make_shared<StepSchedule>(std::make_shared<Schedule>(schedule));
}

}  // namespace nn
