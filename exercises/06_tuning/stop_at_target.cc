#include "exercises/06_tuning/stop_at_target.h"

#include <stdexcept>

#include "lib/models/model.h"

namespace exercises {

StopAtTarget::StopAtTarget(std::string monitor, double target, std::string mode)
    : monitor_(std::move(monitor)), target_(target) {
  // TODO: check the mode and set maximize_.
  (void)mode;
}

void StopAtTarget::on_train_begin(nn::Logs&) {
  // TODO: a new training has not stopped yet.
}

void StopAtTarget::on_epoch_end(int epoch, nn::Logs& logs) {
  // TODO: find logs[monitor_] (throw if missing), compare it with the target, and on success
  // set model()->stop_training and remember the epoch.
  (void)epoch;
  (void)logs;
}

}  // namespace exercises
