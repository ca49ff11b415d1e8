#include "lib/callbacks/early_stopping.h"

#include <cmath>
#include <limits>

#include "lib/error.h"
#include "lib/models/model.h"
#include "lib/models/monitor.h"

namespace nn {
EarlyStopping::EarlyStopping(EarlyStoppingOptions options, std::ostream& out)
    : options_(std::move(options)), out_(&out) {
  const std::string& mode = options_.mode;
  if (mode != "auto" && mode != "min" && mode != "max") {
    throw ValueError("EarlyStopping: unknown mode '" + mode + "'; known: \"auto\" \"min\" \"max\"");
  }
  if (options_.patience < 0) {
    throw ValueError("EarlyStopping: patience must be >= 0, got " +
                     std::to_string(options_.patience));
  }
  minimize_ = mode == "min" || (mode == "auto" && !larger_is_better(options_.monitor));
  options_.min_delta = std::abs(options_.min_delta);
}

// book:begin early_stopping_rule
bool EarlyStopping::improves(double value, double reference) const {
  return minimize_ ? value < reference - options_.min_delta
                   : value > reference + options_.min_delta;
}

void EarlyStopping::on_train_begin(Logs&) {
  wait_ = stopped_epoch_ = best_epoch_ = 0;
  best_ = minimize_ ? std::numeric_limits<double>::infinity()
                    : -std::numeric_limits<double>::infinity();
  best_weights_.clear();
}

void EarlyStopping::on_epoch_end(int epoch, Logs& logs) {
  const double value = monitored_value("EarlyStopping", options_.monitor, logs);
  if (epoch < options_.start_from_epoch) return;
  if (options_.restore_best_weights && best_weights_.empty()) {
    best_weights_ = model()->get_weights();  // something to restore, even with no improvement
    best_epoch_ = epoch;
  }
  ++wait_;
  if (improves(value, best_)) {
    best_ = value;
    best_epoch_ = epoch;
    if (options_.restore_best_weights) best_weights_ = model()->get_weights();
    if (!options_.baseline || improves(value, *options_.baseline)) wait_ = 0;
    return;
  }
  if (wait_ >= options_.patience && epoch > 0) {
    stopped_epoch_ = epoch;
    model()->stop_training = true;
  }
}
// book:end early_stopping_rule

void EarlyStopping::on_train_end(Logs&) {
  if (stopped_epoch_ > 0 && options_.verbose > 0) {
    *out_ << "Epoch " << stopped_epoch_ + 1 << ": early stopping\n";
  }
  if (options_.restore_best_weights && !best_weights_.empty()) {
    if (options_.verbose > 0) {
      *out_ << "Restoring model weights from the end of the best epoch: " << best_epoch_ + 1
            << ".\n";
    }
    model()->set_weights(best_weights_);
  }
}

}  // namespace nn
