#include "lib/losses/regression.h"

#include <cmath>

#include "lib/error.h"

namespace nn {
namespace {

// The mean's divisor: every element of y_pred counts once.
double count(const Tensor& y_pred) {
  return static_cast<double>(std::max<std::size_t>(1, y_pred.size()));
}

}  // namespace

double MeanSquaredError::forward(const Tensor& y_true, const Tensor& y_pred) const {
  check_shapes(y_true, y_pred);
  double sum = 0.0;
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const double e = y_pred.data()[i] - y_true.data()[i];
    sum += e * e;
  }
  return sum / count(y_pred);
}

void MeanSquaredError::backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const {
  check_shapes(y_true, y_pred);
  dy_pred = (2.0f / static_cast<float>(count(y_pred))) * (y_pred - y_true);
}

std::unique_ptr<Loss> MeanSquaredError::clone() const {
  return std::make_unique<MeanSquaredError>(*this);
}

double MeanAbsoluteError::forward(const Tensor& y_true, const Tensor& y_pred) const {
  check_shapes(y_true, y_pred);
  double sum = 0.0;
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    sum += std::abs(static_cast<double>(y_pred.data()[i]) - y_true.data()[i]);
  }
  return sum / count(y_pred);
}

void MeanAbsoluteError::backward(const Tensor& y_true, const Tensor& y_pred,
                                 Tensor& dy_pred) const {
  check_shapes(y_true, y_pred);
  const float scale = 1.0f / static_cast<float>(count(y_pred));
  dy_pred = Tensor::from_shape(y_pred.shape());
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const float e = y_pred.data()[i] - y_true.data()[i];
    dy_pred.data()[i] = e > 0.0f ? scale : (e < 0.0f ? -scale : 0.0f);  // sign(e) / (N·d)
  }
}

std::unique_ptr<Loss> MeanAbsoluteError::clone() const {
  return std::make_unique<MeanAbsoluteError>(*this);
}

Huber::Huber(double delta) : Loss("huber_loss"), delta_(delta) {
  if (!(delta > 0.0)) throw ValueError("Huber: delta must be > 0, got " + std::to_string(delta));
}

double Huber::forward(const Tensor& y_true, const Tensor& y_pred) const {
  check_shapes(y_true, y_pred);
  double sum = 0.0;
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const double e = std::abs(static_cast<double>(y_pred.data()[i]) - y_true.data()[i]);
    sum += e <= delta_ ? 0.5 * e * e : delta_ * e - 0.5 * delta_ * delta_;
  }
  return sum / count(y_pred);
}

void Huber::backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const {
  check_shapes(y_true, y_pred);
  const float scale = 1.0f / static_cast<float>(count(y_pred));
  const float delta = static_cast<float>(delta_);
  dy_pred = Tensor::from_shape(y_pred.shape());
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const float e = y_pred.data()[i] - y_true.data()[i];
    dy_pred.data()[i] = std::max(-delta, std::min(delta, e)) * scale;  // clip(e, −δ, δ)/(N·d)
  }
}

nlohmann::json Huber::get_config() const {
  nlohmann::json config = Loss::get_config();
  config["delta"] = delta_;
  return config;
}

std::unique_ptr<Loss> Huber::clone() const { return std::make_unique<Huber>(*this); }

}  // namespace nn
