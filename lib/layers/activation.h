#pragma once
// Activation: an activation function as a layer of its own, e.g. Dense(100) followed by
// Activation("relu") instead of Dense(100, "relu").

#include <memory>
#include <string>
#include <vector>

#include "lib/activations.h"
#include "lib/layers/layer.h"

namespace nn {

/// The Activation layer itself (use it through nn::Activation).
class ActivationLayer : public Layer {
 public:
  /// activation: a name activation_by_name() knows; throws ValueError otherwise.
  ActivationLayer(const std::string& activation, std::string name);

  std::string class_name() const override { return "Activation"; }
  using Layer::forward;
  /// activation(x).
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config: name, trainable, dtype, activation.
  nlohmann::json get_config() const override;
  /// The activation's name.
  const std::string& activation() const { return activation_name_; }

 private:
  std::string activation_name_;
  ActivationFn activation_;
};

/// `nn::Activation("relu")`.
class Activation : public LayerHandle<ActivationLayer> {
 public:
  /// As ActivationLayer's constructor.
  explicit Activation(const std::string& activation, std::string name = "");
  /// A handle to an existing layer.
  explicit Activation(std::shared_ptr<ActivationLayer> layer) : LayerHandle(std::move(layer)) {}
};

}  // namespace nn
