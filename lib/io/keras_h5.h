#pragma once
// Saving and restoring models in Keras's HDF5 format (.h5), readable by Keras 2 and h5py:
//
//   nn::save_model(model, "my_model.h5");                       // model.save("my_model.h5")
//   std::unique_ptr<nn::Model> model = nn::load_model("my_model.h5");
//   nn::save_weights(model, "my_weights.h5");                   // any model, subclasses too
//   nn::load_weights(model, "my_weights.h5");
//
// A whole-model file holds, at its root:
//
//   attributes keras_version, backend, model_config (the architecture, JSON) and, if the
//              model was compiled, training_config (loss, metrics, optimizer settings)
//   model_weights/      the weights (lib/io/keras_weights.h)
//   optimizer_weights/  the optimizer's state, if it has taken a step
//
// A weights file holds only the weights group, at the root. Every save builds the file in
// memory, then writes it to a temporary file beside the target and renames it over it
// (nn::write_file_atomically): a crash or a full disk leaves the previous file whole. Every load
// checks what it reads: a file that is not HDF5, is cut short, damaged, or made for another
// architecture gives an nn::Error that names the file and what is wrong.
//
// These are free functions, as in keras.models.save_model and load_model, rather than
// model.save(): the model library (//lib:nn) knows nothing of files, and a program that
// saves models says so by depending on //lib/io.

#include <memory>
#include <string>

#include "lib/models/model.h"

namespace nn {

/// Saves the architecture, the weights and, when the model is compiled, its training
/// config and (if include_optimizer) the optimizer's state, atomically. Throws nn::Error for
/// a subclassed model (its architecture is code: save_weights() it instead) and for a model
/// whose layers have no weights yet.
void save_model(Model& model, const std::string& path, bool include_optimizer = true);

/// Options of load_model, as Keras's keyword arguments.
struct LoadOptions {
  bool compile = true;  ///< compile the model as the file's training_config says, if any
};

/// The model saved in `path` (by save_model, or by Keras 2 for the layers this library has):
/// a Sequential or a Functional, with its weights, compiled (loss, metrics, optimizer and its
/// state) when the file says how. DataError for a file that is missing, not HDF5, damaged or
/// holds only weights; ValueError naming the layer or setting this library cannot rebuild.
std::unique_ptr<Model> load_model(const std::string& path, LoadOptions options = {});

/// Saves every layer's weights in Keras's layout, atomically. Works for every kind of model,
/// subclassed ones included. nn::Error if a layer has no weights yet (call the model first).
void save_weights(Model& model, const std::string& path);

/// Options of load_weights.
struct LoadWeightsOptions {
  /// false: the i-th layer with weights gets the file's i-th (Keras's default: the model
  /// must have the saved architecture); true: layers get the weights saved under their name,
  /// and layers the file does not have keep theirs.
  bool by_name = false;
};

/// Sets the model's weights from a weights file or a whole-model file. Checks everything
/// before changing anything: ValueError or ShapeError naming the file, the first layer that
/// differs and both shapes when the file was made for another architecture.
void load_weights(Model& model, const std::string& path, LoadWeightsOptions options = {});

}  // namespace nn
