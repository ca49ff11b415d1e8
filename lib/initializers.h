#pragma once
// Initializers: how a new weight tensor is filled, with Keras's definitions. Most are
// variance scaling: draw with variance scale / fan, where fan counts the inputs (fan_in),
// the outputs (fan_out) or their mean (fan_avg) of the layer. Glorot keeps the signal's
// variance the same forward and backward; He does it for ReLU (scale 2); LeCun for SELU.
//
// Seeds: a layer draws its seed, when it is made, from a per-thread generator that
// set_random_seed() restarts (keras.utils.set_random_seed). An initializer given its own
// seed uses that instead, and then fills every weight it is asked for with the same numbers.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// Restarts this thread's seed generator: layers made afterwards, and fits without a seed of
/// their own, draw their seeds from it. Without a call it starts from a fixed seed (0), so
/// every run is the same.
void set_random_seed(std::uint64_t seed);

/// The next seed from this thread's generator.
std::uint64_t draw_seed();

/// A way to fill a weight tensor, by Keras name or as one of the classes below.
class Initializer {
 public:
  /// The initializer with this Keras name: "zeros", "ones", "random_normal",
  /// "random_uniform", "truncated_normal", "glorot_uniform", "glorot_normal", "he_uniform",
  /// "he_normal", "lecun_uniform", "lecun_normal". Throws ValueError (listing them) if unknown.
  Initializer(const std::string& name);  // NOLINT: implicit, so Dense(3, "relu", "he_normal")
  /// The same, from a string literal.
  Initializer(const char* name);  // NOLINT

  /// Fills w (any shape) with fresh values; fan_in, fan_out are the layer's (for a kernel
  /// (in, out): in and out). Uses the initializer's own seed if it has one, else `seed`.
  void fill(Tensor& w, std::size_t fan_in, std::size_t fan_out, std::uint64_t seed) const;

  /// Keras's class name: "GlorotUniform", "Zeros", ...
  const std::string& class_name() const { return class_name_; }
  /// {"class_name": ..., "config": {...}} as Keras writes it in a model config.
  nlohmann::json get_config() const;
  /// The seed it carries, if any.
  std::optional<std::uint64_t> seed() const { return seed_; }

  /// The kinds of distribution.
  enum class Kind {
    kConstant,         ///< every value is `value`
    kRandomNormal,     ///< normal(mean, stddev)
    kRandomUniform,    ///< uniform(minval, maxval)
    kTruncatedNormal,  ///< normal(mean, stddev), values beyond 2 stddev drawn again
    kVarianceScaling,  ///< variance scale / fan, as `distribution` says
  };

 protected:
  /// For the classes below: everything spelled out.
  Initializer(std::string class_name, Kind kind, std::optional<std::uint64_t> seed);

  std::string class_name_;                         ///< Keras's class name
  Kind kind_ = Kind::kConstant;                    ///< the distribution
  double value_ = 0.0;                             ///< kConstant
  double mean_ = 0.0;                              ///< normal distributions
  double stddev_ = 0.05;                           ///< normal distributions
  double minval_ = -0.05;                          ///< kRandomUniform
  double maxval_ = 0.05;                           ///< kRandomUniform
  double scale_ = 1.0;                             ///< kVarianceScaling
  std::string mode_ = "fan_in";                    ///< kVarianceScaling: fan_in, fan_out, fan_avg
  std::string distribution_ = "truncated_normal";  ///< or untruncated_normal, uniform
  std::optional<std::uint64_t> seed_;              ///< its own seed, if given
};

/// All zeros (Keras's default for biases).
struct Zeros : Initializer {
  Zeros();  ///< zeros
};
/// All ones.
struct Ones : Initializer {
  Ones();  ///< ones
};
/// All the same value.
struct Constant : Initializer {
  explicit Constant(double value = 0.0);  ///< every weight = value
};
/// Normal with the given mean and standard deviation.
struct RandomNormal : Initializer {
  /// normal(mean, stddev)
  explicit RandomNormal(double mean = 0.0, double stddev = 0.05,
                        std::optional<std::uint64_t> seed = std::nullopt);
};
/// Uniform in [minval, maxval).
struct RandomUniform : Initializer {
  /// uniform(minval, maxval)
  explicit RandomUniform(double minval = -0.05, double maxval = 0.05,
                         std::optional<std::uint64_t> seed = std::nullopt);
};
/// Normal, with values more than two standard deviations from the mean drawn again.
struct TruncatedNormal : Initializer {
  /// truncated normal(mean, stddev)
  explicit TruncatedNormal(double mean = 0.0, double stddev = 0.05,
                           std::optional<std::uint64_t> seed = std::nullopt);
};
/// Variance scale / fan. "truncated_normal": stddev = sqrt(scale / fan) / 0.87962566103423978
/// (the stddev of a unit normal truncated at ±2), "untruncated_normal": sqrt(scale / fan),
/// "uniform": limit = sqrt(3 · scale / fan).
struct VarianceScaling : Initializer {
  /// mode: "fan_in", "fan_out" or "fan_avg"; distribution as above.
  explicit VarianceScaling(double scale = 1.0, const std::string& mode = "fan_in",
                           const std::string& distribution = "truncated_normal",
                           std::optional<std::uint64_t> seed = std::nullopt);
};
/// Glorot (Xavier) uniform: scale 1, fan_avg, uniform. Keras's default for kernels.
struct GlorotUniform : VarianceScaling {
  explicit GlorotUniform(std::optional<std::uint64_t> seed = std::nullopt);  ///< with seed
};
/// Glorot normal: scale 1, fan_avg, truncated normal.
struct GlorotNormal : VarianceScaling {
  explicit GlorotNormal(std::optional<std::uint64_t> seed = std::nullopt);  ///< with seed
};
/// He uniform: scale 2, fan_in, uniform.
struct HeUniform : VarianceScaling {
  explicit HeUniform(std::optional<std::uint64_t> seed = std::nullopt);  ///< with seed
};
/// He normal: scale 2, fan_in, truncated normal (for ReLU layers).
struct HeNormal : VarianceScaling {
  explicit HeNormal(std::optional<std::uint64_t> seed = std::nullopt);  ///< with seed
};
/// LeCun uniform: scale 1, fan_in, uniform.
struct LecunUniform : VarianceScaling {
  explicit LecunUniform(std::optional<std::uint64_t> seed = std::nullopt);  ///< with seed
};
/// LeCun normal: scale 1, fan_in, truncated normal (for SELU layers).
struct LecunNormal : VarianceScaling {
  explicit LecunNormal(std::optional<std::uint64_t> seed = std::nullopt);  ///< with seed
};

/// The names Initializer(name) knows, sorted.
std::vector<std::string> initializer_names();

}  // namespace nn
