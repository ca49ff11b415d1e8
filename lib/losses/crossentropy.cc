#include "lib/losses/crossentropy.h"

#include <algorithm>
#include <cmath>

#include "lib/activations.h"
#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

constexpr float kEpsilon = 1e-7f;  // Keras's backend epsilon

float clip(float p) { return std::min(std::max(p, kEpsilon), 1.0f - kEpsilon); }
bool clipped(float p) { return p < kEpsilon || p > 1.0f - kEpsilon; }

double rows_of(const Tensor& y) {
  return static_cast<double>(std::max<std::size_t>(1, y.shape()[0]));
}
double size_of(const Tensor& y) { return static_cast<double>(std::max<std::size_t>(1, y.size())); }

// log Σ_k e^(z_ik), with the row's largest z taken out first so that nothing overflows.
double log_sum_exp(const Tensor& z, std::size_t i) {
  float m = z(i, 0);
  for (std::size_t k = 1; k < z.shape()[1]; ++k) m = std::max(m, z(i, k));
  double sum = 0.0;
  for (std::size_t k = 0; k < z.shape()[1]; ++k) sum += std::exp(static_cast<double>(z(i, k)) - m);
  return m + std::log(sum);
}

std::size_t label(const Tensor& t, std::size_t i) { return static_cast<std::size_t>(t(i, 0)); }

}  // namespace

Crossentropy::Crossentropy(std::string name, std::string activation, bool from_logits)
    : Loss(std::move(name)), activation_(std::move(activation)), from_logits_(from_logits) {}

// book:begin crossentropy_fusion
Var Crossentropy::operator()(const Tensor& y_true, const Var& y_pred) const {
  Var z;  // the logits, if we have them
  if (from_logits_) z = y_pred;
  if (!from_logits_ && y_pred.op() == activation_ && y_pred.parent_count() == 1) {
    z = y_pred.parent(0);  // fused: skip the sigmoid or softmax, work on its input
  }
  if (!z) return Loss::operator()(y_true, y_pred);
  check_shapes(y_true, z.value());
  Tensor dz;
  if (grad_enabled()) backward_logits(y_true, z.value(), dz);
  return make_node(forward_logits(y_true, z.value()), z, std::move(dz), name());
}
// book:end crossentropy_fusion

double Crossentropy::forward(const Tensor& y_true, const Tensor& y_pred) const {
  check_shapes(y_true, y_pred);
  return from_logits_ ? forward_logits(y_true, y_pred) : forward_probs(y_true, y_pred);
}

void Crossentropy::backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const {
  check_shapes(y_true, y_pred);
  if (from_logits_) {
    backward_logits(y_true, y_pred, dy_pred);
  } else {
    backward_probs(y_true, y_pred, dy_pred);
  }
}

nlohmann::json Crossentropy::get_config() const {
  nlohmann::json config = Loss::get_config();
  config["from_logits"] = from_logits_;
  return config;
}

// Binary: every element is its own yes/no question.

BinaryCrossentropy::BinaryCrossentropy(bool from_logits)
    : Crossentropy("binary_crossentropy", "sigmoid", from_logits) {}

double BinaryCrossentropy::forward_logits(const Tensor& t, const Tensor& z) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double zi = z.data()[i], ti = t.data()[i];
    sum += std::max(zi, 0.0) - zi * ti + std::log1p(std::exp(-std::abs(zi)));
  }
  return sum / size_of(z);
}

void BinaryCrossentropy::backward_logits(const Tensor& t, const Tensor& z, Tensor& dz) const {
  dz = (sigmoid(z) - t) / static_cast<float>(size_of(z));  // (σ(z) − t)/(N·d)
}

double BinaryCrossentropy::forward_probs(const Tensor& t, const Tensor& p) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double pi = clip(p.data()[i]), ti = t.data()[i];
    sum -= ti * std::log(pi + kEpsilon) + (1.0 - ti) * std::log(1.0 - pi + kEpsilon);
  }
  return sum / size_of(p);
}

void BinaryCrossentropy::backward_probs(const Tensor& t, const Tensor& p, Tensor& dp) const {
  const double n = size_of(p);
  dp = Tensor::from_shape(p.shape());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double pi = p.data()[i], ti = t.data()[i];
    const double d = -(ti / (pi + kEpsilon) - (1.0 - ti) / (1.0 - pi + kEpsilon)) / n;
    dp.data()[i] = clipped(p.data()[i]) ? 0.0f : static_cast<float>(d);
  }
}

std::unique_ptr<Loss> BinaryCrossentropy::clone() const {
  return std::make_unique<BinaryCrossentropy>(*this);
}

// Categorical: one distribution per row.

CategoricalCrossentropy::CategoricalCrossentropy(bool from_logits)
    : Crossentropy("categorical_crossentropy", "softmax", from_logits) {}

void CategoricalCrossentropy::check_targets(const Tensor& y_true, std::size_t outputs) const {
  if (y_true.shape()[1] == 1 && outputs > 1) {
    throw ShapeError(name() + ": y_true " + shape_string(y_true) + " is one column but there are " +
                     count_of(outputs, "class", "classes") +
                     "; for class indices use sparse_categorical_crossentropy");
  }
  Loss::check_targets(y_true, outputs);
}

double CategoricalCrossentropy::forward_logits(const Tensor& t, const Tensor& z) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < z.shape()[0]; ++i) {
    const double lse = log_sum_exp(z, i);
    for (std::size_t k = 0; k < z.shape()[1]; ++k) sum += t(i, k) * (lse - z(i, k));
  }
  return sum / rows_of(z);
}

