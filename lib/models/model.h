#pragma once
// The model: layers, and how to train them. A Sequential stack, a functional graph and a
// class of your own all derive from nn::Model and differ only in call(), the forward pass
// from inputs to outputs, recorded on the tape while it runs (so loops and branches in a
// subclass's call() just work). compile() picks the loss, the optimizer and the metrics;
// fit(), evaluate() and predict() are the same for every model.

#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/gemm.h"  // set_blas_threads
#include "lib/layers/input.h"
#include "lib/layers/layer.h"
#include "lib/losses/loss.h"
#include "lib/metrics.h"
#include "lib/models/arrays.h"
#include "lib/models/callback.h"
#include "lib/models/history.h"
#include "lib/models/per_output.h"
#include "lib/optimizers/optimizer.h"

namespace nn {

/// The settings of fit(): Keras's keyword arguments as fields, so that
/// `model.fit(x, y, {.epochs = 30, .validation_data = {{x_valid, y_valid}}})` reads as Keras.
struct FitOptions {
  int epochs = 1;       ///< passes over the training rows
  int batch_size = 32;  ///< rows per gradient step (the last batch may be smaller)
  /// Data to evaluate after each epoch (val_loss, ...); takes precedence over the split.
  std::optional<std::pair<Arrays, Arrays>> validation_data;
  /// Share of the rows kept for validation: the last ones, taken before shuffling.
  double validation_split = 0.0;
  bool shuffle = true;                               ///< a new row order every epoch
  std::optional<std::uint64_t> seed;                 ///< the shuffle's seed; default: draw_seed()
  std::vector<std::shared_ptr<Callback>> callbacks;  ///< called in this order, History last
  int verbose = 1;        ///< 0 silent, 1 progress bar, 2 one line per epoch
  int initial_epoch = 0;  ///< the epoch to start from (to resume a training)
  // Keras's weights: each training row's loss is multiplied by
  // sample_weight[row] · class_weight[its class] (see lib/losses/sample_weight.h).
  std::map<int, double> class_weight;  ///< class index → weight (one-output models)
  std::vector<double> sample_weight;   ///< one weight per row of x (empty: all 1)
};

class Functional;  // lib/models/functional.h

/// The base of every model.
class Model {
 public:
  /// A model named `name` (summary() prints it).
  explicit Model(std::string name = "model");
  /// A functional model from `inputs` (each made by nn::Input) to `outputs`, as Keras writes
  /// keras.Model(inputs, outputs): the same as nn::Functional(inputs, outputs, name), which
  /// this model holds and runs. Throws as nn::Functional's constructor does.
  Model(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs,
        std::string name = "model");
  /// A functional model with one input and one output.
  Model(const SymbolicTensor& input, const SymbolicTensor& output, std::string name = "model");
  virtual ~Model() = default;
  Model(const Model&) = delete;             ///< models are not copied (their layers are shared)
  Model& operator=(const Model&) = delete;  ///< not assignable
  Model(Model&&) = default;                 ///< movable, e.g. returned from a function
  Model& operator=(Model&&) = default;      ///< move-assignable

  /// The forward pass: outputs from inputs, on the tape. Subclasses override it; the base
  /// version throws.
  virtual std::vector<Var> call(const std::vector<Var>& inputs, bool training);
  /// Calls a one-input, one-output model in this thread's learning phase.
  Var operator()(const Var& x);
  /// Builds the layers for inputs of these widths by calling the model on one row of zeros.
  virtual void build(const std::vector<std::size_t>& input_dims);
  /// Whether build() has run (fit, evaluate and predict build on first use).
  bool built() const { return built_; }

  /// Chooses the loss (one, or one per output; one loss for several outputs applies to each
  /// and the results are summed), the optimizer (by name or a copy of the object), the
  /// metrics (for every output, or per output) and the weights of the outputs' losses. Per
  /// output means in output order or keyed by the outputs' names (lib/models/per_output.h):
  /// `compile({{"species", "sparse_categorical_crossentropy"}, {"width", "mse"}}, "adam",
  /// {{"species", {"accuracy"}}})`. A count or a name that does not fit the outputs is a
  /// ValueError here when the outputs are known (a functional or Sequential model, or one
  /// built), else at the first fit() or evaluate().
  void compile(LossList loss, OptimizerArg optimizer, MetricList metrics = {},
               LossWeights loss_weights = {});
  /// Trains on x (inputs) and y (targets). Returns the History of the epochs' logs.
  /// Throws nn::Error if x or y hold NaN or infinity (naming the row and column), and if the
  /// loss becomes NaN or infinite (naming the epoch and step) unless a TerminateOnNaN
  /// callback is given.
  History fit(const Arrays& x, const Arrays& y, FitOptions options = {});
  /// The loss and metrics on x and y: {"loss": ..., "accuracy": ...}. verbose 1 draws a bar.
  /// Throws nn::Error if x or y hold NaN or infinity (naming the row and column).
  Logs evaluate(const Arrays& x, const Arrays& y, int batch_size = 32, int verbose = 1);
  /// The output for inputs x, batch by batch, with no tape. Throws for several outputs, and
  /// (as predict_outputs does) if x holds NaN or infinity, naming the row and column.
  Tensor predict(const Arrays& x, int batch_size = 32);
  /// Every output for inputs x.
  std::vector<Tensor> predict_outputs(const Arrays& x, int batch_size = 32);

