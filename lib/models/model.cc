#include "lib/models/model.h"

#include "lib/error.h"
#include "lib/losses/sample_weight.h"
#include "lib/models/summary.h"
#include "lib/text.h"

namespace nn {

Model::Model(std::string name) : name_(std::move(name)) {}

// A model made by Model(inputs, outputs) holds a Functional and hands it what depends on the
// graph (each method below that starts with `if (graph_)`).
std::vector<Var> Model::call(const std::vector<Var>& inputs, bool training) {
  if (graph_) return graph_->call(inputs, training);
  throw Error("model " + name_ + ": call() is not defined; a subclass of nn::Model overrides it");
}

Var Model::operator()(const Var& x) {
  std::vector<Var> outputs = call({x}, learning_phase());
  if (outputs.size() != 1) {
    throw Error("model " + name_ + " has " + count_of(outputs.size(), "output") +
                "; use call() to get them all");
  }
  return outputs[0];
}

void Model::build(const std::vector<std::size_t>& input_dims) {
  // One row of zeros through call(): every layer used sees its input width and builds.
  NoGradGuard no_tape;
  LearningPhaseScope inference(false);
  BuildingModelScope probe;
  std::vector<Var> inputs;
  for (std::size_t d : input_dims)
    inputs.emplace_back(Tensor(xt::zeros<float>({std::size_t{1}, d})));
  output_dims_.clear();
  for (const Var& y : call(inputs, false)) output_dims_.push_back(y.cols());
  input_dims_ = input_dims;
  built_ = true;
}

void Model::compile(LossList loss, OptimizerArg optimizer, MetricList metrics,
                    LossWeights loss_weights) {
  if (loss.get().empty()) throw ValueError("compile: no loss given");
  optimizer_ = optimizer.make();
  loss_spec_ = std::move(loss);
  metric_spec_ = std::move(metrics);
  weight_spec_ = std::move(loss_weights);
  per_output_.reset();
  metrics_.clear();
  output_loss_sums_.clear();
  // A wrong count or name is caught here when the outputs are known, not at the first fit().
  if (outputs_known()) per_output(output_names().size());
}

const PerOutput& Model::per_output(std::size_t outputs) {
  if (!loss_spec_) throw Error("model " + name_ + " is not compiled; call compile() first");
  if (!per_output_ || per_output_->metrics.size() != outputs) {
    std::vector<std::string> names = output_names();
    if (names.size() != outputs) names = Model::output_names();  // called on other outputs
    per_output_ = resolve_per_output(name_, names, *loss_spec_, metric_spec_, weight_spec_);
  }
  return *per_output_;
}

std::vector<std::shared_ptr<const Loss>> Model::compiled_losses() const {
  if (per_output_) return per_output_->losses;
  std::vector<std::shared_ptr<const Loss>> losses;
  if (loss_spec_) {
    for (const LossArg& loss : loss_spec_->get()) losses.push_back(loss.get());
  }
  return losses;
}

std::vector<std::shared_ptr<const Metric>> Model::compiled_metrics(std::size_t output) const {
  if (per_output_) return per_output_->metrics.at(output);
  std::vector<std::shared_ptr<const Metric>> metrics;
  for (const MetricArg& metric : metric_spec_.every_output()) metrics.push_back(metric.get());
  return metrics;
}

bool Model::metrics_differ_per_output() const { return !metric_spec_.by_output().empty(); }

std::vector<double> Model::loss_weights() const {
  return per_output_ ? per_output_->loss_weights : weight_spec_.get();
}

Var Model::compute_loss(const std::vector<Tensor>& y, const std::vector<Var>& y_pred) {
  const std::size_t outputs = y_pred.size();
  if (y.size() != outputs) {
    throw Error("model " + name_ + " has " + count_of(outputs, "output") + " but y has " +
                count_of(y.size(), "array"));
  }
  const PerOutput& compiled = per_output(outputs);
  if (metrics_.size() != outputs) {  // the first batch: the metrics of each output
    metrics_.clear();
    metrics_.resize(outputs);
    for (std::size_t i = 0; i < outputs; ++i) {
      for (const auto& prototype : compiled.metrics[i]) metrics_[i].push_back(prototype->clone());
    }
    output_loss_sums_.assign(outputs, 0.0);
  }
  const double batch = static_cast<double>(y_pred.at(0).rows());
  Var total;
  for (std::size_t i = 0; i < outputs; ++i) {
    const Loss& loss = *compiled.losses[compiled.losses.size() == 1 ? 0 : i];
    Var loss_i = batch_weights_ ? weighted_loss(loss, y[i], y_pred[i], *batch_weights_)
                                : loss(y[i], y_pred[i]);
    output_loss_sums_[i] += loss_i.item() * batch;
    const float weight =
        compiled.loss_weights.empty() ? 1.0f : static_cast<float>(compiled.loss_weights[i]);
    Var term = weight == 1.0f ? loss_i : scale(loss_i, weight);
    total = total ? add(total, term) : term;
  }
  // The layers' penalties (kernel regularizers) join the total, as in Keras: in "loss", not in
  // the outputs' own losses.
  for (const auto& layer : layers_) {
    for (const Var& penalty : layer->regularization_losses()) total = add(total, penalty);
  }
  loss_sum_ += total.item() * batch;
  seen_ += batch;
  return total;
}

void Model::update_metrics(const std::vector<Tensor>& y, const std::vector<Var>& y_pred) {
  for (std::size_t i = 0; i < metrics_.size() && i < y_pred.size(); ++i) {
    for (auto& metric : metrics_[i]) metric->update_state(y[i], y_pred[i].value());
  }
}

std::vector<std::string> Model::metrics_names() const {
  std::vector<std::string> names{"loss"};
  const std::vector<std::string> outputs = output_names();
  const bool several = outputs.size() > 1;
  if (several) {
    for (const std::string& output : outputs) names.push_back(output + "_loss");
  }
  for (std::size_t i = 0; i < (several ? outputs.size() : 1); ++i) {
    const auto metrics = per_output_ && i < per_output_->metrics.size() ? per_output_->metrics[i]
                                                                        : compiled_metrics();
    for (const auto& metric : metrics) {
      names.push_back(several ? outputs[i] + "_" + metric->name() : metric->name());
    }
  }
  return names;
}

Logs Model::current_logs() const {
  const double seen = seen_ > 0.0 ? seen_ : 1.0;
  Logs logs{{"loss", loss_sum_ / seen}};
  const bool several = metrics_.size() > 1;
  const std::vector<std::string> outputs = several ? output_names() : std::vector<std::string>{};
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    const std::string prefix = several ? outputs.at(i) + "_" : "";
    if (several) logs[prefix + "loss"] = output_loss_sums_[i] / seen;
    for (const auto& metric : metrics_[i]) logs[prefix + metric->name()] = metric->result();
  }
  return logs;
}