void CategoricalCrossentropy::backward_logits(const Tensor& t, const Tensor& z, Tensor& dz) const {
  const float n = static_cast<float>(rows_of(z));
  dz = softmax(z);
  for (std::size_t i = 0; i < z.shape()[0]; ++i) {
    float mass = 0.0f;  // Σ_k t_k, 1 for one-hot targets
    for (std::size_t k = 0; k < z.shape()[1]; ++k) mass += t(i, k);
    for (std::size_t k = 0; k < z.shape()[1]; ++k) dz(i, k) = (mass * dz(i, k) - t(i, k)) / n;
  }
}

double CategoricalCrossentropy::forward_probs(const Tensor& t, const Tensor& p) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < p.shape()[0]; ++i) {
    float total = 0.0f;
    for (std::size_t k = 0; k < p.shape()[1]; ++k) total += p(i, k);
    for (std::size_t k = 0; k < p.shape()[1]; ++k) sum -= t(i, k) * std::log(clip(p(i, k) / total));
  }
  return sum / rows_of(p);
}

void CategoricalCrossentropy::backward_probs(const Tensor& t, const Tensor& p, Tensor& dp) const {
  const double n = rows_of(p);
  const std::size_t classes = p.shape()[1];
  dp = Tensor::from_shape(p.shape());
  std::vector<double> g(classes);  // ∂L/∂q for q = p / Σp, 0 where q was clipped
  for (std::size_t i = 0; i < p.shape()[0]; ++i) {
    float total = 0.0f;
    for (std::size_t k = 0; k < classes; ++k) total += p(i, k);
    double g_dot_q = 0.0;
    for (std::size_t k = 0; k < classes; ++k) {
      const float q = p(i, k) / total;
      g[k] = clipped(q) ? 0.0 : -t(i, k) / static_cast<double>(q);
      g_dot_q += g[k] * q;
    }
    for (std::size_t k = 0; k < classes; ++k) {
      dp(i, k) = static_cast<float>((g[k] - g_dot_q) / total / n);
    }
  }
}

std::unique_ptr<Loss> CategoricalCrossentropy::clone() const {
  return std::make_unique<CategoricalCrossentropy>(*this);
}

// Sparse categorical: the same, with the class index in place of the one-hot row.

SparseCategoricalCrossentropy::SparseCategoricalCrossentropy(bool from_logits)
    : Crossentropy("sparse_categorical_crossentropy", "softmax", from_logits) {}

void SparseCategoricalCrossentropy::check_targets(const Tensor& y_true, std::size_t outputs) const {
  if (y_true.shape()[1] != 1) {
    throw ShapeError(name() + ": y_true must be one column of class indices, (n, 1), got " +
                     shape_string(y_true) + "; for one-hot targets use categorical_crossentropy");
  }
  for (std::size_t i = 0; i < y_true.shape()[0]; ++i) {
    const float y = y_true(i, 0);
    if (!(y >= 0.0f && y < static_cast<float>(outputs) && y == std::floor(y))) {
      throw ValueError(name() + ": the label in row " + std::to_string(i) + " is " +
                       shortest_decimal(y) + ", not a class index in [0, " +
                       std::to_string(outputs) + ")");
    }
  }
}

// book:begin softmax_crossentropy
double SparseCategoricalCrossentropy::forward_logits(const Tensor& t, const Tensor& z) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < z.shape()[0]; ++i) sum += log_sum_exp(z, i) - z(i, label(t, i));
  return sum / rows_of(z);
}

void SparseCategoricalCrossentropy::backward_logits(const Tensor& t, const Tensor& z,
                                                    Tensor& dz) const {
  const float n = static_cast<float>(rows_of(z));
  dz = softmax(z);
  for (std::size_t i = 0; i < z.shape()[0]; ++i) dz(i, label(t, i)) -= 1.0f;  // p − onehot(y)
  dz /= n;
}
// book:end softmax_crossentropy

double SparseCategoricalCrossentropy::forward_probs(const Tensor& t, const Tensor& p) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < p.shape()[0]; ++i) {
    double total = 0.0;
    for (std::size_t k = 0; k < p.shape()[1]; ++k) total += clip(p(i, k));
    sum += std::log(total) - std::log(clip(p(i, label(t, i))));  // −log(c_y / Σc)
  }
  return sum / rows_of(p);
}

void SparseCategoricalCrossentropy::backward_probs(const Tensor& t, const Tensor& p,
                                                   Tensor& dp) const {
  const double n = rows_of(p);
  dp = Tensor::from_shape(p.shape());
  for (std::size_t i = 0; i < p.shape()[0]; ++i) {
    double total = 0.0;
    for (std::size_t k = 0; k < p.shape()[1]; ++k) total += clip(p(i, k));
    const std::size_t y = label(t, i);
    for (std::size_t k = 0; k < p.shape()[1]; ++k) {
      const double d = 1.0 / total - (k == y ? 1.0 / clip(p(i, k)) : 0.0);
      dp(i, k) = clipped(p(i, k)) ? 0.0f : static_cast<float>(d / n);
    }
  }
}

std::unique_ptr<Loss> SparseCategoricalCrossentropy::clone() const {
  return std::make_unique<SparseCategoricalCrossentropy>(*this);
}

}  // namespace nn
