#include "lib/io/layer_config.h"

#include <algorithm>
#include <map>
#include <optional>

#include "lib/error.h"
#include "lib/layers/activation.h"
#include "lib/layers/batch_normalization.h"
#include "lib/layers/concatenate.h"
#include "lib/layers/dense.h"
#include "lib/layers/dropout.h"
#include "lib/layers/flatten.h"
#include "lib/layers/normalization.h"
#include "lib/layers/relu.h"
#include "lib/layers/softmax.h"
#include "lib/registry.h"

namespace nn {
namespace {

using nlohmann::json;

std::optional<std::uint64_t> seed_of(const json& config) {
  if (!config.is_object() || !config.contains("seed") || config["seed"].is_null()) {
    return std::nullopt;
  }
  const json& seed = config["seed"];
  if (!seed.is_number_unsigned()) {
    throw ValueError("a seed must be a whole number >= 0, got " + seed.dump());
  }
  return seed.get<std::uint64_t>();
}

// A regularizer or constraint that changes nothing (null, or L1L2 with both factors 0) is
// fine; any other would make training here differ from Keras's, so it is refused.
void check_inactive(const json& config, const char* key) {
  if (!config.contains(key) || config[key].is_null()) return;
  const json& value = config[key];
  const json& settings = value.value("config", json::object());
  if (value.value("class_name", "") == "L1L2" && settings.value("l1", 0.0) == 0.0 &&
      settings.value("l2", 0.0) == 0.0) {
    return;
  }
  throw ValueError(std::string(key) + " " + value.dump() + " is not supported");
}

// The activation's name: Keras writes a name, or null for none.
std::string activation_of(const json& config) {
  if (!config.contains("activation") || config["activation"].is_null()) return "linear";
  if (!config["activation"].is_string()) {
    throw ValueError("activation " + config["activation"].dump() + " is not a built-in name");
  }
  return config["activation"].get<std::string>();
}

std::shared_ptr<Layer> make_dense(const json& config) {
  for (const char* key :
       {"bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"}) {
    check_inactive(config, key);
  }
  std::optional<Regularizer> kernel_regularizer;
  if (config.contains("kernel_regularizer") && !config["kernel_regularizer"].is_null()) {
    kernel_regularizer = Regularizer::from_config(config["kernel_regularizer"]);
  }
  return std::make_shared<DenseLayer>(
      static_cast<int>(config_integer(config.at("units"), "Dense units", 1, 1 << 24)),
      activation_of(config),
      initializer_from_config(config.value("kernel_initializer", json("glorot_uniform"))),
      initializer_from_config(config.value("bias_initializer", json("zeros"))),
      config.value("name", ""), config.value("use_bias", true), std::move(kernel_regularizer));
}

std::shared_ptr<Layer> make_activation(const json& config) {
  return std::make_shared<ActivationLayer>(activation_of(config), config.value("name", ""));
}

std::shared_ptr<Layer> make_dropout(const json& config) {
  if (config.contains("noise_shape") && !config["noise_shape"].is_null()) {
    throw ValueError("noise_shape " + config["noise_shape"].dump() + " is not supported");
  }
  return std::make_shared<DropoutLayer>(config.at("rate").get<double>(), seed_of(config),
                                        config.value("name", ""));
}

std::shared_ptr<Layer> make_flatten(const json& config) {
  std::vector<std::size_t> shape;
  if (config.contains("batch_input_shape")) {
    shape = example_shape(config["batch_input_shape"], "batch_input_shape");
  }
  return std::make_shared<FlattenLayer>(shape, config.value("name", ""));
}

// Our tensors have one axis of features: Keras's -1 (the last) or 1 (the same, in 2-D).
void check_feature_axis(const json& axis) {
  const json single = axis.is_array() && axis.size() == 1 ? axis[0] : axis;
  if (!single.is_number_integer() || (single.get<int>() != -1 && single.get<int>() != 1)) {
    throw ValueError("axis " + axis.dump() + " is not supported (only the features, -1)");
  }
}

std::shared_ptr<Layer> make_concatenate(const json& config) {
  check_feature_axis(config.value("axis", json(-1)));
  return std::make_shared<ConcatenateLayer>(config.value("name", ""));
}

std::shared_ptr<Layer> make_normalization(const json& config) {
  check_feature_axis(config.value("axis", json(-1)));
  for (const char* key : {"mean", "variance"}) {
    if (config.contains(key) && !config[key].is_null()) {
      throw ValueError(std::string(key) + " given in the config is not supported (adapt() it)");
    }
  }
  if (config.value("invert", false)) throw ValueError("invert = true is not supported");
  return std::make_shared<NormalizationLayer>(config.value("name", ""));
}

// LeakyReLU's slope: negative_slope (Keras 3) or alpha (Keras 2), 0.3 by default.
std::shared_ptr<Layer> make_leaky_relu(const json& config) {
  const double slope = config.value("negative_slope", config.value("alpha", 0.3));
  return std::make_shared<LeakyReLULayer>(slope, config.value("name", ""));
}

std::shared_ptr<Layer> make_relu(const json& config) {
  const json cap = config.value("max_value", json(nullptr));
  return std::make_shared<ReLULayer>(
      cap.is_null() ? std::nullopt : std::optional(cap.get<double>()),
      config.value("negative_slope", 0.0), config.value("threshold", 0.0),
      config.value("name", ""));
}

std::shared_ptr<Layer> make_softmax(const json& config) {
  check_feature_axis(config.value("axis", json(-1)));
  return std::make_shared<SoftmaxLayer>(config.value("name", ""));
}

std::shared_ptr<Layer> make_batch_normalization(const json& config) {
  check_feature_axis(config.value("axis", json(-1)));
  for (const char* key :
       {"beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"}) {
    check_inactive(config, key);
  }
  if (config.value("renorm", false)) throw ValueError("renorm = true is not supported");
  return std::make_shared<BatchNormalizationLayer>(
      config.value("momentum", 0.99), config.value("epsilon", 1e-3), config.value("center", true),
      config.value("scale", true), config.value("name", ""));
}

Registry<LayerFactory>& registry() {
  static Registry<LayerFactory> factories("layer class",
                                          {
                                              {"Activation", make_activation},
                                              {"BatchNormalization", make_batch_normalization},
                                              {"Concatenate", make_concatenate},
                                              {"Dense", make_dense},
                                              {"Dropout", make_dropout},
                                              {"Flatten", make_flatten},
                                              {"Normalization", make_normalization},
                                              {"LeakyReLU", make_leaky_relu},
                                              {"ReLU", make_relu},
                                              {"Softmax", make_softmax},
                                          });
  return factories;
}

// Keras's dtype: "float32", or (Keras 2.13+) a Policy whose name is "float32".
void check_dtype(const json& config) {
  if (!config.contains("dtype") || config["dtype"].is_null()) return;
  const json& dtype = config["dtype"];
  const std::string name = dtype.is_string()
                               ? dtype.get<std::string>()
                               : dtype.value("config", json::object()).value("name", dtype.dump());
  if (name != "float32") {
    throw ValueError("dtype " + name + " is not supported (this library computes in float32)");
  }
}

}  // namespace

std::shared_ptr<Layer> layer_from_config(const std::string& class_name, const json& config) {
  const std::string title =
      "layer '" + config.value("name", std::string("?")) + "' (" + class_name + ")";
  const LayerFactory* factory = registry().find(class_name);
  if (factory == nullptr) {
    throw ValueError(title + ": " + registry().unknown(class_name) + " (and \"InputLayer\")");
  }
  try {
    check_dtype(config);
    std::shared_ptr<Layer> layer = (*factory)(config);
    layer->set_trainable(config.value("trainable", true));
    return layer;
  } catch (const json::exception& e) {
    throw ValueError(title + ": a setting has the wrong type or is missing: " + e.what());
  } catch (const Error& e) {
    throw ValueError(title + ": " + e.what());
  }
}

void register_layer_class(const std::string& class_name, LayerFactory factory) {
  registry().add(class_name, std::move(factory));
}

std::vector<std::string> known_layer_classes() { return registry().names(); }

Initializer initializer_from_config(const json& config) {
  if (config.is_string()) return Initializer(config.get<std::string>());
  const std::string name = config.value("class_name", std::string());
  const json settings = config.value("config", json::object());
  const auto seed = seed_of(settings);
  const auto number = [&](const char* key, double fallback) {
    return settings.value(key, fallback);
  };
  if (name == "Zeros") return Zeros();
  if (name == "Ones") return Ones();
  if (name == "Constant") return Constant(number("value", 0.0));
  if (name == "RandomNormal") return RandomNormal(number("mean", 0), number("stddev", 0.05), seed);
  if (name == "TruncatedNormal") {
    return TruncatedNormal(number("mean", 0), number("stddev", 0.05), seed);
  }
  if (name == "RandomUniform") {
    return RandomUniform(number("minval", -0.05), number("maxval", 0.05), seed);
  }
  if (name == "GlorotUniform") return GlorotUniform(seed);
  if (name == "GlorotNormal") return GlorotNormal(seed);
  if (name == "HeUniform") return HeUniform(seed);
  if (name == "HeNormal") return HeNormal(seed);
  if (name == "LecunUniform") return LecunUniform(seed);
  if (name == "LecunNormal") return LecunNormal(seed);
  if (name == "VarianceScaling") {
    std::string distribution = settings.value("distribution", std::string("truncated_normal"));
    if (distribution == "normal") distribution = "truncated_normal";  // Keras 2.0 to 2.2
    return VarianceScaling(number("scale", 1.0), settings.value("mode", std::string("fan_in")),
                           distribution, seed);
  }
  throw ValueError("initializer " + config.dump() +
                   " is not one this library knows (Zeros, Ones, Constant, RandomNormal, "
                   "RandomUniform, TruncatedNormal, VarianceScaling, Glorot/He/Lecun)");
}

std::int64_t config_integer(const json& value, const std::string& what, std::int64_t lowest,
                            std::int64_t highest) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < lowest ||
      value.get<std::int64_t>() > highest) {
    throw ValueError(what + " must be a whole number from " + std::to_string(lowest) + " to " +
                     std::to_string(highest) + ", got " + value.dump());
  }
  return value.get<std::int64_t>();
}

std::vector<std::size_t> example_shape(const json& batch_shape, const std::string& what) {
  const bool ok = batch_shape.is_array() && batch_shape.size() >= 2 &&
                  std::all_of(batch_shape.begin() + 1, batch_shape.end(),
                              [](const json& d) { return d.is_number_integer() && d > 0; });
  if (!ok) {
    throw ValueError(what + " " + batch_shape.dump() +
                     " is not [batch, d1, ...] with positive sizes after the batch");
  }
  std::vector<std::size_t> shape;
  for (auto d = batch_shape.begin() + 1; d != batch_shape.end(); ++d) {
    shape.push_back(d->get<std::size_t>());
  }
  return shape;
}

}  // namespace nn