void Model::reset_metrics() {
  seen_ = loss_sum_ = 0.0;
  for (double& sum : output_loss_sums_) sum = 0.0;
  for (auto& per_output : metrics_) {
    for (auto& metric : per_output) metric->reset_state();
  }
}

std::vector<std::string> Model::output_names() const {
  if (graph_) return graph_->output_names();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, output_dims_.size()); ++i) {
    names.push_back("output_" + std::to_string(i + 1));
  }
  return names;
}

std::string Model::output_shape_of(const Layer& layer) const {
  if (graph_) return graph_->output_shape_of(layer);
  return "multiple";
}

std::optional<std::vector<std::size_t>> Model::declared_input_dims() const {
  if (graph_) return graph_->declared_input_dims();
  return std::nullopt;
}

void Model::track_layer(const std::shared_ptr<Layer>& layer) {
  if (!layer) throw Error("model " + name_ + ": cannot track a null layer");
  for (const auto& known : layers_) {
    if (known == layer) return;  // already part of the model
  }
  const auto taken = [this](const std::string& name) {
    for (const auto& known : layers_) {
      if (known->name() == name) return true;
    }
    return false;
  };
  if (layer->auto_named()) {
    const std::string base = to_snake_case(layer->class_name());
    std::string name = base;
    for (int k = 1; taken(name); ++k) name = base + "_" + std::to_string(k);
    layer->set_name(name);
  } else if (taken(layer->name())) {
    throw ValueError("model " + name_ + ": two layers are named '" + layer->name() +
                     "'; layer names must be unique");
  }
  layers_.push_back(layer);
  built_ = false;  // the new layer builds with the next call
}

