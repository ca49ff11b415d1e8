#pragma once
// Dense: every output connected to every input. z = x·W + b, then the activation.
//
//   forward:   z = x·W + b            x: (batch, in), W: (in, units), b: (1, units)
//   backward:  dW += xᵀ·dz            (in, units)
//              db += Σ_rows dz        (1, units)
//              dx += dz·Wᵀ            (batch, in)
//
// The three products go straight to BLAS (nn::gemm, lib/gemm.h) with the transposes as
// flags, into tensors that already exist, so no transposed copy is ever made. W and b are
// leaves of the tape (nn::Parameter): backward() gives them their gradients as it gives x
// its own. (Whatever an optimizer does with the product dW = xᵀ·dz happens behind the weight,
// in Var::accumulate_product; the layer does not know.)

#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/activations.h"
#include "lib/initializers.h"
#include "lib/layers/layer.h"
#include "lib/parameter.h"
#include "lib/regularizers.h"

namespace nn {

/// z = x·W + b into z, which must already be (batch, units). b may be null (no bias).
void dense_forward(const Tensor& x, const Tensor& W, const Tensor* b, Tensor& z);

/// The gradients of z = x·W + b given dz (batch, units), added into those asked for:
/// dW += xᵀ·dz, db += Σ_rows dz, dx += dz·Wᵀ. Pass null for those you don't want.
void dense_backward(const Tensor& x, const Tensor& W, const Tensor& dz, Tensor* dW, Tensor* db,
                    Tensor* dx);

/// z = x·W + b as an op on the tape, with x, W and b (may be null) as its inputs: backward()
/// adds into their grads. Throws ShapeError naming `who` and both shapes if x's width is not
/// W's height.
Var dense(const Var& x, const Parameter& W, const Parameter* b, const std::string& who = "dense");

/// The Dense layer itself (use it through nn::Dense).
class DenseLayer : public Layer {
 public:
  /// units outputs; activation by name ("" or "linear" for none); the initializers of the
  /// kernel and the bias; a name ("" for automatic); use_bias false drops b.
  DenseLayer(int units, const std::string& activation, Initializer kernel_initializer,
             Initializer bias_initializer, std::string name, bool use_bias,
             std::optional<Regularizer> kernel_regularizer = std::nullopt);

  std::string class_name() const override { return "Dense"; }
  /// Makes W (in, units) and b (1, units) with the initializers.
  void build(const std::vector<std::size_t>& input_dims) override;
  /// units.
  std::size_t output_dim(const std::vector<std::size_t>& input_dims) const override;
  using Layer::forward;
  /// activation(x·W + b).
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// {kernel, bias} (or {kernel} without bias).
  std::vector<Parameter*> parameters() override;
  /// Keras's Dense config: units, activation, use_bias, initializers, kernel_regularizer, ...
  nlohmann::json get_config() const override;
  /// The kernel regularizer's penalty of W, if there is one.
  std::vector<Var> regularization_losses() override;

  /// W: (in, units).
  Parameter& kernel() { return kernel_; }
  /// b: (1, units).
  Parameter& bias() { return bias_; }
  /// The number of outputs.
  std::size_t units() const { return units_; }
  /// The activation's name ("linear" for none).
  const std::string& activation() const { return activation_name_; }
  /// Whether it has a bias.
  bool use_bias() const { return use_bias_; }

 private:
  std::size_t units_;
  std::string activation_name_;
  ActivationFn activation_;
  Initializer kernel_initializer_, bias_initializer_;
  bool use_bias_;
  std::optional<Regularizer> kernel_regularizer_;
  std::uint64_t seed_;  // drawn when the layer is made, used when it is built
  Parameter kernel_{"kernel"};
  Parameter bias_{"bias"};
};

/// Dense's settings after units, as Keras's keyword arguments and in Keras's order (C++'s
/// designated initializers must keep the order of the declaration), so that only what
/// differs from the defaults is written: `nn::Dense(3, {.activation = "softmax",
/// .name = "species"})`.
struct DenseOptions {
  std::string activation = "linear";                  ///< by Keras name; "linear": none
  bool use_bias = true;                               ///< false: no b
  Initializer kernel_initializer = "glorot_uniform";  ///< how W starts
  Initializer bias_initializer = "zeros";             ///< how b starts
  /// A penalty on W added to the loss: nn::L2(0.01), "l1", ...; none by default.
  std::optional<Regularizer> kernel_regularizer;
  std::string name;  ///< "" for automatic ("dense_1")
};

/// A fully connected layer: `nn::Dense(300, "relu")`. Copies share one layer.
class Dense : public LayerHandle<DenseLayer> {
 public:
  /// units outputs with these settings: `nn::Dense(1, {.name = "mpg"})`. Throws ValueError
  /// for units < 1 or an unknown activation or initializer name.
  Dense(int units, DenseOptions options);
  /// units outputs, no activation, Keras's defaults.
  explicit Dense(int units) : Dense(units, DenseOptions{}) {}
  /// The positional form, Keras's order: `nn::Dense(300, "relu")`, `nn::Dense(10, "relu",
  /// "he_normal")`. (To name a layer without restating the initializers, use DenseOptions.
  /// It is a template so that a braced list, `{.name = "out"}`, can only mean DenseOptions:
  /// GCC 12 would otherwise also try std::string's constructors on it.)
  template <class Activation>
  requires std::convertible_to<const Activation&, std::string>
  explicit Dense(int units, const Activation& activation,
                 Initializer kernel_initializer = "glorot_uniform",
                 Initializer bias_initializer = "zeros", std::string name = "",
                 bool use_bias = true)
      : Dense(units, DenseOptions{std::string(activation), use_bias, std::move(kernel_initializer),
                                  std::move(bias_initializer), std::nullopt, std::move(name)}) {}
  /// A handle to an existing layer.
  explicit Dense(std::shared_ptr<DenseLayer> layer) : LayerHandle(std::move(layer)) {}
};

}  // namespace nn
