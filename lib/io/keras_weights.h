#pragma once
// The weights of a model in Keras's HDF5 layout. One group holds them all (the file's root
// for save_weights, "model_weights" in a whole-model file):
//
//   attribute layer_names = ["dense", "dense_1"]            every layer, in model order
//   dense/                  attribute weight_names = ["dense/kernel:0", "dense/bias:0"]
//     dense/kernel:0        float32 (inputs, units)
//     dense/bias:0          float32 (units,)               1-D in the file, (1, units) here
//   dense_1/ ...
//
// A layer without weights (Flatten, Dropout, an InputLayer) has a group with an empty
// weight_names. Reading matches the file's layers with weights to the model's, in order (as
// Keras's load_weights does) or by name, checks every count and shape before changing
// anything, and names the first layer that does not fit.

#include <string>
#include <vector>

#include "lib/io/hdf5.h"
#include "lib/models/model.h"

namespace nn {

/// The shape Keras gives a weight in a file: a kernel as it is, a (1, n) bias, mean or
/// variance as (n,), Normalization's count as a scalar ().
std::vector<std::size_t> keras_shape(const Parameter& parameter);

/// Keras's name of a layer's weight: "dense/kernel:0".
std::string weight_name(const Layer& layer, const Parameter& parameter);

/// Writes every layer's weights into `group` (layer_names, backend, keras_version, a group
/// per layer). nn::Error naming the layer if one has not been built (it has no weights yet).
void write_weights(Model& model, const h5::Group& group);

/// How read_weights pairs the file's layers with the model's.
enum class WeightMatching {
  kByOrder,       ///< the i-th layer with weights gets the file's i-th (Keras's default)
  kByName,        ///< each layer gets the file's layer of its name; others are left alone
  kByNameStrict,  ///< by name, and every layer with weights must be in the file
};

/// Builds a layer that has not been called yet for the weights a file holds for it (their
/// shapes, in Keras's order): the input width is the kernel's first dimension, or the length
/// of a per-feature weight (a Normalization's mean, a BatchNormalization's gamma). So a fresh
/// subclassed model can load_weights() without seeing data first, as in Keras. Does nothing
/// when there are no weights; the shapes are checked when the values are read.
void build_for_weights(Layer& layer, const std::vector<std::vector<std::size_t>>& shapes);

/// Sets the model's weights from `group`. Everything is checked first: on any mismatch the
/// model is unchanged and ValueError or ShapeError names the file, the layer, the weight and
/// both shapes.
void read_weights(Model& model, const h5::Group& group, WeightMatching matching);

}  // namespace nn
