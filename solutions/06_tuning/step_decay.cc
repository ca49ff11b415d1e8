// Reference solution of exercise 6.7.
#include "exercises/06_tuning/step_decay.h"

#include <cmath>
#include <stdexcept>

#include "lib/models/model.h"

namespace exercises {

StepDecay::StepDecay(double initial_learning_rate, double decay_steps, double rate)
    : initial_(initial_learning_rate), steps_(decay_steps), rate_(rate) {
  if (!(initial_learning_rate > 0) || !(decay_steps > 0) || !(rate > 0 && rate <= 1)) {
    throw std::invalid_argument(
        "StepDecay: need initial_learning_rate > 0, decay_steps > 0 "
        "and 0 < rate <= 1");
  }
}

void StepDecay::on_batch_begin(int, nn::Logs&) {
  nn::Optimizer& optimizer = model()->optimizer();
  const double k = static_cast<double>(optimizer.iterations());  // updates so far
  last_ = initial_ * std::pow(rate_, k / steps_);
  optimizer.set_learning_rate(last_);
}

void StepDecay::on_epoch_end(int, nn::Logs& logs) { logs["lr"] = last_; }

}  // namespace exercises
