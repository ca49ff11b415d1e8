#pragma once
// Keras 3's model file, the .keras archive: a zip of three members,
//
//   metadata.json      {"keras_version": "3.x", ...}
//   config.json        {"module", "class_name", "config", "registered_name", "build_config",
//                       "compile_config"}: the architecture and, if compiled, how
//   model.weights.h5   the weights (and the optimizer's state), lib/io/keras3_weights.h
//
// nn::save_model and nn::load_model (lib/io/keras_h5.h) come here for a path ending in
// ".keras" and for a file that is a zip; these functions are the parts they use. Reading
// refuses, with a DataError naming the file and the fault, a zip that is not a Keras archive,
// a missing member, a member too large to be honest (a zip bomb), an unsafe member name and
// a truncated archive. The weights member is read through a private temporary file that is
// removed as soon as HDF5 has opened it.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/io/keras_h5.h"
#include "lib/models/model.h"

namespace nn {

/// The Keras version whose .keras layout this library writes.
inline constexpr const char* kKeras3Version = "3.10.0";

/// The largest config.json or metadata.json read (bytes).
inline constexpr std::uint64_t kMaxArchiveJsonBytes = std::uint64_t{64} << 20;
/// The largest model.weights.h5 read (bytes).
inline constexpr std::uint64_t kMaxArchiveWeightsBytes = std::uint64_t{4} << 30;

/// The model's config in Keras 3's schema: module and registered_name on the model and every
/// layer, InputLayer with batch_shape, build_config, and compile_config when compiled.
/// nn::Error for a subclassed model.
nlohmann::json keras3_config(Model& model);

/// Builds the whole model (not only its layers) so that summary() and fit() can start: what
/// load_model does once the layers have their weights.
void build_model(Model& model);

/// The names of the model's outputs, as compile settings given per output name use them.
std::vector<std::string> output_names_of(const Model& model);

/// Writes `model` as a .keras archive at `path`, atomically.
void save_keras_archive(Model& model, const std::string& path, bool include_optimizer = true);

/// Reads the .keras archive at `path`: the model, its weights and, when `options.compile`
/// and the file has a compile_config, compiled with its optimizer's state.
std::unique_ptr<Model> load_keras_archive(const std::string& path, LoadOptions options = {});

/// Sets the model's weights from the weights of a .keras archive.
void load_keras_archive_weights(Model& model, const std::string& path);

}  // namespace nn
