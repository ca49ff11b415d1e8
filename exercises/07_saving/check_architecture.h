#pragma once
/// \file
/// # Exercise 7.3: check a file's architecture before loading ★★ (20 points)
///
/// `nn::load_weights` refuses a file whose arrays have other shapes than the model's, but
/// a program that is about to replace a model's weights may want to know *why* first,
/// and in words. A whole-model file (from `nn::save_model`) holds the architecture it was
/// saved with, as JSON text in its root attribute `model_config`; `nn::model_config(model)`
/// (lib/io/json_config.h) gives the same JSON for a model in memory. Both look like
///
/// ```
/// {"class_name": "Sequential", "config": {"name": ..., "layers": [
///   {"class_name": "InputLayer", "config": {...}},
///   {"class_name": "Dense", "config": {"name": "dense", "units": 300, "activation": "relu", ...}},
///   ...]}}
/// ```
///
/// Write `architecture_differences(model, path)`, which compares the two lists of layers,
/// leaving out the InputLayer entries, and returns one sentence per difference (an empty
/// list when they match):
///
/// - if the numbers of layers differ, only `"the file has F layers, the model M"`;
/// - otherwise, for each layer i (from 0) in order: if the class names differ,
///   `"layer i (NAME): class is FILE in the file, MODEL in the model"`; if both are Dense,
///   the same sentence for `units` and then for `activation`, each when it differs
///   (`"layer 1 (dense_1): units is 100 in the file, 50 in the model"`). NAME is the
///   file's name for the layer, and the values are written as plain text (no quotes).
///
/// Read the file with `nn::h5::File::open(path)` and `string_attribute("model_config")`;
/// a file without `model_config` holds only weights: throw `nn::DataError` naming it.

#include <string>
#include <vector>

#include "lib/models/model.h"

namespace exercises {

/// The differences between the architecture saved in `path` and `model`'s, in words.
std::vector<std::string> architecture_differences(const nn::Model& model, const std::string& path);

}  // namespace exercises
