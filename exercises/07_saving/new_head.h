#pragma once
/// \file
/// # Exercise 7.6: an architecture, a weights file, and a new head ★★ (20 points)
///
/// A colleague sends two files: the architecture as JSON text (what `nn::model_to_json`
/// and Keras's `model.to_json()` write) and the weights (`nn::save_weights`,
/// `model.save_weights()`). Neither alone is a model: the JSON gives layers with fresh
/// weights, and the weights file needs a model of the right architecture to go into.
///
/// Write two functions of the JSON text and the weights file's path:
///
/// - `restore`: the model as it was saved (Sequential). `nn::model_from_json` (lib/io/
///   json_config.h) builds the architecture; `nn::load_weights` (lib/io/keras_h5.h) fills it.
///   It must predict exactly what the saved model predicted.
/// - `with_new_head`: the same network for another task. Its last Dense layer (the "head")
///   is replaced by one of `units` units with `activation`, named `head_name`; every other
///   layer starts from the weights saved under its name, and the head from fresh weights.
///
/// The config is data: parse it (`nlohmann::json::parse`), change the head's entry in
/// `["config"]["layers"]` (each entry is `{"class_name": "Dense", "config": {"name": ...,
/// "units": ..., "activation": ..., ...}}`), and build the model from the changed config
/// (`nn::model_from_config`). Loading is then a matter of *matching*: by default
/// `load_weights` pairs the model's i-th layer with weights with the file's i-th and
/// refuses any difference of shape; with `{.by_name = true}` each layer takes the weights
/// saved under its own name and a layer the file does not have keeps its own. Which of the
/// two does the new model need, and what must the head's name therefore not be?

#include <memory>
#include <string>

#include "lib/models/model.h"

namespace exercises {

/// The Sequential model of `architecture_json` with the weights of `weights_path`.
std::unique_ptr<nn::Model> restore(const std::string& architecture_json,
                                   const std::string& weights_path);

/// The same architecture whose last Dense layer is replaced by Dense(units, activation) named
/// head_name; the other layers get the saved weights, the head fresh ones.
std::unique_ptr<nn::Model> with_new_head(const std::string& architecture_json,
                                         const std::string& weights_path, int units,
                                         const std::string& activation,
                                         const std::string& head_name);

}  // namespace exercises
