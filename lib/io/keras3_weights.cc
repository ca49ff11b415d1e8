#include "lib/io/keras3_weights.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "lib/error.h"
#include "lib/io/keras_weights.h"
#include "lib/text.h"

namespace nn {
namespace {

std::string shape_text(const std::vector<std::size_t>& shape) {
  std::string text = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (shape.size() == 1 ? ",)" : ")");
}

// The group at `path` ("layers/dense"), or Windows's spelling ("layers\dense") at the root.
std::optional<h5::Group> find_group(const h5::Group& root, const std::string& path) {
  if (root.has_group(path)) return root.group(path);
  std::string windows = path;
  for (char& c : windows) c = c == '/' ? '\\' : c;
  // HDF5 reads "/" in a name as a path separator, never "\": the whole name is one link.
  if (root.has(windows) && root.has_group(windows)) return root.group(windows);
  return std::nullopt;
}

void write_vars(const h5::Group& vars, const std::vector<Parameter*>& parameters) {
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const Parameter& p = *parameters[i];
    if (keras_shape(p).empty()) {  // Normalization's count: an int64 scalar, as in Keras
      vars.write_int64(std::to_string(i), std::llround(p.value()(0, 0)));
    } else {
      vars.write(std::to_string(i), keras_shape(p), p.value().data());
    }
  }
}

// The weights the optimizer updates, in Keras 3's order (model.trainable_variables).
std::vector<Parameter*> trainable_weights(Model& model) {
  std::vector<Parameter*> weights;
  for (const auto& layer : model.layers()) {
    for (Parameter* p : layer->parameters()) {
      if (p->trainable()) weights.push_back(p);
    }
  }
  return weights;
}

Tensor tensor_like(const Parameter& p, const h5::Array& array) {
  Tensor value = Tensor::from_shape(p.value().shape());
  std::copy(array.values.begin(), array.values.end(), value.begin());
  return value;
}

}  // namespace

std::vector<std::string> keras3_layer_paths(const Model& model) {
  std::map<std::string, int> seen;  // snake-case class -> layers of that class so far
  std::vector<std::string> paths;
  for (const auto& layer : model.layers()) {
    const std::string base = to_snake_case(layer->class_name());
    const int n = seen[base]++;
    paths.push_back("layers/" + base + (n == 0 ? "" : "_" + std::to_string(n)));
  }
  return paths;
}

bool is_keras3_weights(const h5::Group& root) {
  if (root.has_attribute("layer_names")) return false;
  if (root.has_group("layers")) return true;
  for (const std::string& child : root.children()) {
    if (child.rfind("layers\\", 0) == 0) return true;
  }
  return false;
}

void write_keras3_weights(Model& model, const h5::Group& root) {
  const std::vector<std::string> paths = keras3_layer_paths(model);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto& layer = model.layers()[i];
    if (!layer->built()) {
      throw Error("save: layer '" + layer->name() + "' (" + layer->class_name() + ") of model " +
                  model.name() + " has no weights yet; call the model on data or build() it");
    }
  }
  root.create_group("vars").set_string_attribute("name", model.name());
  const h5::Group layers = root.create_group("layers");
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto& layer = model.layers()[i];
    const h5::Group vars = layers.create_group(paths[i].substr(7)).create_group("vars");
    vars.set_string_attribute("name", layer->name());
    write_vars(vars, layer->parameters());
  }
}

