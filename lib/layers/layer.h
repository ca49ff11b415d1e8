#pragma once
// A layer: its weights (Parameters, leaves of the tape) and a forward pass that leaves its
// backward on the tape.
// You hold a layer through a handle (LayerHandle): copies of a handle share one layer, as
// Python references do, so `nn::Dense(300, "relu")` can be handed to a model by value and
// `dense->kernel()` still reads the weights that the model trains.

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/parameter.h"
#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// Whether layers called on this thread without an explicit `training` are training
/// (Dropout drops). False unless a LearningPhaseScope says otherwise.
bool learning_phase();

/// Sets this thread's learning phase while alive: fit() trains; evaluate() and predict() do
/// not. A subclassed model's call() can then call its layers without passing `training`.
class LearningPhaseScope {
 public:
  /// Sets the phase to `training`.
  explicit LearningPhaseScope(bool training);
  /// Restores the phase that was set before.
  ~LearningPhaseScope();
  LearningPhaseScope(const LearningPhaseScope&) = delete;             ///< not copyable
  LearningPhaseScope& operator=(const LearningPhaseScope&) = delete;  ///< not assignable

 private:
  bool previous_;
};

/// Whether this thread is building a model by calling it on a row of zeros (Model::build):
/// a layer whose output means nothing yet (a Normalization never adapted) lets the probe
/// through instead of refusing, so a model can be built, then given its weights.
bool building_model();

/// Marks this thread as building a model while alive (Model::build uses it).
class BuildingModelScope {
 public:
  /// Marks the thread.
  BuildingModelScope();
  /// Restores the mark that was set before.
  ~BuildingModelScope();
  BuildingModelScope(const BuildingModelScope&) = delete;             ///< not copyable
  BuildingModelScope& operator=(const BuildingModelScope&) = delete;  ///< not assignable

 private:
  bool previous_;
};

/// Keras's names from class names: "Dense" → "dense", "BatchNormalization" →
/// "batch_normalization".
std::string to_snake_case(const std::string& class_name);

/// The base of every layer. Built lazily: the first call sees the input widths and makes the
/// weights. Subclasses override class_name(), forward() and, if they have weights, build(),
/// parameters() and get_config().
class Layer {
 public:
  virtual ~Layer() = default;

  /// The layer's name: given, set by the model that tracks it ("dense_1"), or, before
  /// that, the snake-case class name.
  std::string name() const { return name_.empty() ? to_snake_case(class_name()) : name_; }
  /// Renames the layer (models give auto-named layers unique names).
  void set_name(std::string name) { name_ = std::move(name); }
  /// Whether no name was given or set yet.
  bool auto_named() const { return name_.empty(); }
  /// Keras's class name: "Dense", "Flatten", ...
  virtual std::string class_name() const = 0;

  /// Whether build() has run.
  bool built() const { return built_; }
  /// Makes the weights for inputs of these widths (one per input). Overrides make their
  /// weights, then call Layer::build(input_dims), which records the widths.
  virtual void build(const std::vector<std::size_t>& input_dims);
  /// The input widths it was built for.
  const std::vector<std::size_t>& input_dims() const { return input_dims_; }
  /// The output width for these input widths (default: the first input's width).
  virtual std::size_t output_dim(const std::vector<std::size_t>& input_dims) const;
  /// The input width the layer was told at construction (Flatten({28, 28}) says 784), if any.
  virtual std::optional<std::size_t> declared_input_dim() const { return std::nullopt; }

  /// The forward pass on the tape: one output from the inputs. `training` is true in fit().
  virtual Var forward(const std::vector<Var>& inputs, bool training) = 0;
  /// The forward pass of a one-input layer.
  Var forward(const Var& x, bool training) { return forward(std::vector<Var>{x}, training); }
  /// Calls the layer: builds it on first use, then runs forward().
  Var operator()(const std::vector<Var>& inputs, bool training);
  /// Calls a one-input layer.
  Var operator()(const Var& x, bool training) { return (*this)(std::vector<Var>{x}, training); }
  /// Calls a one-input layer in this thread's learning phase.
  Var operator()(const Var& x) { return (*this)(x, learning_phase()); }

  /// The weights, in Keras's order (kernel, then bias); empty until built.
  virtual std::vector<Parameter*> parameters() { return {}; }
  /// Copies of the weights' values, in parameters() order.
  std::vector<Tensor> get_weights();
  /// Replaces the weights' values. Throws ValueError if the count differs and ShapeError,
  /// naming the layer, the weight and both shapes, if a shape does.
  void set_weights(const std::vector<Tensor>& weights);
  /// The number of weights (scalars).
  std::size_t count_params();
  /// Freezes (false) or unfreezes (true) all its weights.
  void set_trainable(bool trainable);
  /// Whether its weights are trainable.
  bool trainable() const { return trainable_; }
  /// Keras's layer config: {"name", "trainable", "dtype"} plus the layer's own settings.
  virtual nlohmann::json get_config() const;
  /// The penalties the layer adds to the loss (Keras's layer.losses): a kernel regularizer's
  /// l1·Σ|w| + l2·Σw², as (1, 1) Vars on the tape. Empty by default.
  virtual std::vector<Var> regularization_losses() { return {}; }

 protected:
  /// A layer with this name; "" lets the model name it.
  explicit Layer(std::string name) : name_(std::move(name)) {}
  /// The one input of a one-input layer; throws if there are several.
  const Var& single_input(const std::vector<Var>& inputs) const;

 private:
  std::string name_;
  bool built_ = false;
  bool trainable_ = true;
  std::vector<std::size_t> input_dims_;
};

/// A shared handle to a layer of type L: `->` reaches the layer, `(x)` calls it, and it
/// converts to std::shared_ptr<Layer> for models. User-facing layers (nn::Dense) derive
/// from it and add constructors.
template <class L>
class LayerHandle {
 public:
  /// Wraps an existing layer; copies of the handle share it.
  explicit LayerHandle(std::shared_ptr<L> layer) : layer_(std::move(layer)) {}

  /// The layer.
  L* operator->() const { return layer_.get(); }
  /// The layer.
  L& operator*() const { return *layer_; }
  /// Calls the layer in this thread's learning phase.
  Var operator()(const Var& x) const { return (*layer_)(x); }
  /// Calls the layer, training or not.
  Var operator()(const Var& x, bool training) const { return (*layer_)(x, training); }
  /// Calls a several-input layer in this thread's learning phase.
  Var operator()(const std::vector<Var>& inputs) const {
    return (*layer_)(inputs, learning_phase());
  }
  /// Calls the layer on another kind of input T for which an overload
  /// `call_layer(std::shared_ptr<Layer>, const T&)` is found by argument-dependent lookup:
  /// this is where the functional API's symbolic inputs plug in.
  template <class T, class = decltype(call_layer(std::declval<std::shared_ptr<Layer>>(),
                                                 std::declval<const T&>()))>
  auto operator()(const T& x) const {
    return call_layer(std::shared_ptr<Layer>(layer_), x);
  }
  /// The layer as models hold it.
  operator std::shared_ptr<Layer>() const { return layer_; }  // NOLINT: implicit on purpose
  /// The shared pointer itself.
  const std::shared_ptr<L>& ptr() const { return layer_; }

 protected:
  std::shared_ptr<L> layer_;  ///< the shared layer
};

/// A handle to a new layer of your own class L, made from L's constructor arguments.
template <class L, class... Args>
LayerHandle<L> make_layer(Args&&... args) {
  return LayerHandle<L>(std::make_shared<L>(std::forward<Args>(args)...));
}

}  // namespace nn
