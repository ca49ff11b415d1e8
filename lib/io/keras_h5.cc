#include "lib/io/keras_h5.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/json_config.h"
#include "lib/io/keras_weights.h"
#include "lib/io/optimizer_weights.h"
#include "lib/io/training_config.h"
#include "lib/models/functional.h"

namespace nn {
namespace {

using nlohmann::json;

json parse_attribute(const h5::Group& root, const std::string& name) {
  try {
    return json::parse(root.string_attribute(name));
  } catch (const json::parse_error& e) {
    throw DataError(root.file() + ": attribute " + name + " is not JSON: " + e.what());
  }
}

// Builds the whole model (not only its layers) so that summary() and fit() can start.
void build_model(Model& model) {
  if (const auto* functional = dynamic_cast<const Functional*>(&model)) {
    std::vector<std::size_t> widths;
    for (const SymbolicTensor& input : functional->inputs()) widths.push_back(input.width());
    model.build(widths);
  } else {
    model.build(model.layers().at(0)->input_dims());
  }
}

std::vector<std::string> output_names(const Model& model) {
  if (const auto* functional = dynamic_cast<const Functional*>(&model)) {
    return functional->output_names();
  }
  return {model.layers().back()->name()};
}

}  // namespace

void save_model(Model& model, const std::string& path, bool include_optimizer) {
  const json config = model_config(model);  // a subclassed model stops here: nothing written
  h5::File file = h5::File::create(path);   // in memory until close() writes it atomically
  {
    const h5::Group root = file.root();
    root.set_string_attribute("keras_version", kKerasVersion);
    root.set_string_attribute("backend", "tensorflow");
    root.set_string_attribute("model_config", config.dump());
    if (model.compiled()) {
      root.set_string_attribute("training_config", training_config(model).dump());
    }
    write_weights(model, root.create_group("model_weights"));
    if (include_optimizer && model.compiled()) write_optimizer_weights(model, root);
  }
  file.close();
}

std::unique_ptr<Model> load_model(const std::string& path, LoadOptions options) {
  const h5::File file = h5::File::open(path);
  const h5::Group root = file.root();
  if (!root.has_attribute("model_config")) {
    throw DataError(path +
                    ": no model_config: this file holds only weights (save_weights); "
                    "make the model (in code, or with model_from_json) and load_weights()");
  }
  std::unique_ptr<Model> model;
  try {
    model = model_from_config(parse_attribute(root, "model_config"));
  } catch (const ValueError& e) {
    throw ValueError(path + ": " + e.what());
  }
  for (const auto& layer : model->layers()) {
    if (!layer->built()) {
      throw DataError(path + ": the model_config gives no input shape, so the weights of " +
                      layer->name() + " cannot be placed");
    }
  }
  if (root.has_group("model_weights")) {
    read_weights(*model, root.group("model_weights"), WeightMatching::kByNameStrict);
  } else {  // an old layout: the layers' groups at the root
    read_weights(*model, root, WeightMatching::kByNameStrict);
  }
  build_model(*model);
  if (options.compile && root.has_attribute("training_config")) {
    try {
      compile_from_training_config(*model, parse_attribute(root, "training_config"),
                                   output_names(*model));
    } catch (const ValueError& e) {
      throw ValueError(path + ": " + e.what() +
                       "; load_model(path, {.compile = false}) loads the model uncompiled");
    }
    if (root.has_group("optimizer_weights") && !read_optimizer_weights(*model, root)) {
      std::cerr << "load_model: " << path << ": the saved optimizer state does not fit "
                << model->optimizer().name() << " on this model; training starts with a fresh "
                << "optimizer state\n";
    }
  }
  return model;
}

void save_weights(Model& model, const std::string& path) {
  h5::File file = h5::File::create(path);
  write_weights(model, file.root());
  file.close();
}

void load_weights(Model& model, const std::string& path, LoadWeightsOptions options) {
  const h5::File file = h5::File::open(path);
  const h5::Group root = file.root();
  // A whole-model file keeps the weights in model_weights; a weights file at its root.
  const WeightMatching matching =
      options.by_name ? WeightMatching::kByName : WeightMatching::kByOrder;
  if (!root.has_attribute("layer_names") && root.has_group("model_weights")) {
    read_weights(model, root.group("model_weights"), matching);  // a whole-model file
  } else {
    read_weights(model, root, matching);  // a weights file
  }
}

}  // namespace nn
