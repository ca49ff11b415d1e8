#pragma once
// Layers from Keras's layer configs: the inverse of Layer::get_config(). A Keras model file
// describes each layer as {"class_name": "Dense", "config": {"name": "dense", "units": 30,
// "activation": "relu", ...}}; layer_from_config() makes our layer with those settings (its
// weights come later, from the file's arrays). Settings this library does not have, such as
// a non-zero regularizer or a float64 dtype, are refused by name rather than ignored, so a
// loaded model never behaves differently from the one that was saved without saying so.

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/initializers.h"
#include "lib/layers/layer.h"

namespace nn {

/// Makes a layer from its config (the "config" object of a Keras layer entry).
using LayerFactory = std::function<std::shared_ptr<Layer>(const nlohmann::json& config)>;

/// The layer of Keras class `class_name` ("Dense", "Flatten", "Activation", "Dropout",
/// "Concatenate", "Normalization", or a class given to register_layer_class) with the
/// settings of `config`, trainable as the config says. Throws ValueError naming the layer and
/// the class (and listing the known classes) for an unknown class, and naming the setting for
/// one this library does not support. InputLayer is not a layer here: models read it.
std::shared_ptr<Layer> layer_from_config(const std::string& class_name,
                                         const nlohmann::json& config);

/// Teaches layer_from_config (and so load_model) a layer class of your own, as Keras's
/// custom_objects do. Replaces a factory registered before under the same name.
void register_layer_class(const std::string& class_name, LayerFactory factory);

/// The class names layer_from_config knows, sorted.
std::vector<std::string> known_layer_classes();

/// An initializer from Keras's config: {"class_name": "GlorotUniform", "config": {"seed":
/// null}}, or a name such as "glorot_uniform" (Keras 1). VarianceScaling's distribution
/// "normal" (Keras before 2.3) means the truncated normal. ValueError for an unknown class.
Initializer initializer_from_config(const nlohmann::json& config);

/// A whole number from a config, checked: a JSON integer in [lowest, highest], or a
/// ValueError naming `what`. (nlohmann's get<int>() casts a float such as 2e22 to int, which
/// is undefined behaviour; json_config_fuzzer found it.)
std::int64_t config_integer(const nlohmann::json& value, const std::string& what,
                            std::int64_t lowest, std::int64_t highest);

/// The shape of one example that a Keras shape list gives: [null, 28, 28] → {28, 28}.
/// ValueError naming `what` if it is not a list of null then positive integers.
std::vector<std::size_t> example_shape(const nlohmann::json& batch_shape, const std::string& what);

}  // namespace nn
