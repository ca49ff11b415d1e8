#include "lib/io/keras_h5.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/json_config.h"
#include "lib/io/keras3_weights.h"
#include "lib/io/keras_archive.h"
#include "lib/io/keras_weights.h"
#include "lib/io/optimizer_weights.h"
#include "lib/io/training_config.h"
#include "lib/io/zip_archive.h"
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

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// Keras 2's optimizer_weights ("Adam/iter:0", ...) or Keras 3's .h5 ("adam/iteration",
// "adam/learning_rate", then the slots in Keras 3's order).
bool read_any_optimizer_weights(Model& model, const h5::Group& root) {
  const h5::Group group = root.group("optimizer_weights");
  const std::vector<std::string> names = group.strings_attribute("weight_names");
  if (!names.empty() && ends_with(names[0], "/iteration")) {
    return read_keras3_optimizer(model, group, names);
  }
  return read_optimizer_weights(model, root);
}

}  // namespace

void save_model(Model& model, const std::string& path, bool include_optimizer) {
  if (ends_with(path, ".keras")) {
    save_keras_archive(model, path, include_optimizer);
    return;
  }
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
  if (zip::looks_like_zip(path)) return load_keras_archive(path, options);  // by content
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
                                   output_names_of(*model));
    } catch (const ValueError& e) {
      throw ValueError(path + ": " + e.what() +
                       "; load_model(path, {.compile = false}) loads the model uncompiled");
    }
    if (root.has_group("optimizer_weights") && !read_any_optimizer_weights(*model, root)) {
      std::cerr << "load_model: " << path << ": the saved optimizer state does not fit "
                << model->optimizer().name() << " on this model; training starts with a fresh "
                << "optimizer state\n";
    }
  }
  return model;
}

void save_weights(Model& model, const std::string& path) {
  h5::File file = h5::File::create(path);
  if (ends_with(path, ".weights.h5")) {
    write_keras3_weights(model, file.root());  // Keras 3's name, Keras 3's layout
  } else {
    write_weights(model, file.root());
  }
  file.close();
}

void load_weights(Model& model, const std::string& path, LoadWeightsOptions options) {
  if (zip::looks_like_zip(path)) {
    if (options.by_name) throw ValueError(path + ": a .keras archive loads by order, not by_name");
    load_keras_archive_weights(model, path);
    return;
  }
  const h5::File file = h5::File::open(path);
  const h5::Group root = file.root();
  if (is_keras3_weights(root)) {
    if (options.by_name) {
      throw ValueError(path +
                       ": Keras 3's layout files weights by class and order; by_name "
                       "needs a Keras 2 file (layer_names)");
    }
    read_keras3_weights(model, root);
    return;
  }
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
