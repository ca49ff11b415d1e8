#include "lib/callbacks/lr_schedules.h"

#include <algorithm>
#include <cmath>

#include "lib/error.h"
#include "lib/models/model.h"
#include "lib/text.h"

namespace nn {

ExponentialDecay::ExponentialDecay(double initial_learning_rate, double decay_steps,
                                   double decay_rate, bool staircase)
    : initial_(initial_learning_rate),
      steps_(decay_steps),
      rate_(decay_rate),
      staircase_(staircase) {
  if (!(initial_ >= 0.0) || !(steps_ > 0.0) || !(rate_ > 0.0)) {
    throw ValueError(
        "ExponentialDecay: needs initial_learning_rate >= 0, decay_steps > 0 and "
        "decay_rate > 0, got " +
        std::to_string(initial_) + ", " + std::to_string(steps_) + ", " + std::to_string(rate_));
  }
}

double ExponentialDecay::operator()(std::int64_t step) const {
  double exponent = static_cast<double>(step) / steps_;
  if (staircase_) exponent = std::floor(exponent);
  return initial_ * std::pow(rate_, exponent);
}

PiecewiseConstantDecay::PiecewiseConstantDecay(std::vector<std::int64_t> boundaries,
                                               std::vector<double> values)
    : boundaries_(std::move(boundaries)), values_(std::move(values)) {
  if (values_.size() != boundaries_.size() + 1) {
    throw ValueError("PiecewiseConstantDecay: " + std::to_string(boundaries_.size()) +
                     " boundaries need " + count_of(boundaries_.size() + 1, "value") + ", got " +
                     std::to_string(values_.size()));
  }
  if (!std::is_sorted(boundaries_.begin(), boundaries_.end()) ||
      std::adjacent_find(boundaries_.begin(), boundaries_.end()) != boundaries_.end()) {
    throw ValueError("PiecewiseConstantDecay: the boundaries must increase");
  }
}

double PiecewiseConstantDecay::operator()(std::int64_t step) const {
  // The first boundary that is >= step names the interval (Keras: step <= boundaries[0]
  // gives values[0]).
  const auto it = std::lower_bound(boundaries_.begin(), boundaries_.end(), step);
  return values_[it - boundaries_.begin()];
}

OneCycle::OneCycle(std::int64_t total_steps, double max_rate, double start_rate, double last_rate,
                   std::int64_t last_steps)
    : total_(total_steps), max_(max_rate) {
  if (total_steps < 2 || !(max_rate > 0.0)) {
    throw ValueError("OneCycle: needs total_steps >= 2 and max_rate > 0, got " +
                     std::to_string(total_steps) + " and " + std::to_string(max_rate));
  }
  start_ = start_rate >= 0 ? start_rate : max_rate / 10;
  last_steps_ = last_steps >= 0 ? last_steps : total_steps / 10 + 1;
  last_ = last_rate >= 0 ? last_rate : start_ / 1000;
  half_ = std::max<std::int64_t>(1, (total_ - last_steps_) / 2);
}

double OneCycle::operator()(std::int64_t step) const {
  const auto between = [](double from, double to, double fraction) {
    return from + (to - from) * std::clamp(fraction, 0.0, 1.0);
  };
  if (step < half_) return between(start_, max_, double(step) / half_);
  if (step < 2 * half_) return between(max_, start_, double(step - half_) / half_);
  const double tail = std::max<double>(1.0, double(total_ - 2 * half_));
  return between(start_, last_, double(step - 2 * half_) / tail);
}

StepSchedule::StepSchedule(std::shared_ptr<const LearningRateSchedule> schedule)
    : schedule_(std::move(schedule)) {
  if (!schedule_) throw ValueError("StepSchedule: no schedule given");
}

void StepSchedule::on_train_begin(Logs&) { step_ = 0; }

void StepSchedule::on_batch_begin(int, Logs&) {
  const double rate = (*schedule_)(step_);
  if (!std::isfinite(rate) || rate < 0.0) {
    throw ValueError(schedule_->name() + ": the learning rate " + std::to_string(rate) +
                     " at step " + std::to_string(step_) + " is not finite and >= 0");
  }
  model()->optimizer().set_learning_rate(rate);
}

void StepSchedule::on_batch_end(int, Logs&) { ++step_; }

void StepSchedule::on_epoch_end(int, Logs& logs) {
  logs["lr"] = model()->optimizer().learning_rate();
}

}  // namespace nn
