#include "lib/io/keras_archive.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/json_config.h"
#include "lib/io/keras3_weights.h"
#include "lib/io/training_config.h"
#include "lib/io/zip_archive.h"
#include "lib/models/functional.h"
#include "lib/models/sequential.h"

namespace nn {
namespace {

using nlohmann::json;

// A file of our own in a fresh private folder (mode 0700) under $TMPDIR or /tmp, removed with
// its folder when this goes out of scope. HDF5 opens files by name; a member of an archive
// has none until it is written somewhere that no one else can write to.
class PrivateFile {
 public:
  PrivateFile(const std::string& archive, const std::string& name, const std::string& bytes) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/nn-keras-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      throw DataError(archive + ": cannot make a temporary folder to read " + name);
    }
    folder_ = pattern;
    path_ = folder_ + "/" + name;
    std::FILE* file = std::fopen(path_.c_str(), "wb");
    const bool ok =
        file != nullptr && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    if (file != nullptr && std::fclose(file) != 0)
      throw DataError(archive + ": cannot copy " + name);
    if (!ok) throw DataError(archive + ": cannot copy " + name + " to " + path_);
  }
  ~PrivateFile() { remove(); }
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;
  const std::string& path() const { return path_; }
  // Removes the copy now (an open HDF5 file keeps reading it: Linux frees it at close).
  void remove() {
    if (!path_.empty()) unlink(path_.c_str());
    if (!folder_.empty()) rmdir(folder_.c_str());
    path_.clear(), folder_.clear();
  }

 private:
  std::string folder_, path_;
};

json parse_member(const zip::Reader& archive, const std::string& name) {
  try {
    return json::parse(archive.read(name, kMaxArchiveJsonBytes));
  } catch (const json::exception& e) {
    throw DataError(archive.path() + ": member " + name + " is not JSON: " + e.what());
  }
}

std::string member_list(const zip::Reader& archive) {
  std::string names;
  for (const zip::Member& m : archive.members()) names += (names.empty() ? "" : ", ") + m.name;
  return names.empty() ? "none" : names;
}

// Opens the archive and checks that it is Keras's: config.json and model.weights.h5 there.
void check_members(const zip::Reader& archive) {
  for (const char* name : {"config.json", "model.weights.h5"}) {
    if (!archive.has(name)) {
      throw DataError(archive.path() + ": not a Keras archive: no member " + name +
                      " (members: " + member_list(archive) + ")");
    }
  }
}

// Runs `step` on the archive's weights file; its errors name the archive and the member.
template <class Step>
void in_weights(const zip::Reader& archive, Step step) {
  const std::string context = archive.path() + " (member model.weights.h5)";
  try {
    step();
  } catch (const ShapeError& e) {
    throw ShapeError(context + ": " + e.what());
  } catch (const ValueError& e) {
    throw ValueError(context + ": " + e.what());
  } catch (const DataError& e) {
    throw DataError(context + ": " + e.what());
  }
}

// The archive's weights file, open: copied to a private file that is gone once HDF5 has it.
h5::File open_weights(const zip::Reader& archive) {
  PrivateFile copy(archive.path(), "model.weights.h5",
                   archive.read("model.weights.h5", kMaxArchiveWeightsBytes));
  std::optional<h5::File> file;
  in_weights(archive, [&] { file.emplace(h5::File::open(copy.path())); });
  return std::move(*file);
}

json module_entry(json entry, const char* module) {
  json keras3 = {{"module", module}, {"class_name", entry.at("class_name")}};
  entry.erase("class_name");
  for (auto& [key, value] : entry.items()) keras3[key] = value;
  keras3["registered_name"] = nullptr;
  return keras3;
}

// One layer entry of the model config, in Keras 3's form.
json keras3_layer(json entry, const Layer* layer) {
  json& config = entry.at("config");
  if (entry.at("class_name") == "InputLayer") {
    config["batch_shape"] = config.at("batch_input_shape");
    config.erase("batch_input_shape");
  } else {
    config.erase("batch_input_shape");  // the InputLayer says it
  }
  entry = module_entry(entry, "keras.layers");
  if (layer != nullptr && layer->built() && entry.at("class_name") != "InputLayer") {
    json shapes = json::array();
    for (std::size_t width : layer->input_dims()) shapes.push_back({nullptr, width});
    entry["build_config"] = {{"input_shape", shapes.size() == 1 ? shapes[0] : shapes}};
  }
  return entry;
}

json keras3_compile_config(Model& model) {
  json config = training_config(model);
  config["optimizer"] = module_entry(config.at("optimizer_config"), "keras.optimizers");
  config.erase("optimizer_config");
  config["run_eagerly"] = false;
  config["steps_per_execution"] = 1;
  config["jit_compile"] = false;
  return config;
}

}  // namespace

void build_model(Model& model) {
  if (const Functional* functional = model.graph()) {
    std::vector<std::size_t> widths;
    for (const SymbolicTensor& input : functional->inputs()) widths.push_back(input.width());
    model.build(widths);
  } else {
    model.build(model.layers().at(0)->input_dims());
  }
}