void read_keras3_weights(Model& model, const h5::Group& root) {
  const std::string where = root.file() + ": load_weights";
  const std::vector<std::string> paths = keras3_layer_paths(model);
  std::vector<std::pair<Parameter*, Tensor>> values;  // checked first, set at the end
  for (std::size_t i = 0; i < paths.size(); ++i) {
    Layer& layer = *model.layers()[i];
    const std::string title = "layer '" + layer.name() + "' (" + layer.class_name() + ")";
    const std::optional<h5::Group> group = find_group(root, paths[i]);
    if (!layer.built() && group && group->has_group("vars")) {  // a model not called yet
      const h5::Group vars = group->group("vars");
      std::vector<std::vector<std::size_t>> shapes;
      for (std::size_t k = 0; k < vars.children().size(); ++k) {
        shapes.push_back(vars.read(std::to_string(k)).shape);
      }
      build_for_weights(layer, shapes);
    }
    const std::vector<Parameter*> parameters = layer.parameters();
    if (!group || !group->has_group("vars")) {
      if (parameters.empty()) continue;  // Keras writes a group per layer, but needs none
      throw ValueError(where + ": no group " + paths[i] + "/vars for " + title +
                       " (Keras 3 files a layer's weights by its class and its place among the "
                       "layers of that class, not by its name)");
    }
    const h5::Group vars = group->group("vars");
    const std::size_t in_file = vars.children().size();
    if (in_file != parameters.size()) {
      throw ValueError(where + ": " + title + " has " + count_of(parameters.size(), "weight") +
                       " but " + vars.path() + " holds " + std::to_string(in_file));
    }
    for (std::size_t k = 0; k < parameters.size(); ++k) {
      Parameter& p = *parameters[k];
      const h5::Array array = vars.read(std::to_string(k));
      const std::vector<std::size_t> as_is(p.value().shape().begin(), p.value().shape().end());
      if (array.shape != keras_shape(p) && array.shape != as_is) {
        throw ShapeError(where + ": " + title + ": weight " + p.name() + " is " +
                         shape_text(keras_shape(p)) + " in the model but " +
                         shape_text(array.shape) + " in the file (" + vars.path() + "/" +
                         std::to_string(k) + ")");
      }
      values.push_back({&p, tensor_like(p, array)});
    }
  }
  for (auto& [p, value] : values) p->value() = std::move(value);
}

void write_keras3_optimizer(Model& model, const h5::Group& root) {
  const Optimizer& optimizer = model.optimizer();
  const h5::Group vars = root.create_group("optimizer").create_group("vars");
  std::string name = optimizer.name();  // Keras's own: "adam", "sgd", "rmsprop", "adamw"
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  vars.set_string_attribute("name", name);
  vars.write_int64("0", optimizer.iterations());
  const float rate = static_cast<float>(optimizer.learning_rate());
  vars.write("1", {}, &rate);
  // Keras's order: weight by weight, or (RMSprop) kind by kind.
  const std::vector<Parameter*> weights = trainable_weights(model);
  std::size_t slots = 0;
  for (Parameter* p : weights) slots = std::max(slots, optimizer.slots(*p).size());
  std::size_t next = 2;
  const auto write = [&](Parameter* p, std::size_t k) {
    const std::vector<Tensor>& kept = optimizer.slots(*p);
    if (k < kept.size()) vars.write(std::to_string(next++), keras_shape(*p), kept[k].data());
  };
  if (optimizer.slots_grouped_by_kind()) {
    for (std::size_t k = 0; k < slots; ++k) {
      for (Parameter* p : weights) write(p, k);
    }
    return;
  }
  for (Parameter* p : weights) {
    for (std::size_t k = 0; k < slots; ++k) write(p, k);
  }
}

bool read_keras3_optimizer(Model& model, const h5::Group& root) {
  if (!root.has_group("optimizer/vars")) return false;
  const h5::Group vars = root.group("optimizer/vars");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < vars.children().size(); ++i) names.push_back(std::to_string(i));
  return read_keras3_optimizer(model, vars, names);
}

bool read_keras3_optimizer(Model& model, const h5::Group& vars,
                           const std::vector<std::string>& names) {
  Optimizer& optimizer = model.optimizer();
  const std::size_t count = names.size();
  const std::vector<Parameter*> weights = trainable_weights(model);
  if (count < 2 || (count - 2) % std::max<std::size_t>(weights.size(), 1) != 0) return false;
  const std::size_t slots = weights.empty() ? 0 : (count - 2) / weights.size();
  std::vector<std::vector<Tensor>> values(weights.size());
  const bool by_kind = optimizer.slots_grouped_by_kind();  // as write_keras3_optimizer
  for (std::size_t w = 0; w < weights.size(); ++w) {
    for (std::size_t k = 0; k < slots; ++k) {
      const std::size_t at = 2 + (by_kind ? k * weights.size() + w : w * slots + k);
      const h5::Array array = vars.read(names[at]);
      if (array.values.size() != weights[w]->value().size()) return false;
      values[w].push_back(tensor_like(*weights[w], array));
    }
  }
  const std::int64_t iterations = vars.read_int64(names[0]);
  const h5::Array rate = vars.read(names[1]);
  if (iterations < 0 || rate.values.size() != 1) return false;
  try {
    if (slots > 0) {
      for (std::size_t w = 0; w < weights.size(); ++w) {
        optimizer.set_slots(*weights[w], std::move(values[w]));
      }
    }
  } catch (const ShapeError&) {
    return false;  // another number of slots: the first set_slots refuses, nothing is set
  }
  optimizer.set_iterations(iterations);
  optimizer.set_learning_rate(rate.values[0]);
  return true;
}

}  // namespace nn
