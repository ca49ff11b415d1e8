#include "lib/io/json_config.h"

#include <functional>
#include <map>
#include <numeric>
#include <optional>

#include "lib/error.h"
#include "lib/io/layer_config.h"
#include "lib/models/functional.h"
#include "lib/models/sequential.h"

namespace nn {
namespace {

using nlohmann::json;

std::size_t product(const std::vector<std::size_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
}

// Keras's shape of a batch: [null, 28, 28] for examples of shape (28, 28).
json batch_shape(const std::vector<std::size_t>& shape) {
  json full = json::array({nullptr});
  for (std::size_t d : shape) full.push_back(d);
  return full;
}

// Our tensors are (batch, features): an example of shape (28, 28) can only enter a Flatten.
void check_flat_or_flatten(const std::vector<std::size_t>& shape, const std::string& input,
                           const std::string& consumer_class) {
  if (shape.size() > 1 && consumer_class != "Flatten") {
    throw ValueError("input " + input + " has examples of shape " + json(shape).dump() +
                     ", and its first layer is a " + consumer_class +
                     "; tensors here are (batch, features), so only a Flatten can take them");
  }
}

// An InputLayer's shape of a batch: batch_shape (Keras 3) or batch_input_shape (Keras 2).
const json& input_batch_shape(const json& config) {
  return config.contains("batch_shape") ? config.at("batch_shape") : config.at("batch_input_shape");
}

// The weights exist once each layer knows its input width; the model itself builds on its
// first use (a Normalization must get its statistics before anything runs through it).
void build_layers(Sequential& model, std::size_t width) {
  for (const auto& layer : model.layers()) {
    if (!layer->built()) {
      layer->build({width});
      layer->Layer::build({width});
    }
    width = layer->output_dim({width});
  }
}

std::unique_ptr<Model> sequential_from_config(const json& config) {
  // Keras 2.0-2.1: the config is the list of layers; later {"name", "layers", ...}.
  const json& layers = config.is_array() ? config : config.at("layers");
  auto model = std::make_unique<Sequential>(
      config.is_object() ? config.value("name", std::string("sequential")) : "sequential");
  std::optional<std::vector<std::size_t>> shape;  // one example's shape, if the config says
  for (const json& entry : layers) {
    const std::string class_name = entry.at("class_name").get<std::string>();
    json layer_config = entry.at("config");
    const bool first = model->layers().empty();
    if (class_name == "InputLayer") {
      if (!first) throw ValueError("an InputLayer is not first in the Sequential config");
      shape = example_shape(input_batch_shape(layer_config), "InputLayer batch_shape");
      continue;
    }
    if (first && !shape && layer_config.contains("batch_input_shape")) {
      shape = example_shape(layer_config["batch_input_shape"], "batch_input_shape");
    }
    if (first && shape) {  // later layers' batch_input_shape (Keras 2.1 writes some) is stale
      check_flat_or_flatten(*shape, "of model " + model->name(), class_name);
      if (class_name == "Flatten") layer_config["batch_input_shape"] = batch_shape(*shape);
    }
    model->add(layer_from_config(class_name, layer_config));
  }
  if (!shape && config.is_object() && config.contains("build_input_shape") &&
      !config["build_input_shape"].is_null()) {
    shape = example_shape(config["build_input_shape"], "build_input_shape");
  }
  if (shape && !model->layers().empty()) build_layers(*model, product(*shape));
  return model;
}

// Keras writes [["name", node, tensor, {kwargs}], ...] (Keras 2.0: no kwargs).
struct TensorRef {
  std::string layer;
  std::size_t node = 0;
};

TensorRef tensor_ref(const json& ref) {
  if (!ref.is_array() || ref.size() < 3 || !ref[0].is_string()) {
    throw ValueError("a connection " + ref.dump() + " is not [layer, node, tensor, kwargs]");
  }
  if (config_integer(ref[2], "connection " + ref.dump() + ": the tensor index", 0, 1 << 20) != 0 ||
      (ref.size() > 3 && !ref[3].empty())) {
    throw ValueError("connection " + ref.dump() +
                     ": only a layer's one output, without "
                     "call arguments, is supported");
  }
  return {ref[0].get<std::string>(),
          static_cast<std::size_t>(
              config_integer(ref[1], "connection " + ref.dump() + ": the node index", 0, 1 << 20))};
}

// Keras 3 writes a call as {"args": [tensor or [tensors]], "kwargs": {}}, each tensor
// {"class_name": "__keras_tensor__", "config": {"keras_history": [layer, node, tensor]}}:
// the same calls as Keras 2's [[layer, node, tensor, kwargs], ...], which this returns.
json legacy_nodes(const json& nodes) {
  json legacy = json::array();
  for (const json& node : nodes) {
    if (!node.is_object()) {
      legacy.push_back(node);
      continue;
    }
    json refs = json::array();
    const json kwargs = node.value("kwargs", json::object());
    std::function<void(const json&)> collect = [&](const json& arg) {
      if (arg.is_array()) {
        for (const json& item : arg) collect(item);
      } else if (arg.is_object() && arg.value("class_name", "") == "__keras_tensor__") {
        json ref = arg.at("config").at("keras_history");
        ref.push_back(kwargs);
        refs.push_back(ref);
      } else {
        throw ValueError("a call argument " + arg.dump() + " is not a tensor");
      }
    };
    collect(node.at("args"));
    legacy.push_back(refs);
  }
  return legacy;
}

std::unique_ptr<Model> functional_from_config(const json& config) {
  std::map<std::string, std::vector<SymbolicTensor>> made;  // layer name -> output per call
  std::map<std::string, std::vector<std::size_t>> input_shapes;
  const json& layers = config.at("layers");
  std::vector<std::size_t> done(layers.size(), 0);  // inbound nodes replayed, per layer
  std::vector<std::shared_ptr<Layer>> objects(layers.size());
  // Replay the layer calls, pass after pass, as soon as a call's inputs exist (a shared
  // layer may be called on tensors that later layers make).
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < layers.size(); ++i) {
      const json& entry = layers[i];
      const std::string class_name = entry.at("class_name").get<std::string>();
      json layer_config = entry.at("config");
      const std::string name = entry.value("name", layer_config.value("name", std::string()));
      if (class_name == "InputLayer") {
        if (done[i]++ > 0) continue;
        const json& batch = input_batch_shape(layer_config);
        const std::vector<std::size_t> shape = example_shape(batch, "input " + name);
        input_shapes[name] = shape;
        made[name].push_back(Input(
            {product(shape)}, name,
            batch[0].is_null()
                ? std::nullopt
                : std::optional(static_cast<std::size_t>(config_integer(
                      batch[0], "input " + name + ": the batch size", 1, std::int64_t{1} << 40)))));
        progress = true;
        continue;
      }
      const json nodes = legacy_nodes(entry.at("inbound_nodes"));
      for (; done[i] < nodes.size(); ++done[i], progress = true) {
        std::vector<SymbolicTensor> inputs;
        for (const json& ref : nodes[done[i]]) {
          const TensorRef source = tensor_ref(ref);
          const auto found = made.find(source.layer);
          if (found == made.end() || found->second.size() <= source.node) break;
          inputs.push_back(found->second[source.node]);
        }
        if (inputs.size() != nodes[done[i]].size()) break;  // not yet: try in the next pass
        for (const SymbolicTensor& x : inputs) {            // a (28, 28) input must enter a Flatten
          const auto shape = input_shapes.find(x.layer()->name());
          if (shape == input_shapes.end() || shape->second.size() < 2) continue;
          check_flat_or_flatten(shape->second, x.layer()->name(), class_name);
          layer_config["batch_input_shape"] = batch_shape(shape->second);
        }
        if (!objects[i]) objects[i] = layer_from_config(class_name, layer_config);
        made[name].push_back(call_layer(objects[i], inputs));
      }
    }
  }
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i].at("class_name") != "InputLayer" &&
        done[i] < legacy_nodes(layers[i].at("inbound_nodes")).size()) {
      throw ValueError("layer '" + layers[i].value("name", std::string("?")) +
                       "': its inputs come from no layer of the config " +
                       layers[i]["inbound_nodes"].dump());
    }
  }
  const auto ends = [&](const char* key) {
    json refs = config.at(key);
    if (!refs.empty() && refs[0].is_string()) refs = json::array({refs});  // one, not nested
    std::vector<SymbolicTensor> tensors;
    for (const json& ref : refs) {
      const TensorRef source = tensor_ref(ref);
      const auto found = made.find(source.layer);
      if (found == made.end() || found->second.size() <= source.node) {
        throw ValueError(std::string(key) + ": no layer makes " + ref.dump());
      }
      tensors.push_back(found->second[source.node]);
    }
    return tensors;
  };
  return std::make_unique<Functional>(ends("input_layers"), ends("output_layers"),
                                      config.value("name", std::string("model")));
}

}  // namespace

