#pragma once
// Everything a chapter needs to build and train networks, in one include:
//
//   #include "lib/nn.h"
//
//   nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"),
//                         nn::Dense(100, "relu"), nn::Dense(10, "softmax")});
//   model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});
//   nn::History history = model.fit(x_train, y_train, {.epochs = 30});
//
// Errors are nn::Error (lib/error.h): catch (const nn::Error& e) catches every one.

#include "lib/activations.h"
#include "lib/callbacks/csv_logger.h"
#include "lib/callbacks/early_stopping.h"
#include "lib/callbacks/learning_rate_scheduler.h"
#include "lib/callbacks/lr_finder.h"
#include "lib/callbacks/lr_schedules.h"
#include "lib/callbacks/reduce_lr_on_plateau.h"
#include "lib/callbacks/terminate_on_nan.h"
#include "lib/error.h"
#include "lib/gradient_check.h"
#include "lib/initializers.h"
#include "lib/layers/activation.h"
#include "lib/layers/batch_normalization.h"
#include "lib/layers/concatenate.h"
#include "lib/layers/dense.h"
#include "lib/layers/dropout.h"
#include "lib/layers/flatten.h"
#include "lib/layers/input.h"
#include "lib/layers/layer.h"
#include "lib/layers/normalization.h"
#include "lib/layers/relu.h"
#include "lib/layers/softmax.h"
#include "lib/losses/crossentropy.h"
#include "lib/losses/loss.h"
#include "lib/losses/regression.h"
#include "lib/metrics.h"
#include "lib/models/arrays.h"
#include "lib/models/callback.h"
#include "lib/models/functional.h"
#include "lib/models/graphviz.h"
#include "lib/models/history.h"
#include "lib/models/model.h"
#include "lib/models/per_output.h"
#include "lib/models/progress_bar.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/adamw.h"
#include "lib/optimizers/optimizer.h"
#include "lib/optimizers/rmsprop.h"
#include "lib/optimizers/sgd.h"
#include "lib/regularizers.h"
#include "lib/var.h"
