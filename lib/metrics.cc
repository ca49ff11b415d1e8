#include "lib/metrics.h"

#include <cmath>
#include <functional>
#include <map>

#include "lib/error.h"
#include "lib/registry.h"

namespace nn {
namespace {

std::size_t argmax_row(const Tensor& y, std::size_t i) {
  std::size_t best = 0;  // the first of equal maxima, as numpy and Keras take
  for (std::size_t k = 1; k < y.shape()[1]; ++k) {
    if (y(i, k) > y(i, best)) best = k;
  }
  return best;
}

void require_same_shape(const std::string& name, const Tensor& y_true, const Tensor& y_pred) {
  if (y_true.shape() != y_pred.shape()) {
    throw ShapeError("metric " + name + ": y_true " + shape_string(y_true) + " and y_pred " +
                     shape_string(y_pred) + " differ");
  }
}

using MetricMaker = std::function<std::unique_ptr<Metric>(const std::string&)>;

const Registry<MetricMaker>& registry() {
  using Kind = Accuracy::Kind;
  static const Registry<MetricMaker> known(
      "metric",
      {
          {"accuracy", [](auto& n) { return std::make_unique<Accuracy>(Kind::kAuto, n); }},
          {"acc", [](auto& n) { return std::make_unique<Accuracy>(Kind::kAuto, n); }},
          {"binary_accuracy", [](auto& n) { return std::make_unique<Accuracy>(Kind::kBinary, n); }},
          {"categorical_accuracy",
           [](auto& n) { return std::make_unique<Accuracy>(Kind::kCategorical, n); }},
          {"sparse_categorical_accuracy",
           [](auto& n) { return std::make_unique<Accuracy>(Kind::kSparse, n); }},
          {"mse", [](auto& n) { return std::make_unique<MeanSquaredErrorMetric>(n); }},
          {"mean_squared_error",
           [](auto& n) { return std::make_unique<MeanSquaredErrorMetric>(n); }},
          {"mae", [](auto& n) { return std::make_unique<MeanAbsoluteErrorMetric>(n); }},
          {"mean_absolute_error",
           [](auto& n) { return std::make_unique<MeanAbsoluteErrorMetric>(n); }},
          {"rmse", [](auto& n) { return std::make_unique<RootMeanSquaredError>(n); }},
          {"root_mean_squared_error",
           [](auto& n) { return std::make_unique<RootMeanSquaredError>(n); }},
      });
  return known;
}

}  // namespace

void Metric::reset_state() { total_ = count_ = 0.0; }

double Metric::result() const { return count_ > 0.0 ? total_ / count_ : 0.0; }

Accuracy::Accuracy(Kind kind, std::string name, float threshold)
    : Metric(std::move(name)), kind_(kind), threshold_(threshold) {}

void Accuracy::update_state(const Tensor& y_true, const Tensor& y_pred) {
  const std::size_t rows = y_pred.shape()[0], outputs = y_pred.shape()[1];
  if (kind_ == Kind::kAuto) {
    if (outputs == 1) {
      kind_ = Kind::kBinary;
    } else if (y_true.shape()[1] == 1) {
      kind_ = Kind::kSparse;
    } else {
      kind_ = Kind::kCategorical;
    }
  }
  if (kind_ == Kind::kSparse) {
    if (y_true.shape()[0] != rows || y_true.shape()[1] != 1) {
      throw ShapeError("metric " + name() + ": y_true must be (" + std::to_string(rows) +
                       ", 1) class indices, got " + shape_string(y_true));
    }
  } else {
    require_same_shape(name(), y_true, y_pred);
  }
  for (std::size_t i = 0; i < rows; ++i) {
    double right = 0.0;
    if (kind_ == Kind::kBinary) {
      for (std::size_t k = 0; k < outputs; ++k) {
        const float decided = y_pred(i, k) > threshold_ ? 1.0f : 0.0f;
        right += decided == y_true(i, k) ? 1.0 : 0.0;
      }
      right /= static_cast<double>(outputs);
    } else if (kind_ == Kind::kCategorical) {
      right = argmax_row(y_pred, i) == argmax_row(y_true, i) ? 1.0 : 0.0;
    } else {
      right = static_cast<float>(argmax_row(y_pred, i)) == y_true(i, 0) ? 1.0 : 0.0;
    }
    total_ += right;
  }
  count_ += static_cast<double>(rows);
}

std::unique_ptr<Metric> Accuracy::clone() const { return std::make_unique<Accuracy>(*this); }

MeanSquaredErrorMetric::MeanSquaredErrorMetric(std::string name) : Metric(std::move(name)) {}

void MeanSquaredErrorMetric::update_state(const Tensor& y_true, const Tensor& y_pred) {
  require_same_shape(name(), y_true, y_pred);
  const std::size_t outputs = y_pred.shape()[1];
  for (std::size_t i = 0; i < y_pred.shape()[0]; ++i) {
    double sum = 0.0;
    for (std::size_t k = 0; k < outputs; ++k) {
      const double e = static_cast<double>(y_pred(i, k)) - y_true(i, k);
      sum += e * e;
    }
    total_ += sum / static_cast<double>(outputs);
  }
  count_ += static_cast<double>(y_pred.shape()[0]);
}

std::unique_ptr<Metric> MeanSquaredErrorMetric::clone() const {
  return std::make_unique<MeanSquaredErrorMetric>(*this);
}

MeanAbsoluteErrorMetric::MeanAbsoluteErrorMetric(std::string name) : Metric(std::move(name)) {}

void MeanAbsoluteErrorMetric::update_state(const Tensor& y_true, const Tensor& y_pred) {
  require_same_shape(name(), y_true, y_pred);
  const std::size_t outputs = y_pred.shape()[1];
  for (std::size_t i = 0; i < y_pred.shape()[0]; ++i) {
    double sum = 0.0;
    for (std::size_t k = 0; k < outputs; ++k) {
      sum += std::abs(static_cast<double>(y_pred(i, k)) - y_true(i, k));
    }
    total_ += sum / static_cast<double>(outputs);
  }
  count_ += static_cast<double>(y_pred.shape()[0]);
}

std::unique_ptr<Metric> MeanAbsoluteErrorMetric::clone() const {
  return std::make_unique<MeanAbsoluteErrorMetric>(*this);
}

RootMeanSquaredError::RootMeanSquaredError(std::string name)
    : MeanSquaredErrorMetric(std::move(name)) {}

double RootMeanSquaredError::result() const { return std::sqrt(MeanSquaredErrorMetric::result()); }

std::unique_ptr<Metric> RootMeanSquaredError::clone() const {
  return std::make_unique<RootMeanSquaredError>(*this);
}

std::unique_ptr<Metric> get_metric(const std::string& name) { return registry().get(name)(name); }

std::vector<std::string> metric_names() { return registry().names(); }

MetricArg::MetricArg(const char* name) : metric_(get_metric(name)) {}
MetricArg::MetricArg(const std::string& name) : metric_(get_metric(name)) {}
MetricArg::MetricArg(const Metric& metric) : metric_(metric.clone()) {}

}  // namespace nn
