#pragma once
// A loss: how far predictions are from targets, as one number per batch. Keras's reduction:
// a loss per example (averaged over the outputs, or summed over classes for the
// cross-entropies), then the mean over the batch. Each loss writes its maths twice, side by
// side: forward (the value) and backward (∂loss/∂y_pred, the 1/N of the mean included).

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// The base of every loss.
class Loss {
 public:
  virtual ~Loss() = default;

  /// Keras's function name: "mean_squared_error", "sparse_categorical_crossentropy", ...
  const std::string& name() const { return name_; }
  /// Keras's class name: "MeanSquaredError", ...
  virtual std::string class_name() const = 0;

  /// The loss on the tape, a (1, 1) Var (Keras's argument order: targets first). Its
  /// gradient is computed here, while y_pred is at hand, and pushed back by backward().
  virtual Var operator()(const Tensor& y_true, const Var& y_pred) const;
  /// The value for predictions y_pred (batch, outputs) against y_true.
  virtual double forward(const Tensor& y_true, const Tensor& y_pred) const = 0;
  /// ∂loss/∂y_pred into dy_pred (made y_pred's shape).
  virtual void backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const = 0;

  /// Checks targets against predictions with `outputs` columns: throws ShapeError naming the
  /// loss and both widths (or, for sparse labels, ValueError naming the row of a bad label).
  virtual void check_targets(const Tensor& y_true, std::size_t outputs) const;
  /// check_targets, and the same number of rows (ShapeError naming both shapes otherwise).
  void check_shapes(const Tensor& y_true, const Tensor& y_pred) const;
  /// Keras's config: {"reduction": "auto", "name": ...} plus the loss's own settings.
  virtual nlohmann::json get_config() const;
  /// A copy (compile() keeps its own).
  virtual std::unique_ptr<Loss> clone() const = 0;

 protected:
  /// A loss with Keras's function name.
  explicit Loss(std::string name) : name_(std::move(name)) {}
  /// The loss node for value `loss` whose gradient wrt `input` is `d_input`.
  static Var make_node(double loss, const Var& input, Tensor d_input, const std::string& op);

 private:
  std::string name_;
};

/// The loss with this Keras name: "mse" or "mean_squared_error", "mae" or
/// "mean_absolute_error", "huber", "binary_crossentropy", "categorical_crossentropy",
/// "sparse_categorical_crossentropy". Throws ValueError listing the known names otherwise.
std::unique_ptr<Loss> get_loss(const std::string& name);

/// The names get_loss() knows, sorted.
std::vector<std::string> loss_names();

/// A loss given by name or as an object (copied), as compile() takes it.
class LossArg {
 public:
  /// By name (implicit, so that compile("mse", ...) works); ValueError if unknown.
  LossArg(const char* name);  // NOLINT
  /// By name.
  LossArg(const std::string& name);  // NOLINT
  /// A copy of a loss object: compile(nn::Huber(2.0), ...).
  LossArg(const Loss& loss);  // NOLINT
  /// The loss.
  const std::shared_ptr<const Loss>& get() const { return loss_; }

 private:
  std::shared_ptr<const Loss> loss_;
};

/// One loss, a list with one loss per model output, or losses keyed by output name, as
/// compile() takes them.
class LossList {
 public:
  /// One loss by name.
  LossList(const char* name) : losses_{LossArg(name)} {}  // NOLINT
  /// One loss by name.
  LossList(const std::string& name) : losses_{LossArg(name)} {}  // NOLINT
  /// One loss object (copied).
  LossList(const Loss& loss) : losses_{LossArg(loss)} {}  // NOLINT
  /// One loss.
  LossList(const LossArg& loss) : losses_{loss} {}  // NOLINT
  /// One loss per output: {"mse", nn::Huber(2.0)}.
  LossList(std::initializer_list<LossArg> losses) : losses_(losses) {}  // NOLINT
  /// Losses keyed by the outputs' names, as Keras's dict:
  /// {{"species", "sparse_categorical_crossentropy"}, {"width", "mse"}}.
  LossList(std::initializer_list<std::pair<std::string, LossArg>> by_output) {  // NOLINT
    for (const auto& [output, loss] : by_output) {
      output_names_.push_back(output);
      losses_.push_back(loss);
    }
  }
  /// One loss per output, from a list made at run time (a model file's training_config).
  explicit LossList(std::vector<LossArg> losses) : losses_(std::move(losses)) {}
  /// The losses, in output order (or in the order of output_names()).
  const std::vector<LossArg>& get() const { return losses_; }
  /// The output each loss is for, when they were keyed by name; empty otherwise.
  const std::vector<std::string>& output_names() const { return output_names_; }

 private:
  std::vector<LossArg> losses_;
  std::vector<std::string> output_names_;
};

}  // namespace nn
