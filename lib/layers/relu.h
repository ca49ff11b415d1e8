#pragma once
// ReLU and LeakyReLU: Keras's rectifier layers, with their settings.
//
//   ReLU:       y = max_value                        if x >= max_value
//               y = x                                if threshold <= x < max_value
//               y = negative_slope · (x − threshold) otherwise
//   LeakyReLU:  y = x if x >= 0, else negative_slope · x   (ReLU with a slope below 0)
//   backward:   dx += dy ⊙ y'(x): 0 above max_value, 1 between, negative_slope below
//
//   x, y: (batch, features)
//
// LeakyReLU's slope is `negative_slope` in Keras 3 (default 0.3) and `alpha` in Keras 2;
// its config reader takes either.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/layers/layer.h"

namespace nn {

/// The ReLU layer itself (use it through nn::ReLU); LeakyReLU derives from it.
class ReLULayer : public Layer {
 public:
  /// max_value: none for no cap; negative_slope >= 0 and threshold as Keras's ReLU.
  /// ValueError for a negative max_value or negative_slope.
  ReLULayer(std::optional<double> max_value, double negative_slope, double threshold,
            std::string name);

  std::string class_name() const override { return "ReLU"; }
  using Layer::forward;
  /// The piecewise-linear function above, on the tape.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config: name, trainable, dtype, max_value, negative_slope, threshold.
  nlohmann::json get_config() const override;
  /// The slope below the threshold.
  double negative_slope() const { return negative_slope_; }

 private:
  std::optional<double> max_value_;
  double negative_slope_, threshold_;
};

/// The LeakyReLU layer: y = x for x >= 0, negative_slope · x below.
class LeakyReLULayer : public ReLULayer {
 public:
  /// negative_slope: Keras 3's default is 0.3. ValueError if it is negative.
  LeakyReLULayer(double negative_slope, std::string name);
  std::string class_name() const override { return "LeakyReLU"; }
  /// Keras 3's config: name, trainable, dtype, negative_slope.
  nlohmann::json get_config() const override;
};

/// ReLU's settings, in Keras's order: `nn::ReLU({.max_value = 6.0, .name = "relu6"})`.
struct ReLUOptions {
  std::optional<double> max_value;  ///< the output's ceiling; none by default
  double negative_slope = 0.0;      ///< the slope below the threshold
  double threshold = 0.0;           ///< where the slope changes
  std::string name;                 ///< "" for automatic
};

/// LeakyReLU's settings: `nn::LeakyReLU({.name = "leaky"})`.
struct LeakyReLUOptions {
  double negative_slope = 0.3;  ///< Keras's default
  std::string name;             ///< "" for automatic
};

/// `nn::ReLU()`, `nn::ReLU(6.0)` (ReLU6).
class ReLU : public LayerHandle<ReLULayer> {
 public:
  /// With these settings.
  explicit ReLU(const ReLUOptions& options)
      : ReLU(options.max_value, options.negative_slope, options.threshold, options.name) {}
  /// As ReLULayer's constructor.
  explicit ReLU(std::optional<double> max_value = std::nullopt, double negative_slope = 0.0,
                double threshold = 0.0, std::string name = "");
};

/// `nn::LeakyReLU(0.2)`.
class LeakyReLU : public LayerHandle<LeakyReLULayer> {
 public:
  /// With these settings.
  explicit LeakyReLU(const LeakyReLUOptions& options)
      : LeakyReLU(options.negative_slope, options.name) {}
  /// As LeakyReLULayer's constructor.
  explicit LeakyReLU(double negative_slope = 0.3, std::string name = "");
};

}  // namespace nn