  /// Prints the layers, their output shapes and parameter counts, as Keras 2 does.
  virtual void summary(std::ostream& out = std::cout);
  /// Whether the model is a static graph of layers (Sequential, Functional), whose
  /// architecture can be written down, shown and checked. False for a subclass of nn::Model:
  /// its architecture is the code of its call().
  virtual bool is_graph_network() const { return graph_ != nullptr; }
  /// Keras's model config (the architecture as JSON, for saving whole models). The base
  /// version throws nn::Error: for a subclassed model it says that saving the whole model
  /// needs the functional or Sequential API (its weights can still be saved).
  virtual nlohmann::json get_config() const;
  /// The model's name.
  const std::string& name() const { return name_; }
  /// The graph of a functional model (an nn::Functional, or the one that
  /// nn::Model(inputs, outputs) holds), to draw or save it; null for other models.
  virtual const Functional* graph() const { return graph_ ? graph_->graph() : nullptr; }
  /// The tracked layers, in the order they were added.
  const std::vector<std::shared_ptr<Layer>>& layers() const { return layers_; }
  /// The layer with this name; ValueError listing the names if there is none.
  std::shared_ptr<Layer> get_layer(const std::string& name) const;
  /// Every weight, layer by layer (kernel, then bias).
  std::vector<Parameter*> parameters();
  /// The weights that training changes.
  std::vector<Parameter*> trainable_parameters();
  /// The number of weights (scalars).
  std::size_t count_params();
  /// Copies of every weight, in parameters() order.
  std::vector<Tensor> get_weights();
  /// Sets every weight; ValueError if the count differs, ShapeError naming the layer if a
  /// shape does.
  void set_weights(const std::vector<Tensor>& weights);
  /// The optimizer that compile() made (to read or change its learning rate).
  Optimizer& optimizer();
  /// Whether compile() has run.
  bool compiled() const { return optimizer_ != nullptr; }
  /// The losses compile() was given (one, or one per output in output order), e.g. to save
  /// them.
  std::vector<std::shared_ptr<const Loss>> compiled_losses() const;
  /// The metrics compile() gave output `output` (prototypes).
  std::vector<std::shared_ptr<const Metric>> compiled_metrics(std::size_t output = 0) const;
  /// Whether compile() gave the outputs different metrics (keyed by output name).
  bool metrics_differ_per_output() const;
  /// The loss weights compile() was given, in output order (empty: every output weighs 1).
  std::vector<double> loss_weights() const;
  /// The keys of the logs, in Keras's order: "loss", the outputs' losses, the metrics.
  std::vector<std::string> metrics_names() const;

  /// Set by a callback to stop fit() after the current batch.
  bool stop_training = false;

 protected:
  /// Registers a layer as part of the model (its weights train, summary() lists it) and
  /// gives an unnamed layer a unique name ("dense", "dense_1", ...). Returns the handle, so
  /// a subclass can write `nn::Dense hidden_ = track(nn::Dense(30, "relu"));`.
  template <class Handle>
  Handle track(Handle layer) {
    track_layer(layer);
    return layer;
  }
  /// The same for a plain layer pointer. ValueError if another layer has its name.
  void track_layer(const std::shared_ptr<Layer>& layer);
  /// The outputs' names for the logs ("<name>_loss"): "output_1", "output_2", ...
  virtual std::vector<std::string> output_names() const;
  /// A layer's output shape for summary(): "multiple" unless the model knows better.
  virtual std::string output_shape_of(const Layer& layer) const;
  /// The input widths the model knows before seeing data, if any (Sequential: from a
  /// Flatten({28, 28}) in front).
  virtual std::optional<std::vector<std::size_t>> declared_input_dims() const;
  /// One training step on a batch: zero the gradients, forward, loss, backward, step, and
  /// the metrics. Returns the loss; a non-finite loss returns before any weight changes.
  virtual double train_step(const std::vector<Var>& x, const std::vector<Tensor>& y);
  /// One evaluation step: forward (no tape), loss and metrics.
  virtual void test_step(const std::vector<Var>& x, const std::vector<Tensor>& y);
  /// The total loss of predictions y_pred against targets y, also added to the running
  /// means; the first call sets up one set of metrics per output.
  Var compute_loss(const std::vector<Tensor>& y, const std::vector<Var>& y_pred);
  /// Adds a batch to the metrics.
  void update_metrics(const std::vector<Tensor>& y, const std::vector<Var>& y_pred);
  /// The running means since reset_metrics(): the logs of an epoch so far.
  Logs current_logs() const;
  /// Starts new running means.
  void reset_metrics();

 private:
  // Builds the model for x's widths on first use; ShapeError naming `who` and x's shape when
  // x does not fit the widths the model knows.
  void ensure_built(const std::string& who, const Arrays& x);
  Logs evaluate_rows(const Arrays& x, const Arrays& y, std::size_t begin, std::size_t end,
                     int batch_size, int verbose);

  std::string name_;
  std::shared_ptr<Model> graph_;  // set by Model(inputs, outputs): the Functional it runs
  std::vector<std::shared_ptr<Layer>> layers_;
  bool built_ = false;
  std::vector<std::size_t> input_dims_;   // known once built
  std::vector<std::size_t> output_dims_;  // known once built
  // Whether the outputs (their number and names) are known before any data is seen.
  bool outputs_known() const { return is_graph_network() || built_; }
  // compile()'s arguments matched to the outputs, on first need.
  const PerOutput& per_output(std::size_t outputs);

  // compile(): as given (maybe keyed by output name), and per output once resolved
  std::optional<LossList> loss_spec_;
  MetricList metric_spec_;
  LossWeights weight_spec_;
  std::optional<PerOutput> per_output_;
  std::unique_ptr<Optimizer> optimizer_;
  const Tensor* batch_weights_ = nullptr;  // the batch's row weights during fit()
  // running means
  double seen_ = 0.0, loss_sum_ = 0.0;
  std::vector<double> output_loss_sums_;
  std::vector<std::vector<std::unique_ptr<Metric>>> metrics_;  // [output][metric]
};

}  // namespace nn