std::vector<std::string> output_names_of(const Model& model) {
  if (const Functional* functional = model.graph()) {
    return functional->output_names();
  }
  return {model.layers().back()->name()};
}

json keras3_config(Model& model) {
  json config = model_config(model);  // throws for a subclassed model
  const bool sequential = dynamic_cast<const Sequential*>(&model) != nullptr;
  json& layers = config.at("config").at("layers");
  json batch_shape;
  for (json& entry : layers) {
    const Layer* layer = nullptr;
    for (const auto& l : model.layers()) {
      if (l->name() == entry.at("config").value("name", "")) layer = l.get();
    }
    entry = keras3_layer(entry, layer);
    if (entry.at("class_name") == "InputLayer" && batch_shape.is_null()) {
      batch_shape = entry["config"]["batch_shape"];
    }
  }
  json keras3 = module_entry(config, sequential ? "keras" : "keras.src.models.functional");
  if (!sequential) keras3["registered_name"] = "Functional";
  if (sequential && !batch_shape.is_null()) {
    keras3["config"]["build_input_shape"] = batch_shape;
    keras3["build_config"] = {{"input_shape", batch_shape}};
  }
  if (model.compiled()) keras3["compile_config"] = keras3_compile_config(model);
  return keras3;
}

void save_keras_archive(Model& model, const std::string& path, bool include_optimizer) {
  const json config = keras3_config(model);
  const json metadata = {{"keras_version", kKeras3Version}};
  // The weights file is built in memory by HDF5 and written to a private folder, whose bytes
  // go into the archive; the archive itself reaches `path` atomically.
  const char* tmp = std::getenv("TMPDIR");
  std::string folder_pattern =
      std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/nn-keras-save-XXXXXX";
  if (mkdtemp(folder_pattern.data()) == nullptr) {
    throw Error("cannot write '" + path + "': cannot make a temporary folder");
  }
  const std::string weights_path = folder_pattern + "/model.weights.h5";
  std::string weights;
  try {
    h5::File file = h5::File::create(weights_path);
    write_keras3_weights(model, file.root());
    if (include_optimizer && model.compiled()) write_keras3_optimizer(model, file.root());
    file.close();
    std::FILE* in = std::fopen(weights_path.c_str(), "rb");
    if (in == nullptr) throw Error("cannot write '" + path + "': the weights vanished");
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) {
      weights.append(buffer, n);
    }
    std::fclose(in);
  } catch (...) {
    unlink(weights_path.c_str());
    rmdir(folder_pattern.c_str());
    throw;
  }
  unlink(weights_path.c_str());
  rmdir(folder_pattern.c_str());
  zip::write(path, {{"metadata.json", metadata.dump()},
                    {"config.json", config.dump()},
                    {"model.weights.h5", weights}});
}

std::unique_ptr<Model> load_keras_archive(const std::string& path, LoadOptions options) {
  const zip::Reader archive(path);
  check_members(archive);
  if (archive.has("metadata.json")) {
    const json metadata = parse_member(archive, "metadata.json");
    if (!metadata.is_object() || !metadata.value("keras_version", json()).is_string()) {
      throw DataError(path + ": metadata.json has no keras_version string");
    }
  }
  const json config = parse_member(archive, "config.json");
  std::unique_ptr<Model> model;
  try {
    model = model_from_config(config);
  } catch (const ValueError& e) {
    throw ValueError(path + ": config.json: " + e.what());
  }
  for (const auto& layer : model->layers()) {
    if (!layer->built()) {
      throw DataError(path + ": config.json gives no input shape, so the weights of " +
                      layer->name() + " cannot be placed");
    }
  }
  const h5::File weights = open_weights(archive);
  in_weights(archive, [&] { read_keras3_weights(*model, weights.root()); });
  build_model(*model);
  if (options.compile && config.contains("compile_config") && !config["compile_config"].is_null()) {
    try {
      compile_from_training_config(*model, config["compile_config"], output_names_of(*model));
    } catch (const ValueError& e) {
      throw ValueError(path + ": compile_config: " + e.what() +
                       "; load_model(path, {.compile = false}) loads the model uncompiled");
    }
    bool restored = true;
    in_weights(archive, [&] {
      restored =
          !weights.root().has_group("optimizer") || read_keras3_optimizer(*model, weights.root());
    });
    if (!restored) {
      std::cerr << "load_model: " << path << ": the saved optimizer state does not fit "
                << model->optimizer().name() << " on this model; training starts with a fresh "
                << "optimizer state\n";
    }
  }
  return model;
}

void load_keras_archive_weights(Model& model, const std::string& path) {
  const zip::Reader archive(path);
  check_members(archive);
  const h5::File weights = open_weights(archive);
  in_weights(archive, [&] { read_keras3_weights(model, weights.root()); });
}

}  // namespace nn
