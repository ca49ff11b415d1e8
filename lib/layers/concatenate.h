#pragma once
// Concatenate: several inputs side by side along the features, as one tensor.
//
//   forward:   y = [x0 | x1 | ...]        x_i: (batch, f_i) -> y: (batch, f0 + f1 + ...)
//   backward:  dx_i += dy[:, offset_i : offset_i + f_i]
//
// The op itself is nn::concat on the tape; the layer gives it a name in a model, checks that
// the batch sizes agree, and can be called on symbolic tensors (the functional API):
//
//   nn::SymbolicTensor both = nn::Concatenate()({wide_input, hidden});   // (None, 5 + 30)

#include <memory>
#include <string>
#include <vector>

#include "lib/layers/input.h"
#include "lib/layers/layer.h"

namespace nn {

/// The Concatenate layer itself (use it through nn::Concatenate).
class ConcatenateLayer : public Layer {
 public:
  /// A layer named `name` ("" for automatic).
  explicit ConcatenateLayer(std::string name);
  std::string class_name() const override { return "Concatenate"; }
  /// The sum of the input widths.
  std::size_t output_dim(const std::vector<std::size_t>& input_dims) const override;
  using Layer::forward;
  /// [x0 | x1 | ...]; ShapeError naming the layer and the shapes if the batch sizes differ.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config: name, trainable, dtype, axis (-1: the features).
  nlohmann::json get_config() const override;
};

/// `nn::Concatenate()({a, b})`: joins its inputs along the features. Copies share one layer.
class Concatenate : public LayerHandle<ConcatenateLayer> {
 public:
  /// A new layer; Keras's axis = -1 (the features) is the only axis our 2-D tensors have.
  explicit Concatenate(std::string name = "");
  /// A handle to an existing layer.
  explicit Concatenate(std::shared_ptr<ConcatenateLayer> layer) : LayerHandle(std::move(layer)) {}
  using LayerHandle::operator();
  /// Records the layer's call on symbolic tensors: `nn::Concatenate()({wide, deep})`.
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& inputs) const;
};

/// Keras's functional shortcut: a new Concatenate layer called on `inputs`.
SymbolicTensor concatenate(const std::vector<SymbolicTensor>& inputs, std::string name = "");

}  // namespace nn