json model_config(const Model& model) {
  const json config = model.get_config();  // throws for a subclassed model
  const char* class_name = dynamic_cast<const Sequential*>(&model) != nullptr ? "Sequential"
                           : model.graph() != nullptr                         ? "Functional"
                                                                              : nullptr;
  if (class_name == nullptr) throw Error("model " + model.name() + ": unknown kind of model");
  return {{"class_name", class_name}, {"config", config}};
}

std::string model_to_json(const Model& model, int indent) {
  json text = model_config(model);
  text["keras_version"] = kKerasVersion;
  text["backend"] = "tensorflow";
  return text.dump(indent);
}

std::unique_ptr<Model> model_from_config(const json& config) {
  if (!config.is_object() || !config.contains("class_name") || !config["class_name"].is_string()) {
    throw ValueError(
        "a model config must be a JSON object with a \"class_name\" string and a "
        "\"config\"; got " +
        std::string(config.type_name()) +
        (config.is_object() ? " without a \"class_name\" string" : ""));
  }
  const std::string class_name = config["class_name"].get<std::string>();
  try {
    if (class_name == "Sequential") return sequential_from_config(config.at("config"));
    if (class_name == "Functional" || class_name == "Model") {
      return functional_from_config(config.at("config"));
    }
  } catch (const json::exception& e) {
    throw ValueError(class_name +
                     " config: a setting has the wrong type or is missing: " + e.what());
  }
  throw ValueError("model class '" + class_name +
                   "' cannot be rebuilt from a config; known: Sequential, Functional (Model)");
}

std::unique_ptr<Model> model_from_json(const std::string& text) {
  json config;
  try {
    config = json::parse(text);
  } catch (const json::exception& e) {  // a parse_error, or out_of_range for a number too large
    throw DataError(std::string("model_from_json: the text is not JSON: ") + e.what());
  }
  return model_from_config(config);
}

}  // namespace nn
