#pragma once
// What compile() was told, as Keras writes it in a model file's training_config:
//
//   {"loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"],
//    "weighted_metrics": null, "loss_weights": null,
//    "optimizer_config": {"class_name": "Adam", "config": {"learning_rate": 0.001, ...}}}
//
// Loading a model compiles it again from this, so that training can go on. The reader takes
// what Keras 2.0 to 2.15 wrote: "lr" for the learning rate, metrics as names, as lists per
// output or as metric objects, losses and loss weights as one value, a list or a dict keyed
// by output name.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/losses/loss.h"
#include "lib/models/model.h"
#include "lib/optimizers/optimizer.h"

namespace nn {

/// Keras's {"class_name": "Adam", "config": {...}} of an optimizer.
nlohmann::json optimizer_config(const Optimizer& optimizer);

/// A new optimizer from Keras's optimizer_config (Adam or SGD; "lr" or "learning_rate").
/// ValueError for another class or a setting this library does not have (decay, amsgrad).
std::unique_ptr<Optimizer> optimizer_from_config(const nlohmann::json& config);

/// A loss from Keras's config: a name ("mse"), or {"class_name": "Huber", "config": {...}}.
std::unique_ptr<Loss> loss_from_config(const nlohmann::json& config);

/// The training_config of a compiled model (nn::Error if it is not compiled).
nlohmann::json training_config(const Model& model);

/// Compiles `model` as a training_config says; `output_names` resolve losses and loss
/// weights given per output name. ValueError naming the setting it cannot honour.
void compile_from_training_config(Model& model, const nlohmann::json& config,
                                  const std::vector<std::string>& output_names);

}  // namespace nn
