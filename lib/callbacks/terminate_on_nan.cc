#include "lib/callbacks/terminate_on_nan.h"

#include <cmath>

#include "lib/models/model.h"

namespace nn {

void TerminateOnNaN::on_batch_end(int batch, Logs& logs) {
  const auto loss = logs.find("loss");
  if (loss == logs.end() || std::isfinite(loss->second)) return;
  *out_ << "Batch " << batch << ": Invalid loss, terminating training" << std::endl;
  stopped_ = true;
  model()->stop_training = true;
}

}  // namespace nn
