#include "lib/initializers.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "lib/error.h"
#include "lib/random.h"
#include "lib/registry.h"

namespace nn {
namespace {

thread_local Rng seed_source(0);

// The stddev of a unit normal truncated at ±2: Keras divides by it so that the truncated
// draws end up with the variance asked for.
constexpr double kTruncatedStddev = 0.87962566103423978;

float truncated_normal(Rng& rng, double mean, double stddev) {
  float z = rng.normal();
  while (std::abs(z) > 2.0f) z = rng.normal();
  return static_cast<float>(mean + stddev * z);
}

const Registry<std::function<Initializer()>>& registry() {
  static const Registry<std::function<Initializer()>> known(
      "initializer", {
                         {"zeros", [] { return Zeros(); }},
                         {"ones", [] { return Ones(); }},
                         {"random_normal", [] { return RandomNormal(); }},
                         {"random_uniform", [] { return RandomUniform(); }},
                         {"truncated_normal", [] { return TruncatedNormal(); }},
                         {"glorot_uniform", [] { return GlorotUniform(); }},
                         {"glorot_normal", [] { return GlorotNormal(); }},
                         {"he_uniform", [] { return HeUniform(); }},
                         {"he_normal", [] { return HeNormal(); }},
                         {"lecun_uniform", [] { return LecunUniform(); }},
                         {"lecun_normal", [] { return LecunNormal(); }},
                     });
  return known;
}

}  // namespace

void set_random_seed(std::uint64_t seed) { seed_source = Rng(seed); }

std::uint64_t draw_seed() { return seed_source.split(); }

Initializer::Initializer(std::string class_name, Kind kind, std::optional<std::uint64_t> seed)
    : class_name_(std::move(class_name)), kind_(kind), seed_(seed) {}

Initializer::Initializer(const char* name) : Initializer(std::string(name)) {}

Initializer::Initializer(const std::string& name) {
  try {
    *this = registry().get(name)();
  } catch (const ValueError& e) {
    // The usual way here: a layer name given where Dense's third argument, the kernel
    // initializer, goes (nn::Dense(3, "softmax", "out")).
    throw ValueError(std::string(e.what()) +
                     ". (To name a layer, use its options: nn::Dense(3, {.activation = "
                     "\"softmax\", .name = \"" +
                     name + "\"}).)");
  }
}

void Initializer::fill(Tensor& w, std::size_t fan_in, std::size_t fan_out,
                       std::uint64_t seed) const {
  Rng rng(seed_ ? *seed_ : seed);
  double stddev = stddev_, limit = 0.0;
  Kind kind = kind_;
  if (kind == Kind::kVarianceScaling) {
    double fan = static_cast<double>(fan_in);
    if (mode_ == "fan_out") fan = static_cast<double>(fan_out);
    if (mode_ == "fan_avg") fan = (static_cast<double>(fan_in) + fan_out) / 2.0;
    const double variance = scale_ / std::max(1.0, fan);
    if (distribution_ == "uniform") {
      kind = Kind::kRandomUniform;
      limit = std::sqrt(3.0 * variance);
    } else if (distribution_ == "untruncated_normal") {
      kind = Kind::kRandomNormal;
      stddev = std::sqrt(variance);
    } else {
      kind = Kind::kTruncatedNormal;
      stddev = std::sqrt(variance) / kTruncatedStddev;
    }
  }
  for (float& v : w) {
    switch (kind) {
      case Kind::kConstant:
        v = static_cast<float>(value_);
        break;
      case Kind::kRandomNormal:
        v = rng.normal(static_cast<float>(mean_), static_cast<float>(stddev));
        break;
      case Kind::kTruncatedNormal:
        v = truncated_normal(rng, mean_, stddev);
        break;
      case Kind::kRandomUniform:
        v = kind_ == Kind::kVarianceScaling
                ? rng.uniform(static_cast<float>(-limit), static_cast<float>(limit))
                : rng.uniform(static_cast<float>(minval_), static_cast<float>(maxval_));
        break;
      case Kind::kVarianceScaling:
        break;  // resolved above
    }
  }
}

nlohmann::json Initializer::get_config() const {
  nlohmann::json config = nlohmann::json::object();
  const nlohmann::json seed = seed_ ? nlohmann::json(*seed_) : nlohmann::json(nullptr);
  if (class_name_ == "Constant") {
    config["value"] = value_;
  } else if (kind_ == Kind::kRandomNormal || kind_ == Kind::kTruncatedNormal) {
    config = {{"mean", mean_}, {"stddev", stddev_}, {"seed", seed}};
  } else if (kind_ == Kind::kRandomUniform) {
    config = {{"minval", minval_}, {"maxval", maxval_}, {"seed", seed}};
  } else if (class_name_ == "VarianceScaling") {
    config = {{"scale", scale_}, {"mode", mode_}, {"distribution", distribution_}, {"seed", seed}};
  } else if (kind_ == Kind::kVarianceScaling) {
    config = {{"seed", seed}};  // GlorotUniform and friends: everything else is fixed
  }
  return {{"class_name", class_name_}, {"config", config}};
}

std::vector<std::string> initializer_names() { return registry().names(); }

Zeros::Zeros() : Initializer("Zeros", Kind::kConstant, std::nullopt) {}

Ones::Ones() : Initializer("Ones", Kind::kConstant, std::nullopt) { value_ = 1.0; }

Constant::Constant(double value) : Initializer("Constant", Kind::kConstant, std::nullopt) {
  value_ = value;
}

RandomNormal::RandomNormal(double mean, double stddev, std::optional<std::uint64_t> seed)
    : Initializer("RandomNormal", Kind::kRandomNormal, seed) {
  mean_ = mean;
  stddev_ = stddev;
}

RandomUniform::RandomUniform(double minval, double maxval, std::optional<std::uint64_t> seed)
    : Initializer("RandomUniform", Kind::kRandomUniform, seed) {
  minval_ = minval;
  maxval_ = maxval;
}

TruncatedNormal::TruncatedNormal(double mean, double stddev, std::optional<std::uint64_t> seed)
    : Initializer("TruncatedNormal", Kind::kTruncatedNormal, seed) {
  mean_ = mean;
  stddev_ = stddev;
}

VarianceScaling::VarianceScaling(double scale, const std::string& mode,
                                 const std::string& distribution, std::optional<std::uint64_t> seed)
    : Initializer("VarianceScaling", Kind::kVarianceScaling, seed) {
  if (mode != "fan_in" && mode != "fan_out" && mode != "fan_avg") {
    throw ValueError("VarianceScaling: unknown mode '" + mode +
                     "'; known: \"fan_in\" \"fan_out\" \"fan_avg\"");
  }
  if (distribution != "truncated_normal" && distribution != "untruncated_normal" &&
      distribution != "uniform") {
    throw ValueError("VarianceScaling: unknown distribution '" + distribution +
                     "'; known: \"truncated_normal\" \"untruncated_normal\" \"uniform\"");
  }
  scale_ = scale;
  mode_ = mode;
  distribution_ = distribution;
}

GlorotUniform::GlorotUniform(std::optional<std::uint64_t> seed)
    : VarianceScaling(1.0, "fan_avg", "uniform", seed) {
  class_name_ = "GlorotUniform";
}

GlorotNormal::GlorotNormal(std::optional<std::uint64_t> seed)
    : VarianceScaling(1.0, "fan_avg", "truncated_normal", seed) {
  class_name_ = "GlorotNormal";
}

HeUniform::HeUniform(std::optional<std::uint64_t> seed)
    : VarianceScaling(2.0, "fan_in", "uniform", seed) {
  class_name_ = "HeUniform";
}

HeNormal::HeNormal(std::optional<std::uint64_t> seed)
    : VarianceScaling(2.0, "fan_in", "truncated_normal", seed) {
  class_name_ = "HeNormal";
}

LecunUniform::LecunUniform(std::optional<std::uint64_t> seed)
    : VarianceScaling(1.0, "fan_in", "uniform", seed) {
  class_name_ = "LecunUniform";
}

LecunNormal::LecunNormal(std::optional<std::uint64_t> seed)
    : VarianceScaling(1.0, "fan_in", "truncated_normal", seed) {
  class_name_ = "LecunNormal";
}

}  // namespace nn
