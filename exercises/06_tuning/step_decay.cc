#include "exercises/06_tuning/step_decay.h"

#include "lib/models/model.h"

namespace exercises {

StepDecay::StepDecay(double initial_learning_rate, double decay_steps, double rate)
    : initial_(initial_learning_rate), steps_(decay_steps), rate_(rate) {
  // TODO: check the three settings.
}

void StepDecay::on_batch_begin(int batch, nn::Logs& logs) {
  // TODO: k = model()->optimizer().iterations(); set the rate to initial * rate^(k / steps)
  // and remember it.
  (void)batch;
  (void)logs;
}

void StepDecay::on_epoch_end(int epoch, nn::Logs& logs) {
  // TODO: logs["lr"] = the last rate set.
  (void)epoch;
  (void)logs;
}

}  // namespace exercises
