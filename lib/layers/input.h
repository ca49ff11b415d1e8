#pragma once
// The functional API's symbolic tensors. `nn::Input({8})` stands for the batches of 8-feature
// rows that will arrive later, shape (None, 8). Calling a layer on a symbolic tensor computes
// nothing: it builds the layer for that width, checks that the call makes sense, and records
// a node (which layer, called on what). nn::Functional then replays the recorded graph on
// real data.
//
//   nn::SymbolicTensor input = nn::Input({8}, "features");     // (None, 8)
//   nn::SymbolicTensor hidden = nn::Dense(30, "relu")(input);  // (None, 30)
//
// Wiring mistakes show up here, at the line that makes them: a layer built for one width and
// called on another, inputs of different fixed batch sizes, a layer that rejects its inputs.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/layers/layer.h"

namespace nn {

struct SymbolicNode;

/// A tensor of the functional API: a batch of rows that does not exist yet, known by its
/// shape (None, width) and by how it is made. Copies share the node, as Python references do.
class SymbolicTensor {
 public:
  /// An empty handle (no node).
  SymbolicTensor() = default;
  /// A handle to a recorded node.
  explicit SymbolicTensor(std::shared_ptr<const SymbolicNode> node) : node_(std::move(node)) {}

  /// The number of features: the second dimension.
  std::size_t width() const;
  /// The batch size if it was fixed (Input(..., batch_size)), else none: "None".
  std::optional<std::size_t> batch_size() const;
  /// "(None, 8)", or "(32, 8)" for a fixed batch size.
  std::string shape_string() const;
  /// The layer whose call made this tensor (an InputLayer for an Input).
  const std::shared_ptr<Layer>& layer() const;
  /// The tensors that layer was called on (none for an Input).
  const std::vector<SymbolicTensor>& inputs() const;
  /// Whether the tensor comes from nn::Input().
  bool is_input() const;
  /// "the output of dense_1 (Dense), (None, 30)" or "input features, (None, 8)": for messages.
  std::string describe() const;

  /// Whether the handle holds a node.
  explicit operator bool() const { return node_ != nullptr; }
  /// The node itself (its address identifies the tensor).
  const std::shared_ptr<const SymbolicNode>& node() const { return node_; }

 private:
  const SymbolicNode& checked() const;
  std::shared_ptr<const SymbolicNode> node_;
};

/// One call of a layer on symbolic tensors: a node of a functional graph.
struct SymbolicNode {
  std::shared_ptr<Layer> layer;           ///< the layer called (an InputLayer for an Input)
  std::vector<SymbolicTensor> inputs;     ///< what it was called on, in order
  std::size_t width = 0;                  ///< the output's features
  std::optional<std::size_t> batch_size;  ///< the output's rows, if fixed
};

/// The layer behind nn::Input: it passes its input on unchanged and holds the input's shape.
class InputLayer : public Layer {
 public:
  /// An input of `width` features; batch_size fixes the rows (none: any number).
  InputLayer(std::size_t width, std::optional<std::size_t> batch_size, std::string name);
  std::string class_name() const override { return "InputLayer"; }
  using Layer::forward;
  /// x itself.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config: batch_input_shape [null, width], dtype, sparse, ragged, name.
  nlohmann::json get_config() const override;
  /// The number of features.
  std::size_t width() const { return width_; }
  /// The fixed batch size, if any.
  std::optional<std::size_t> batch_size() const { return batch_size_; }

 private:
  std::size_t width_;
  std::optional<std::size_t> batch_size_;
};

/// A symbolic input of the functional API: rows of shape[0] features. `shape` is the shape
/// of one example, as in Keras (`nn::Input({8})`); our tensors are (batch, features), so it
/// has one dimension (ValueError otherwise, and for a zero width). batch_size fixes the
/// number of rows; the default leaves it open (None).
SymbolicTensor Input(const std::vector<std::size_t>& shape, std::string name = "",
                     std::optional<std::size_t> batch_size = std::nullopt);

/// Calls `layer` on symbolic tensors: the hook that LayerHandle's call operator finds, so that
/// `nn::Dense(30)(input)` records a node. Builds the layer for the inputs' widths (or checks
/// them if it is already built) and returns the symbolic output, (None, output_dim). Throws
/// ShapeError naming the layer and the shapes when the inputs do not fit: a built layer
/// called on another width, inputs of different fixed batch sizes, a layer whose build()
/// rejects the widths.
SymbolicTensor call_layer(std::shared_ptr<Layer> layer, const std::vector<SymbolicTensor>& inputs);
/// The same for one input.
SymbolicTensor call_layer(std::shared_ptr<Layer> layer, const SymbolicTensor& input);

}  // namespace nn
