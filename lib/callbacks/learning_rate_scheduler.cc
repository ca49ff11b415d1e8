#include "lib/callbacks/learning_rate_scheduler.h"

#include <cmath>
#include <string>

#include "lib/error.h"
#include "lib/models/model.h"

namespace nn {

LearningRateScheduler::LearningRateScheduler(Schedule schedule, int verbose, std::ostream& out)
    : schedule_(std::move(schedule)), verbose_(verbose), out_(&out) {
  if (!schedule_) throw ValueError("LearningRateScheduler: no schedule given");
}

void LearningRateScheduler::on_epoch_begin(int epoch, Logs&) {
  Optimizer& optimizer = model()->optimizer();
  const double rate = schedule_(epoch, optimizer.learning_rate());
  if (!std::isfinite(rate) || rate < 0.0) {
    throw ValueError("LearningRateScheduler: the schedule gave the learning rate " +
                     std::to_string(rate) + " for epoch " + std::to_string(epoch) +
                     " (from 0); a rate must be finite and >= 0");
  }
  optimizer.set_learning_rate(rate);
  if (verbose_ > 0) {
    *out_ << "Epoch " << epoch + 1 << ": LearningRateScheduler setting learning rate to " << rate
          << ".\n";
  }
}

void LearningRateScheduler::on_epoch_end(int, Logs& logs) {
  logs["lr"] = model()->optimizer().learning_rate();
}

Schedule exponential_decay(double initial_learning_rate, double steps, double rate) {
  if (!(steps > 0.0)) {
    throw ValueError("exponential_decay: steps must be > 0, got " + std::to_string(steps));
  }
  return [=](int epoch, double) { return initial_learning_rate * std::pow(rate, epoch / steps); };
}

}  // namespace nn
