#pragma once
// BatchNormalization (Ioffe and Szegedy, 2015), with Keras's semantics, per feature j:
//
//   training:   μ_j = Σ_i x_ij / N,   σ²_j = Σ_i (x_ij − μ_j)² / N       (this batch)
//               moving_mean ← momentum · moving_mean + (1 − momentum) · μ
//               moving_variance ← momentum · moving_variance + (1 − momentum) · σ²
//   inference:  μ = moving_mean, σ² = moving_variance
//   both:       x̂ = (x − μ) / √(σ² + ε),   y = γ ⊙ x̂ + β
//   backward:   dβ = Σ_i dy,  dγ = Σ_i dy ⊙ x̂,  g = dy ⊙ γ
//               training:  dx = (g − mean_i(g) − x̂ ⊙ mean_i(g ⊙ x̂)) / √(σ² + ε)
//               inference: dx = g / √(σ² + ε)           (μ and σ² are constants then)
//
//   x, y, x̂: (batch, features); γ, β, moving_mean, moving_variance: (1, features)
//
// The weights, in Keras's order: gamma, beta (trainable), moving_mean, moving_variance
// (non-trainable: only the forward pass in training moves them). Keras's defaults:
// momentum 0.99, epsilon 1e-3, center and scale on.

#include <memory>
#include <string>
#include <vector>

#include "lib/layers/layer.h"

namespace nn {

/// The BatchNormalization layer itself (use it through nn::BatchNormalization).
class BatchNormalizationLayer : public Layer {
 public:
  /// momentum in [0, 1], epsilon > 0; center: learn β, scale: learn γ. ValueError otherwise.
  BatchNormalizationLayer(double momentum, double epsilon, bool center, bool scale,
                          std::string name);

  std::string class_name() const override { return "BatchNormalization"; }
  /// γ = 1, β = 0, moving_mean = 0, moving_variance = 1, as Keras initializes them.
  void build(const std::vector<std::size_t>& input_dims) override;
  using Layer::forward;
  /// y = γ ⊙ x̂ + β with the batch's statistics (training, which also moves the moving ones)
  /// or the moving ones (inference). ShapeError naming the layer if x has another width.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// gamma (if scale), beta (if center), moving_mean, moving_variance; empty until built.
  std::vector<Parameter*> parameters() override;
  /// Keras's config: name, trainable, dtype, axis (-1), momentum, epsilon, center, scale and
  /// the default initializers.
  nlohmann::json get_config() const override;

 private:
  double momentum_, epsilon_;
  bool center_, scale_;
  Parameter gamma_{"gamma"};
  Parameter beta_{"beta"};
  Parameter moving_mean_{"moving_mean", {}, false};
  Parameter moving_variance_{"moving_variance", {}, false};
};

/// BatchNormalization's settings, in Keras's order:
/// `nn::BatchNormalization({.momentum = 0.9, .name = "bn1"})`.
struct BatchNormalizationOptions {
  double momentum = 0.99;  ///< of the moving mean and variance
  double epsilon = 1e-3;   ///< added to the variance
  bool center = true;      ///< learn β
  bool scale = true;       ///< learn γ
  std::string name;        ///< "" for automatic
};

/// `nn::BatchNormalization()`: Keras's defaults, momentum 0.99 and epsilon 1e-3.
class BatchNormalization : public LayerHandle<BatchNormalizationLayer> {
 public:
  /// With these settings.
  explicit BatchNormalization(const BatchNormalizationOptions& options)
      : BatchNormalization(options.momentum, options.epsilon, options.center, options.scale,
                           options.name) {}
  /// As BatchNormalizationLayer's constructor.
  explicit BatchNormalization(double momentum = 0.99, double epsilon = 1e-3, bool center = true,
                              bool scale = true, std::string name = "");
};

}  // namespace nn
