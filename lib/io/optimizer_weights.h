#pragma once
// An optimizer's state in a model file, so that training can resume exactly where it stopped.
// Keras 2 (TF 2.0 to 2.10's optimizers) writes it in a group "optimizer_weights":
//
//   attribute weight_names = ["Adam/iter:0", "Adam/dense/kernel/m:0", "Adam/dense/bias/m:0",
//                             ..., "Adam/dense/kernel/v:0", ...]
//   Adam/iter:0              int64 ()          the step count
//   Adam/dense/kernel/m:0    float32 (4, 8)    one slot of one weight, the weight's shape
//
// the step count first, then every weight's first slot, then every weight's second slot.

#include "lib/io/hdf5.h"
#include "lib/models/model.h"

namespace nn {

/// Writes the compiled model's optimizer state under `root` as group "optimizer_weights"
/// (nothing if the optimizer has not taken a step yet).
void write_optimizer_weights(Model& model, const h5::Group& root);

/// Restores the optimizer state from `root`'s "optimizer_weights" into the compiled model's
/// optimizer. Returns false, changing nothing, if the names do not match this model and
/// optimizer (say, a file from an older Keras, "training/Adam/Variable:0"): the optimizer
/// then starts afresh, as Keras does when it cannot load the state.
bool read_optimizer_weights(Model& model, const h5::Group& root);

}  // namespace nn
