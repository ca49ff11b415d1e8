#pragma once
// A model's architecture as data: Keras's JSON model config. Sequential and functional models
// are graphs of layers, so they can be written down and rebuilt from the text alone:
//
//   std::string text = nn::model_to_json(model);                   // Keras's model.to_json()
//   std::unique_ptr<nn::Model> copy = nn::model_from_json(text);   // same layers, new weights
//
// The text is what Keras writes: {"class_name": "Sequential", "config": {"name": ...,
// "layers": [...]}} or {"class_name": "Functional", "config": {"layers": [... with
// "inbound_nodes"], "input_layers", "output_layers"}}, and the reader also takes what older
// Keras versions wrote (a Sequential config that is a plain list of layers, class "Model",
// batch_input_shape on the first layer). A subclassed model has no such text: its
// architecture is the code of its call().

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "lib/models/model.h"

namespace nn {

/// The Keras version whose file layout this library writes (the last Keras 2 release).
inline constexpr const char* kKerasVersion = "2.15.0";

/// {"class_name": "Sequential" or "Functional", "config": model.get_config()}. Throws
/// nn::Error for a subclassed model, saying that only its weights can be saved.
nlohmann::json model_config(const Model& model);

/// Keras's model.to_json(): model_config() with "keras_version" and "backend"; `indent` as
/// nlohmann::json::dump (-1: one line).
std::string model_to_json(const Model& model, int indent = -1);

/// A new model with the architecture of a Keras model config (Sequential, Functional or
/// Model), its layers built when the config gives the input shape, with fresh weights.
/// Throws ValueError naming the layer for an unknown layer class or setting, or for a graph
/// that does not connect.
std::unique_ptr<Model> model_from_config(const nlohmann::json& config);

/// model_from_config() of a JSON text (Keras's model.to_json(), or a file's model_config).
/// Throws DataError if the text is not JSON.
std::unique_ptr<Model> model_from_json(const std::string& json);

}  // namespace nn
