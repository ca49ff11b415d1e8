#pragma once
// Dropout: while training, each input is zeroed with probability `rate` and the survivors
// are scaled by 1 / (1 − rate) ("inverted" dropout), so the expected value is unchanged and
// inference needs no rescaling: at inference the layer passes x through untouched.
//
//   forward (training):  m = [u >= rate] / (1 − rate), u ~ uniform[0, 1);  y = x ⊙ m
//   backward:            dx += dy ⊙ m

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/layers/layer.h"
#include "lib/random.h"

namespace nn {

/// The Dropout layer itself (use it through nn::Dropout).
class DropoutLayer : public Layer {
 public:
  /// rate in [0, 1) (ValueError otherwise); the masks come from `seed`, or from a seed drawn
  /// from the thread's generator (set_random_seed) when the layer is made.
  DropoutLayer(double rate, std::optional<std::uint64_t> seed, std::string name);

  std::string class_name() const override { return "Dropout"; }
  using Layer::forward;
  /// x ⊙ m while training, x otherwise.
  Var forward(const std::vector<Var>& inputs, bool training) override;
  /// Keras's config: name, trainable, dtype, rate, noise_shape, seed.
  nlohmann::json get_config() const override;
  /// The probability of dropping an input.
  double rate() const { return rate_; }

 private:
  double rate_;
  std::optional<std::uint64_t> seed_;
  Rng rng_;
};

/// Dropout's settings after the rate: `nn::Dropout(0.2, {.name = "drop"})`.
struct DropoutOptions {
  std::optional<std::uint64_t> seed;  ///< the mask's seed; default: draw_seed()
  std::string name;                   ///< "" for automatic
};

/// `nn::Dropout(0.2)`.
class Dropout : public LayerHandle<DropoutLayer> {
 public:
  /// With these settings.
  Dropout(double rate, const DropoutOptions& options) : Dropout(rate, options.seed, options.name) {}
  /// As DropoutLayer's constructor.
  explicit Dropout(double rate, std::optional<std::uint64_t> seed = std::nullopt,
                   std::string name = "");
  /// A handle to an existing layer.
  explicit Dropout(std::shared_ptr<DropoutLayer> layer) : LayerHandle(std::move(layer)) {}
};

}  // namespace nn
