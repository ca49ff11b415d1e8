#pragma once
/// \file
/// # Exercise 7.1: a weights file, written and read by hand ★★ (20 points)
///
/// Write the weights of a stack of Dense layers in the layout Keras uses for
/// `save_weights`, using the small HDF5 wrapper `nn::h5` (lib/io/hdf5.h), and read such a
/// file back. The layout, at the root of the file:
///
/// - attribute `layer_names`: the layers' names, in order (`set_strings_attribute`);
/// - for each layer a group of its name (`create_group`), whose attribute `weight_names`
///   lists `"<name>/kernel:0"` and `"<name>/bias:0"`, and which holds two float32
///   datasets at those paths (`write(path, shape, data)`; the part before the slash
///   becomes a group of its own): the kernel \f$W\f$, shape \f$(\text{inputs},
///   \text{units})\f$, and the bias \f$b\f$, a vector of shape \f$(\text{units})\f$.
///
/// A layer computes \f$y = xW + b\f$ for a row \f$x\f$. `write_dense_weights` creates the
/// file with `nn::h5::File::create(path)` and must call `close()` at the end (that is
/// when the file is written). `read_dense_weights` opens a file with
/// `nn::h5::File::open(path)` and returns its layers in `layer_names` order, skipping
/// layers whose `weight_names` is empty (Flatten, Dropout); for each, the first weight
/// name is the kernel and the second the bias. Files written by `nn::save_weights` must
/// read back too, and a file you write must load with `nn::load_weights` into a
/// Sequential of Dense layers of the same shapes. Throw `nn::DataError` if a kernel is
/// not 2-D or a bias does not have one value per column of its kernel.

#include <string>
#include <vector>

#include "lib/tensor.h"

namespace exercises {

/// One Dense layer's weights.
struct DenseWeights {
  std::string name;   ///< the layer's name, e.g. "dense"
  nn::Tensor kernel;  ///< W: (inputs, units)
  nn::Vector bias;    ///< b: (units,)
};

/// Writes the layers in Keras's weights layout to `path`.
void write_dense_weights(const std::vector<DenseWeights>& layers, const std::string& path);

/// Reads the Dense layers of a Keras weights file, in order.
std::vector<DenseWeights> read_dense_weights(const std::string& path);

}  // namespace exercises
