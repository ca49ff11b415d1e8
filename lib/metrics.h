#pragma once
// Metrics: numbers that tell a person how training goes, kept up to date batch by batch the
// way Keras does. A metric is stateful: reset_state() at the start of an epoch,
// update_state(y_true, y_pred) after every batch, result() for the mean so far (over every
// example seen, not the mean of batch means).

#include <memory>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// The base of every metric: a running mean of one number per example.
class Metric {
 public:
  virtual ~Metric() = default;
  /// The key in the logs: the name given to compile ("accuracy"), or the class's.
  const std::string& name() const { return name_; }
  /// Forgets everything seen.
  virtual void reset_state();
  /// Adds a batch: y_pred (batch, outputs) against y_true (batch, outputs), or (batch, 1)
  /// class indices for the sparse metrics.
  virtual void update_state(const Tensor& y_true, const Tensor& y_pred) = 0;
  /// The mean so far (0 before any update).
  virtual double result() const;
  /// A fresh copy (one per model output).
  virtual std::unique_ptr<Metric> clone() const = 0;

 protected:
  /// A metric whose logs key is `name`.
  explicit Metric(std::string name) : name_(std::move(name)) {}
  double total_ = 0.0;  ///< sum of the per-example values
  double count_ = 0.0;  ///< number of examples

 private:
  std::string name_;
};

/// Accuracy: the share of examples classified right. Kind::kAuto ("accuracy") decides on
/// the first batch as Keras does: one output → binary; y_true one column and several
/// outputs → sparse categorical; else categorical.
class Accuracy : public Metric {
 public:
  /// How predictions and targets are compared.
  enum class Kind {
    kAuto,         ///< decided from the shapes of the first batch
    kBinary,       ///< (y_pred > threshold) == y_true, per output, averaged over outputs
    kCategorical,  ///< argmax y_pred == argmax y_true
    kSparse,       ///< argmax y_pred == y_true (the class index)
  };
  /// A metric of this kind, named `name`; threshold for binary decisions.
  explicit Accuracy(Kind kind = Kind::kAuto, std::string name = "accuracy", float threshold = 0.5f);
  void update_state(const Tensor& y_true, const Tensor& y_pred) override;
  std::unique_ptr<Metric> clone() const override;
  /// The kind, resolved after the first batch.
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
  float threshold_;
};

/// Mean squared error per example, averaged ("mse").
class MeanSquaredErrorMetric : public Metric {
 public:
  /// Named `name`.
  explicit MeanSquaredErrorMetric(std::string name = "mean_squared_error");
  void update_state(const Tensor& y_true, const Tensor& y_pred) override;
  std::unique_ptr<Metric> clone() const override;
};

/// Mean absolute error per example, averaged ("mae").
class MeanAbsoluteErrorMetric : public Metric {
 public:
  /// Named `name`.
  explicit MeanAbsoluteErrorMetric(std::string name = "mean_absolute_error");
  void update_state(const Tensor& y_true, const Tensor& y_pred) override;
  std::unique_ptr<Metric> clone() const override;
};

/// The square root of the mean squared error over everything seen ("rmse").
class RootMeanSquaredError : public MeanSquaredErrorMetric {
 public:
  /// Named `name`.
  explicit RootMeanSquaredError(std::string name = "root_mean_squared_error");
  double result() const override;
  std::unique_ptr<Metric> clone() const override;
};

/// The metric with this name, keyed by it in the logs: "accuracy" (or "acc"),
/// "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "mse" (or
/// "mean_squared_error"), "mae" (or "mean_absolute_error"), "rmse" (or
/// "root_mean_squared_error"). Throws ValueError listing the known names otherwise.
std::unique_ptr<Metric> get_metric(const std::string& name);

/// The names get_metric() knows, sorted.
std::vector<std::string> metric_names();

/// A metric by name or as an object (copied), as compile() takes it.
class MetricArg {
 public:
  /// By name (implicit, so that {"accuracy"} works); ValueError if unknown.
  MetricArg(const char* name);  // NOLINT
  /// By name.
  MetricArg(const std::string& name);  // NOLINT
  /// A copy of a metric object.
  MetricArg(const Metric& metric);  // NOLINT
  /// The metric (a prototype: the model clones it per output).
  const std::shared_ptr<const Metric>& get() const { return metric_; }

 private:
  std::shared_ptr<const Metric> metric_;
};

}  // namespace nn
