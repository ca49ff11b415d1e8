#include "lib/regularizers.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <xtensor/xmath.hpp>

#include "lib/error.h"
#include "lib/registry.h"

namespace nn {
namespace {

const Registry<Regularizer>& by_name() {
  static const Registry<Regularizer> known("regularizer", {
                                                              {"l1", L1()},
                                                              {"l1_l2", L1L2(0.01, 0.01)},
                                                              {"l2", L2()},
                                                          });
  return known;
}

// Keras's classes: the factors each one's config holds, and what a missing or null one takes.
struct KerasClass {
  std::vector<std::string> keys;
  double l1, l2;
};

const Registry<KerasClass>& classes() {
  static const Registry<KerasClass> known("regularizer class",
                                          {
                                              {"L1", {{"l1"}, 0.01, 0.0}},
                                              {"L1L2", {{"l1", "l2"}, 0.0, 0.0}},
                                              {"L2", {{"l2"}, 0.0, 0.01}},
                                          });
  return known;
}

void check_factor(const std::string& class_name, const char* key, double value) {
  if (!(std::isfinite(value) && value >= 0.0)) {
    throw ValueError(class_name + ": " + key + " must be a finite number >= 0, got " +
                     std::to_string(value));
  }
}

}  // namespace

Regularizer::Regularizer(std::string class_name, double l1, double l2)
    : class_name_(std::move(class_name)), l1_(l1), l2_(l2) {
  check_factor(class_name_, "l1", l1);
  check_factor(class_name_, "l2", l2);
}

Regularizer::Regularizer(const std::string& name) : Regularizer(by_name().get(name)) {}
Regularizer::Regularizer(const char* name) : Regularizer(std::string(name)) {}

L1::L1(double l1) : Regularizer("L1", l1, 0.0) {}
L2::L2(double l2) : Regularizer("L2", 0.0, l2) {}
L1L2::L1L2(double l1, double l2) : Regularizer("L1L2", l1, l2) {}

float Regularizer::penalty(const Tensor& w) const {
  float sum = 0.0f;  // l1·Σ|w| + l2·Σw², the terms Keras skips when their factor is 0
  if (l1_ != 0.0) sum += static_cast<float>(l1_) * xt::sum(xt::abs(w))();
  if (l2_ != 0.0) sum += static_cast<float>(l2_) * xt::sum(w * w)();
  return sum;
}

Var Regularizer::penalty(const Parameter& w) const {
  const float l1 = static_cast<float>(l1_), l2 = static_cast<float>(l2_);
  const Var weight = w;
  return Var::from_op(Tensor({{penalty(w.value())}}), {weight}, "penalty",
                      [weight, l1, l2](const Tensor&, const Tensor& dy) {
                        const float d = dy(0, 0);  // (1, 1)
                        const Tensor& v = weight.value();
                        // dw += dy·(l1·sign(w) + 2·l2·w); sign(0) = 0
                        weight.accumulate_grad(d * (l1 * xt::sign(v) + 2.0f * l2 * v));
                      });
}

nlohmann::json Regularizer::get_config() const {
  nlohmann::json config = nlohmann::json::object();
  for (const std::string& key : classes().get(class_name_).keys) {
    config[key] = key == "l1" ? l1_ : l2_;
  }
  return {{"class_name", class_name_}, {"config", config}};
}

Regularizer Regularizer::from_config(const nlohmann::json& config) {
  if (config.is_string()) return Regularizer(config.get<std::string>());
  if (!config.is_object() || !config.contains("class_name") || !config["class_name"].is_string()) {
    throw ValueError(
        "regularizer: expected a name or {\"class_name\": ..., \"config\": {...}}, "
        "got " +
        config.dump());
  }
  const std::string class_name = config["class_name"].get<std::string>();
  const KerasClass& known = classes().get(class_name);
  const nlohmann::json settings = config.value("config", nlohmann::json::object());
  if (!settings.is_object()) {
    throw ValueError("regularizer " + class_name + ": config must be an object, got " +
                     settings.dump());
  }
  double factors[2] = {known.l1, known.l2};  // l1, l2
  for (const auto& [key, value] : settings.items()) {
    if (std::find(known.keys.begin(), known.keys.end(), key) == known.keys.end()) {
      throw ValueError("regularizer " + class_name + ": unexpected config key '" + key + "'");
    }
    if (value.is_null()) continue;  // Keras's None: the default
    if (!value.is_number() || !(value.get<double>() >= 0.0) ||
        !std::isfinite(value.get<double>())) {
      throw ValueError("regularizer " + class_name + ": " + key +
                       " must be a finite number >= 0, got " + value.dump());
    }
    factors[key == "l1" ? 0 : 1] = value.get<double>();
  }
  return Regularizer(class_name, factors[0], factors[1]);
}

std::vector<std::string> regularizer_names() { return by_name().names(); }

}  // namespace nn
