#pragma once
// Flatten: turns each example into one row of numbers. Our tensors are already
// (batch, features), so Flatten changes no value; it records the shape each example had
// (28 × 28 pixels → 784 features) for the model's summary and config, and checks it.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/layers/layer.h"

namespace nn {

/// The Flatten layer itself (use it through nn::Flatten).
class FlattenLayer : public Layer {
 public:
  /// input_shape: the shape of one example, e.g. {28, 28}; empty to take any width.
  FlattenLayer(std::vector<std::size_t> input_shape, std::string name);

  std::string class_name() const override { return "Flatten"; }
  /// Checks the width against input_shape (or records it, if none was given).
  void build(const std::vector<std::size_t>& input_dims) override;
  /// The product of input_shape (784 for {28, 28}); none until a shape is given or built.
  std::optional<std::size_t> declared_input_dim() const override;
  using Layer::forward;
  /// x itself, after checking its width: (batch, 784) stays (batch, 784).
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config, with "batch_input_shape" [null, 28, 28] when a shape was given.
  nlohmann::json get_config() const override;
  /// The shape of one example.
  const std::vector<std::size_t>& input_shape() const { return input_shape_; }

 private:
  std::vector<std::size_t> input_shape_;
};

/// `nn::Flatten({28, 28})`: examples of 28 × 28 values, flattened to 784 features.
class Flatten : public LayerHandle<FlattenLayer> {
 public:
  /// As FlattenLayer's constructor.
  explicit Flatten(std::vector<std::size_t> input_shape = {}, std::string name = "");
  /// A handle to an existing layer.
  explicit Flatten(std::shared_ptr<FlattenLayer> layer) : LayerHandle(std::move(layer)) {}
};

}  // namespace nn
