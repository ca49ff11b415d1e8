#include "lib/callbacks/reduce_lr_on_plateau.h"

#include <algorithm>

#include "lib/error.h"
#include "lib/models/model.h"

namespace nn {

ReduceLROnPlateau::ReduceLROnPlateau(ReduceLROnPlateauOptions options)
    : options_(std::move(options)) {
  if (!(options_.factor > 0.0 && options_.factor < 1.0)) {
    throw ValueError("ReduceLROnPlateau: factor must be in (0, 1), got " +
                     std::to_string(options_.factor));
  }
  if (options_.patience < 0 || options_.cooldown < 0 || options_.min_lr < 0.0) {
    throw ValueError("ReduceLROnPlateau: patience, cooldown and min_lr must be >= 0");
  }
}

void ReduceLROnPlateau::on_train_begin(Logs&) {
  best_ = std::numeric_limits<double>::infinity();
  wait_ = 0;
  cooldown_counter_ = 0;
  reductions_.clear();
}

void ReduceLROnPlateau::on_epoch_end(int epoch, Logs& logs) {
  Optimizer& optimizer = model()->optimizer();
  logs["lr"] = optimizer.learning_rate();
  const auto found = logs.find(options_.monitor);
  if (found == logs.end()) {
    throw ValueError("ReduceLROnPlateau: the logs have no '" + options_.monitor +
                     "' (pass validation data to fit, or monitor \"loss\")");
  }
  const double current = found->second;
  if (cooldown_counter_ > 0) {  // in cooldown: count it down, and do not wait
    --cooldown_counter_;
    wait_ = 0;
  }
  if (current < best_ - options_.min_delta) {
    best_ = current;
    wait_ = 0;
  } else if (cooldown_counter_ == 0 && ++wait_ >= options_.patience) {
    const double rate = optimizer.learning_rate();
    if (rate > options_.min_lr) {
      optimizer.set_learning_rate(std::max(rate * options_.factor, options_.min_lr));
      reductions_.push_back(epoch);
      cooldown_counter_ = options_.cooldown;
      wait_ = 0;
    }
  }
}

}  // namespace nn