std::shared_ptr<Layer> Model::get_layer(const std::string& name) const {
  std::string names;
  for (const auto& layer : layers_) {
    if (layer->name() == name) return layer;
    names += " \"" + layer->name() + "\"";
  }
  throw ValueError("model " + name_ + " has no layer '" + name + "'; its layers:" + names);
}

std::vector<Parameter*> Model::parameters() {
  std::vector<Parameter*> all;
  for (const auto& layer : layers_) {
    for (Parameter* p : layer->parameters()) all.push_back(p);
  }
  return all;
}

std::vector<Parameter*> Model::trainable_parameters() {
  std::vector<Parameter*> trainable;
  for (Parameter* p : parameters()) {
    if (p->trainable()) trainable.push_back(p);
  }
  return trainable;
}

std::size_t Model::count_params() {
  std::size_t count = 0;
  for (const Parameter* p : parameters()) count += p->value().size();
  return count;
}

std::vector<Tensor> Model::get_weights() {
  std::vector<Tensor> weights;
  for (const Parameter* p : parameters()) weights.push_back(p->value());
  return weights;
}

void Model::set_weights(const std::vector<Tensor>& weights) {
  const std::size_t expected = parameters().size();
  if (weights.size() != expected) {
    throw ValueError("set_weights: model " + name_ + " has " + count_of(expected, "weight") +
                     ", got " + std::to_string(weights.size()));
  }
  std::size_t next = 0;
  for (const auto& layer : layers_) {
    const std::size_t count = layer->parameters().size();
    layer->set_weights({weights.begin() + next, weights.begin() + next + count});
    next += count;
  }
}

Optimizer& Model::optimizer() {
  if (!optimizer_) throw Error("model " + name_ + " has no optimizer: compile() it first");
  return *optimizer_;
}

nlohmann::json Model::get_config() const {
  if (graph_) return graph_->get_config();
  if (is_graph_network()) {
    throw Error("model " + name_ + ": get_config() is not written for this kind of model yet");
  }
  throw Error("model " + name_ +
              " is a subclassed model: its architecture is the C++ code of its call(), which "
              "cannot be written down as a config. Saving the whole model needs the functional "
              "API (nn::Functional) or Sequential; a subclassed model can save its weights "
              "(get_weights(), save_weights()) and be rebuilt from its class");
}

void Model::summary(std::ostream& out) {
  if (graph_) return graph_->summary(out);
  if (!built_) {
    if (const auto dims = declared_input_dims()) build(*dims);
  }
  if (!built_) {
    throw Error("summary: model \"" + name_ +
                "\" is not built yet; call build({input widths}) or fit() first, or begin it "
                "with a layer that knows its input shape, such as Flatten({28, 28})");
  }
  std::vector<SummaryRow> rows;
  std::size_t trainable = 0, frozen = 0;
  for (const auto& layer : layers_) {
    const std::string params =
        layer->built() ? std::to_string(layer->count_params()) : "0 (unused)";
    rows.push_back(
        {layer->name() + " (" + layer->class_name() + ")", output_shape_of(*layer), params});
    for (const Parameter* p : layer->parameters())
      (p->trainable() ? trainable : frozen) += p->value().size();
  }
  print_summary(out, name_, {"Layer (type)", "Output Shape", "Param #"}, rows, 65,
                {0.45, 0.85, 1.0}, trainable, frozen);
}

}  // namespace nn
