#pragma once
// An optimizer: how the weights move, given their gradients. Each one keeps, per weight, the
// state it needs (momentum, running averages) in "slots", made the first time it sees the
// weight. Updates happen in place, without temporaries: `xt::noalias(w) -= lr * g`.

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lib/parameter.h"
#include "lib/tensor.h"

namespace nn {

/// The base of every optimizer.
class Optimizer {
 public:
  virtual ~Optimizer() = default;

  /// Keras's class name: "SGD", "Adam", "AdamW", "RMSprop".
  virtual std::string name() const = 0;
  /// Forgets the parameters' gradients before a step's forward pass (PyTorch's zero_grad).
  /// An optimizer may also prepare its step here (plain SGD installs its SgdFusedStep).
  virtual void zero_grad(const std::vector<Parameter*>& parameters);
  /// Applies one step to every trainable parameter from its grad, then counts the step.
  virtual void apply_gradients(const std::vector<Parameter*>& parameters);
  /// The learning rate, readable and changeable between any two steps.
  double learning_rate() const { return learning_rate_; }
  /// Sets the learning rate (a tuning chapter multiplies it every batch).
  void set_learning_rate(double learning_rate) { learning_rate_ = learning_rate; }
  /// How many steps have been applied.
  std::int64_t iterations() const { return iterations_; }
  /// Keras's config: {"name", "learning_rate", ...}.
  virtual nlohmann::json get_config() const;
  /// A copy with the same settings and no slots (compile() keeps its own).
  virtual std::unique_ptr<Optimizer> clone() const = 0;
  /// The slot tensors of a parameter (in the optimizer's order), empty if never updated.
  const std::vector<Tensor>& slots(const Parameter& parameter) const;
  /// Restores a parameter's slots, e.g. from a saved model, so that training resumes where
  /// it stopped. ShapeError unless there are as many as the optimizer keeps per parameter,
  /// each of the parameter's shape.
  void set_slots(const Parameter& parameter, std::vector<Tensor> slots);
  /// Restores the step count (Adam's bias corrections depend on it). ValueError if negative.
  void set_iterations(std::int64_t iterations);
  /// How Keras 3 lists the slots in a saved file: false, weight by weight (Adam: m₀ v₀ m₁
  /// v₁ ...); true, kind by kind (RMSprop: every velocity, then every momentum, ...).
  virtual bool slots_grouped_by_kind() const { return false; }

 protected:
  /// An optimizer with this learning rate.
  explicit Optimizer(double learning_rate) : learning_rate_(learning_rate) {}
  /// How many slots each parameter needs (0 for plain SGD).
  virtual std::size_t slot_count() const = 0;
  /// One step for one parameter: w = p.value(), g = p.grad(), its slots (zeros at first);
  /// `step` counts from 1.
  virtual void update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) = 0;
  double learning_rate_;  ///< the current learning rate

 private:
  std::int64_t iterations_ = 0;
  std::map<const Parameter*, std::vector<Tensor>> slots_;
};

/// The optimizer with this Keras name: "sgd", "adam", "adamw" or "rmsprop" (Keras 3's
/// defaults). Throws ValueError listing the known names otherwise.
std::unique_ptr<Optimizer> get_optimizer(const std::string& name);

/// An optimizer by name or as an object (copied), as compile() takes it.
class OptimizerArg {
 public:
  /// By name (implicit, so that compile("mse", "sgd") works); ValueError if unknown.
  OptimizerArg(const char* name);  // NOLINT
  /// By name.
  OptimizerArg(const std::string& name);  // NOLINT
  /// A copy of an optimizer object: compile("mse", nn::SGD(0.1)).
  OptimizerArg(const Optimizer& optimizer);  // NOLINT
  /// A fresh copy of the optimizer.
  std::unique_ptr<Optimizer> make() const { return optimizer_->clone(); }

 private:
  std::shared_ptr<const Optimizer> optimizer_;
};

}  // namespace nn
