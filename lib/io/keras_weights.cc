#include "lib/io/keras_weights.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

#include "lib/error.h"
#include "lib/io/json_config.h"
#include "lib/text.h"

namespace nn {
namespace {

struct FileLayer {
  std::string name;
  std::vector<std::string> weights;  // weight_names: paths inside the layer's group
};

std::string shape_text(const std::vector<std::size_t>& shape) {
  std::string text = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (shape.size() == 1 ? ",)" : ")");
}

template <class T, class Name>
std::string names_of(const std::vector<T>& items, Name name) {
  std::string text;
  for (const T& item : items) text += (text.empty() ? "" : ", ") + name(item);
  return text;
}

std::string title(const Layer& layer) {
  return "layer '" + layer.name() + "' (" + layer.class_name() + ")";
}

// The layers of the file that have weights, in the file's order.
std::vector<FileLayer> file_layers(const h5::Group& group) {
  std::vector<FileLayer> layers;
  for (const std::string& name : group.strings_attribute("layer_names")) {
    FileLayer layer{name, group.group(name).strings_attribute("weight_names")};
    if (!layer.weights.empty()) layers.push_back(std::move(layer));
  }
  return layers;
}

void check_built(const Model& model, const std::string& doing) {
  for (const auto& layer : model.layers()) {
    if (!layer->built()) {
      throw Error(doing + ": " + title(*layer) + " of model " + model.name() +
                  " has no weights yet; call the model on data (fit, predict) or build() it");
    }
  }
}

}  // namespace

// book:begin weights_layout
std::vector<std::size_t> keras_shape(const Parameter& parameter) {
  const auto& shape = parameter.value().shape();
  if (parameter.name() == "count" && parameter.value().size() == 1) return {};
  if (parameter.name() != "kernel" && shape[0] == 1) return {shape[1]};
  return {shape[0], shape[1]};
}

std::string weight_name(const Layer& layer, const Parameter& parameter) {
  return layer.name() + "/" + parameter.name() + ":0";
}

void write_weights(Model& model, const h5::Group& group) {
  check_built(model, "save_weights");
  std::vector<std::string> names;
  for (const auto& layer : model.layers()) names.push_back(layer->name());
  group.set_strings_attribute("layer_names", names);
  group.set_string_attribute("backend", "tensorflow");
  group.set_string_attribute("keras_version", kKerasVersion);
  for (const auto& layer : model.layers()) {
    const h5::Group layer_group = group.create_group(layer->name());
    const std::vector<Parameter*> parameters = layer->parameters();
    std::vector<std::string> weight_names;
    for (const Parameter* p : parameters) weight_names.push_back(weight_name(*layer, *p));
    layer_group.set_strings_attribute("weight_names", weight_names);
    for (const Parameter* p : parameters) {
      if (keras_shape(*p).empty()) {  // Normalization's count: an int64 scalar, as in Keras
        layer_group.write_int64(weight_name(*layer, *p), std::llround(p->value()(0, 0)));
      } else {
        layer_group.write(weight_name(*layer, *p), keras_shape(*p), p->value().data());
      }
    }
  }
}
// book:end weights_layout

void build_for_weights(Layer& layer, const std::vector<std::vector<std::size_t>>& shapes) {
  if (layer.built() || shapes.empty() || shapes[0].empty()) return;
  const std::vector<std::size_t>& first = shapes[0];  // (in, units), (features,) or (1, features)
  const std::size_t width = first.size() == 2 && first[0] == 1 ? first[1] : first[0];
  layer.build({width});
}

void read_weights(Model& model, const h5::Group& group, WeightMatching matching) {
  const std::string where = group.file() + ": load_weights";
  const std::vector<FileLayer> in_file = file_layers(group);
  // A model not called yet: its layers take their widths from the file's layers of their names.
  for (const auto& layer : model.layers()) {
    const auto saved = std::find_if(in_file.begin(), in_file.end(),
                                    [&](const FileLayer& l) { return l.name == layer->name(); });
    if (layer->built() || saved == in_file.end()) continue;
    std::vector<std::vector<std::size_t>> shapes;
    for (const std::string& weight : saved->weights) {
      shapes.push_back(group.group(saved->name).read(weight).shape);
    }
    build_for_weights(*layer, shapes);
  }
  std::vector<std::shared_ptr<Layer>> in_model;
  for (const auto& layer : model.layers()) {
    if (!layer->parameters().empty()) in_model.push_back(layer);
  }
  std::vector<std::pair<Layer*, const FileLayer*>> pairs;
  if (matching == WeightMatching::kByOrder) {
    if (in_file.size() != in_model.size()) {
      throw ValueError(where + ": the file holds weights for " + count_of(in_file.size(), "layer") +
                       " (" + names_of(in_file, [](auto& l) { return l.name; }) + ") but model " +
                       model.name() + " has " + count_of(in_model.size(), "layer") +
                       " with weights (" + names_of(in_model, [](auto& l) { return l->name(); }) +
                       ")");
    }
    for (std::size_t i = 0; i < in_file.size(); ++i)
      pairs.push_back({in_model[i].get(), &in_file[i]});
  } else {
    std::map<std::string, const FileLayer*> by_name;
    for (const FileLayer& layer : in_file) by_name[layer.name] = &layer;
    for (const auto& layer : in_model) {
      const auto found = by_name.find(layer->name());
      if (found != by_name.end()) {
        pairs.push_back({layer.get(), found->second});
      } else if (matching == WeightMatching::kByNameStrict) {
        throw ValueError(where + ": no weights for " + title(*layer) +
                         "; the file has weights for " +
                         names_of(in_file, [](auto& l) { return l.name; }));
      }
    }
  }
  // Read and check everything, then change the model: a failed load changes nothing.
  std::vector<std::pair<Parameter*, Tensor>> values;
  for (const auto& [layer, file_layer] : pairs) {
    const std::vector<Parameter*> parameters = layer->parameters();
    if (parameters.size() != file_layer->weights.size()) {
      throw ValueError(where + ": " + title(*layer) + " has " +
                       count_of(parameters.size(), "weight") + " (" +
                       names_of(parameters, [](Parameter* p) { return p->name(); }) +
                       ") but the file's layer '" + file_layer->name + "' has " +
                       std::to_string(file_layer->weights.size()) + " (" +
                       names_of(file_layer->weights, [](auto& w) { return w; }) + ")");
    }
    const h5::Group layer_group = group.group(file_layer->name);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      Parameter& p = *parameters[i];
      h5::Array array = layer_group.read(file_layer->weights[i]);
      const std::vector<std::size_t> as_is(p.value().shape().begin(), p.value().shape().end());
      if (array.shape != keras_shape(p) && array.shape != as_is) {
        throw ShapeError(where + ": " + title(*layer) + ": weight " + p.name() + " is " +
                         shape_text(keras_shape(p)) + " in the model but " +
                         shape_text(array.shape) + " in the file (" + layer_group.path() + "/" +
                         file_layer->weights[i] + ")");
      }
      Tensor value = Tensor::from_shape(p.value().shape());
      std::copy(array.values.begin(), array.values.end(), value.begin());
      values.push_back({&p, std::move(value)});
    }
  }
  for (auto& [p, value] : values) p->value() = std::move(value);
}

}  // namespace nn
