#pragma once
// Normalization: Keras's preprocessing layer that standardizes each input feature inside the
// model, so that the scaling learned from the training set travels with the model.
//
//   adapt(x):  mean_j = Σ_i x_ij / n,   variance_j = Σ_i (x_ij − mean_j)² / n,   count = n
//   forward:   y = (x − mean) / s,      s = max(√variance, ε), ε = 1e-7 (Keras's epsilon)
//   backward:  dx += dy / s             (the statistics are constants: no gradient)
//
//   x, y: (batch, features); mean, variance: (1, features); count: (1, 1)
//
// The statistics are weights that training never changes (trainable = false). They are the
// layer's parameters in Keras's order (mean, variance, count), so get_weights()/set_weights()
// and saved models carry them. A layer whose count is 0 was never adapted: calling it is an
// error, since it would silently pass the raw features through. Building a model is the
// exception (Model::build calls it on a row of zeros): as in Keras, an un-adapted layer then
// has mean 0, variance 1 and count 0, so that a fresh model can be built and load_weights()
// give it the saved statistics without the training data.

#include <memory>
#include <string>
#include <vector>

#include "lib/layers/layer.h"

namespace nn {

/// The Normalization layer itself (use it through nn::Normalization).
class NormalizationLayer : public Layer {
 public:
  /// A layer named `name` ("" for automatic), to be adapted before use.
  explicit NormalizationLayer(std::string name);

  std::string class_name() const override { return "Normalization"; }
  /// Learns each column's mean and (population) variance from x (n, features) and sets count
  /// to n; builds the layer for that width if needed. Throws ValueError for an empty x or a
  /// value that is not finite (naming its row and column), and ShapeError when the layer was
  /// built for another width.
  void adapt(const Tensor& x);
  /// Makes the statistics for this width: mean 0, variance 1, count 0 (not adapted yet), as
  /// Keras does, so that set_weights() can fill them in (loading a saved model).
  void build(const std::vector<std::size_t>& input_dims) override;
  using Layer::forward;
  /// (x − mean) / max(√variance, ε). Throws nn::Error if the layer was never adapted and
  /// ShapeError, naming the layer and both shapes, if x has another width.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// {mean, variance, count}, all non-trainable; empty until built.
  std::vector<Parameter*> parameters() override;
  /// Keras's config: name, trainable, dtype, axis ([-1], Keras's tuple), invert (false),
  /// mean and variance (null: they come from adapt(), not from the constructor).
  nlohmann::json get_config() const override;

  /// Whether adapt() (or set_weights() with a count above 0) has given it statistics.
  bool adapted() const;
  /// The feature means: (1, features).
  const Tensor& mean() const { return mean_.value(); }
  /// The feature variances: (1, features).
  const Tensor& variance() const { return variance_.value(); }
  /// The number of rows the statistics come from (0 before adapt()).
  double count() const;

 private:
  Parameter mean_{"mean", {}, false};
  Parameter variance_{"variance", {}, false};
  Parameter count_{"count", {}, false};
};

/// Standardizes features inside a model: `nn::Normalization norm; norm.adapt(x_train);`
/// then `nn::Sequential model({norm, nn::Dense(30, "relu"), ...})`. Copies share one layer.
class Normalization : public LayerHandle<NormalizationLayer> {
 public:
  /// A new layer named `name` ("" for automatic).
  explicit Normalization(std::string name = "");
  /// A handle to an existing layer.
  explicit Normalization(std::shared_ptr<NormalizationLayer> layer)
      : LayerHandle(std::move(layer)) {}
  /// Learns the statistics from x (n, features), as NormalizationLayer::adapt().
  void adapt(const Tensor& x) const { layer_->adapt(x); }
};

}  // namespace nn
