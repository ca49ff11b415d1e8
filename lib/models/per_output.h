#pragma once
// What compile() takes per output, as Keras takes it: a loss, metrics and a loss weight for
// each output of a several-output model, given in output order or keyed by the outputs'
// names. The names are known once the model is (a functional model's outputs are the layers
// that make them; a subclassed model's are "output_1", "output_2", ...), so compile() keeps
// what it was given and resolve_per_output() matches it to the outputs when they are known.
//
//   model.compile({{"species", "sparse_categorical_crossentropy"}, {"width", "mse"}}, "adam",
//                 {{"species", {"accuracy"}}, {"width", {"mae"}}},
//                 {{"species", 1.0}, {"width", 0.5}});

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lib/losses/loss.h"
#include "lib/metrics.h"

namespace nn {

/// The metrics of one output: one or several, by name or as objects.
class OutputMetrics {
 public:
  /// One metric by name: {"species", "accuracy"}.
  OutputMetrics(const char* name) : metrics_{MetricArg(name)} {}  // NOLINT
  /// One metric by name.
  OutputMetrics(const std::string& name) : metrics_{MetricArg(name)} {}  // NOLINT
  /// One metric object (copied).
  OutputMetrics(const Metric& metric) : metrics_{MetricArg(metric)} {}  // NOLINT
  /// Several: {"species", {"accuracy", "mse"}}.
  OutputMetrics(std::initializer_list<MetricArg> metrics) : metrics_(metrics) {}  // NOLINT
  /// Several, from a list made at run time.
  explicit OutputMetrics(std::vector<MetricArg> metrics) : metrics_(std::move(metrics)) {}
  /// The metrics.
  const std::vector<MetricArg>& get() const { return metrics_; }

 private:
  std::vector<MetricArg> metrics_;
};

/// The metrics of compile(): one list for every output ({"accuracy"}, as Keras 2 applied
/// it), or a list per output keyed by output name ({{"species", {"accuracy"}}}); an output
/// that is not named gets no metrics.
class MetricList {
 public:
  /// No metrics.
  MetricList() = default;
  /// The same metrics for every output.
  MetricList(std::initializer_list<MetricArg> metrics) : every_output_(metrics) {}  // NOLINT
  /// The same metrics for every output, from a list made at run time.
  MetricList(std::vector<MetricArg> metrics) : every_output_(std::move(metrics)) {}  // NOLINT
  /// Metrics keyed by output name.
  MetricList(std::initializer_list<std::pair<std::string, OutputMetrics>> by_output)  // NOLINT
      : by_output_(by_output) {}
  /// Metrics keyed by output name, from a list made at run time.
  explicit MetricList(std::vector<std::pair<std::string, OutputMetrics>> by_output)
      : by_output_(std::move(by_output)) {}

  /// The metrics for every output (empty when keyed).
  const std::vector<MetricArg>& every_output() const { return every_output_; }
  /// The metrics by output name (empty unless keyed).
  const std::vector<std::pair<std::string, OutputMetrics>>& by_output() const { return by_output_; }

 private:
  std::vector<MetricArg> every_output_;
  std::vector<std::pair<std::string, OutputMetrics>> by_output_;
};

/// The weights of the outputs' losses in the total loss: in output order ({0.9, 0.1}) or keyed
/// by output name ({{"main", 0.9}, {"aux", 0.1}}); empty: every output weighs 1.
class LossWeights {
 public:
  /// Every output weighs 1.
  LossWeights() = default;
  /// In output order.
  LossWeights(std::initializer_list<double> weights) : weights_(weights) {}  // NOLINT
  /// In output order, from a list made at run time.
  LossWeights(std::vector<double> weights) : weights_(std::move(weights)) {}  // NOLINT
  /// Keyed by output name.
  LossWeights(std::initializer_list<std::pair<std::string, double>> by_output) {  // NOLINT
    for (const auto& [output, weight] : by_output) {
      names_.push_back(output);
      weights_.push_back(weight);
    }
  }
  /// The weights, in output order or in the order of output_names().
  const std::vector<double>& get() const { return weights_; }
  /// The output each weight is for, when keyed by name; empty otherwise.
  const std::vector<std::string>& output_names() const { return names_; }

 private:
  std::vector<double> weights_;
  std::vector<std::string> names_;
};

/// compile()'s arguments matched to the outputs: a loss per output (or one for all), a weight
/// per output (or none), a list of metrics per output.
struct PerOutput {
  std::vector<std::shared_ptr<const Loss>> losses;                  ///< 1 or one per output
  std::vector<double> loss_weights;                                 ///< empty or per output
  std::vector<std::vector<std::shared_ptr<const Metric>>> metrics;  ///< [output][metric]
};

/// Matches compile()'s arguments to the outputs named `outputs` (in output order). Throws
/// ValueError, naming the model and its outputs, for a count that is neither 1 nor the number
/// of outputs, a name that is not an output's, an output left without a loss, or a name
/// given twice.
PerOutput resolve_per_output(const std::string& model, const std::vector<std::string>& outputs,
                             const LossList& losses, const MetricList& metrics,
                             const LossWeights& loss_weights);

}  // namespace nn
