#pragma once
// What a callback that watches a metric reads from the logs (EarlyStopping, ModelCheckpoint,
// ReduceLROnPlateau): the value, with a clear error when it is not there, and which way is
// better when the mode is "auto".

#include <string>

#include "lib/models/callback.h"

namespace nn {

/// Whether "auto" means larger is better for this log key: keys ending in "accuracy",
/// "acc" or "auc" (with or without "val_").
bool larger_is_better(const std::string& monitor);

/// The log value `key`, or ValueError naming `who` and listing the keys that are there.
double monitored_value(const std::string& who, const std::string& key, const Logs& logs);

}  // namespace nn
