#pragma once
// The weights of a model in Keras 3's layout (model.weights.h5 inside a .keras archive, and
// what Keras 3's save_weights("m.weights.h5") writes):
//
//   layers/dense/vars/0        float32 (in, units)   the first Dense: kernel
//   layers/dense/vars/1        float32 (units,)      its bias
//   layers/dropout/vars/       (empty)               a layer without weights
//   layers/dense_1/vars/0 ...                        the second Dense
//   optimizer/vars/0           int64 ()              the step count
//   optimizer/vars/1           float32 ()            the learning rate
//   optimizer/vars/2, 3, ...                         the slots: weight by weight (Adam's m₀ v₀
//                                                    m₁ v₁ ...), or kind by kind for RMSprop
//   vars/                      (empty)               the model's own variables
//
// A layer's group is named by its class, not its name: the snake-case class name, with _1,
// _2, ... for the second, third, ... layer of that class in the model's order. A model whose
// layers are named dense_6, dense_7 files them under dense and dense_1. Files written by
// Keras 2.15 on Windows spell the groups with a backslash (a root group "layers\dense"); they
// read the same.

#include <string>
#include <vector>

#include "lib/io/hdf5.h"
#include "lib/models/model.h"

namespace nn {

/// Keras 3's group of each of the model's layers, in the model's order: "layers/dense",
/// "layers/dense_1", "layers/leaky_re_lu", ...
std::vector<std::string> keras3_layer_paths(const Model& model);

/// Whether `root` holds weights in Keras 3's layout (a "layers" group, or Windows's
/// groups named with a backslash) rather than Keras 2's (layer_names).
bool is_keras3_weights(const h5::Group& root);

/// Writes every layer's weights, and the model's empty "vars", under `root` in Keras 3's
/// layout. nn::Error naming the layer if one has not been built.
void write_keras3_weights(Model& model, const h5::Group& root);

/// Sets the model's weights from Keras 3's layout under `root`. Everything is checked first:
/// on a missing group, a wrong count or a wrong shape, the model is unchanged and ValueError
/// or ShapeError names the file, the layer, its group and both shapes.
void read_keras3_weights(Model& model, const h5::Group& root);

/// Writes the compiled model's optimizer state as "optimizer/vars" (step count, learning
/// rate, then the trainable weights' slots in Keras 3's order: weight by weight, or kind by
/// kind when the optimizer says so, as RMSprop does).
void write_keras3_optimizer(Model& model, const h5::Group& root);

/// Restores the optimizer state from "optimizer/vars" into the compiled model's optimizer.
/// Returns false, changing nothing, if the group is missing or does not fit this model and
/// optimizer (another count of variables or shapes).
bool read_keras3_optimizer(Model& model, const h5::Group& root);

/// The same from the datasets `names` of `group`, in Keras 3's order (step count, learning
/// rate, slots): Keras 3's .h5 keeps them as optimizer_weights/adam/iteration, ...
bool read_keras3_optimizer(Model& model, const h5::Group& group,
                           const std::vector<std::string>& names);

}  // namespace nn
