#pragma once
// Softmax as a layer of its own (Keras's layers.Softmax), over the features of each row:
//
//   y_ij = e^(x_ij − m_i) / Σ_k e^(x_ik − m_i),  m_i = max_k x_ik
//   backward: dx_ij += y_ij (dy_ij − Σ_k dy_ik y_ik)
//
//   x, y: (batch, features); only axis -1 (the features) exists here.

#include <memory>
#include <string>
#include <vector>

#include "lib/layers/layer.h"

namespace nn {

/// The Softmax layer itself (use it through nn::Softmax).
class SoftmaxLayer : public Layer {
 public:
  /// A layer named `name` ("" for automatic).
  explicit SoftmaxLayer(std::string name);
  std::string class_name() const override { return "Softmax"; }
  using Layer::forward;
  /// softmax(x) per row, on the tape.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config: name, trainable, dtype, axis (-1).
  nlohmann::json get_config() const override;
};

/// `nn::Softmax()`.
class Softmax : public LayerHandle<SoftmaxLayer> {
 public:
  /// A new layer named `name` ("" for automatic).
  explicit Softmax(std::string name = "");
};

}  // namespace nn
