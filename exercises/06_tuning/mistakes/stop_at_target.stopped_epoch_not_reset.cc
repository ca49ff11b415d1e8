// Mistake: does not reset the stopped epoch when training begins again.
#include "exercises/06_tuning/stop_at_target.h"

#include <stdexcept>

#include "lib/models/model.h"

namespace exercises {

StopAtTarget::StopAtTarget(std::string monitor, double target, std::string mode)
    : monitor_(std::move(monitor)), target_(target) {
  if (mode != "max" && mode != "min") {
    throw std::invalid_argument("StopAtTarget: mode must be \"max\" or \"min\", got \"" + mode +
                                "\"");
  }
  maximize_ = mode == "max";
}

void StopAtTarget::on_train_begin(nn::Logs&) {}

void StopAtTarget::on_epoch_end(int epoch, nn::Logs& logs) {
  const auto found = logs.find(monitor_);
  if (found == logs.end()) {
    throw std::invalid_argument("StopAtTarget: the logs have no \"" + monitor_ + "\"");
  }
  const double value = found->second;
  if (maximize_ ? value >= target_ : value <= target_) {
    model()->stop_training = true;
    stopped_epoch_ = epoch;
  }
}

}  // namespace exercises
