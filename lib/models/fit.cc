// The training loop every model shares: fit() and one step of it.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "lib/error.h"
#include "lib/initializers.h"
#include "lib/losses/sample_weight.h"
#include "lib/models/batches.h"
#include "lib/models/functional.h"
#include "lib/models/model.h"
#include "lib/models/progress_bar.h"
#include "lib/random.h"
#include "lib/text.h"

namespace nn {
namespace {

using detail::check_finite;
using detail::check_rows;

// The rows fit() trains on, [0, train_rows), and those it validates on: validation_data,
// or the last validation_split of x and y, taken before any shuffling (as Keras does).
struct Validation {
  std::size_t train_rows = 0;
  const Arrays* x = nullptr;
  const Arrays* y = nullptr;
  std::size_t begin = 0, end = 0;
};

Validation validation_rows(const Arrays& x, const Arrays& y, const FitOptions& options) {
  Validation v;
  v.train_rows = x.rows();
  if (options.validation_data) {
    v.x = &options.validation_data->first;
    v.y = &options.validation_data->second;
    check_rows("fit (validation_data)", *v.x, *v.y);
    check_finite("fit", "validation x", *v.x);
    check_finite("fit", "validation y", *v.y);
    v.end = v.x->rows();
  } else if (options.validation_split > 0.0) {
    v.train_rows = static_cast<std::size_t>(x.rows() * (1.0 - options.validation_split));
    v.x = &x;
    v.y = &y;
    v.begin = v.train_rows;
    v.end = x.rows();
  }
  return v;
}

// Keras's order: the progress bar first (verbose > 0, unless you gave one), your callbacks,
// History last.
std::vector<std::shared_ptr<Callback>> callback_list(const FitOptions& options,
                                                     const std::shared_ptr<History>& history) {
  std::vector<std::shared_ptr<Callback>> callbacks;
  const bool has_bar = std::any_of(options.callbacks.begin(), options.callbacks.end(),
                                   [](const auto& c) { return c->shows_progress(); });
  if (options.verbose > 0 && !has_bar) callbacks.push_back(std::make_shared<ProgbarLogger>());
  callbacks.insert(callbacks.end(), options.callbacks.begin(), options.callbacks.end());
  callbacks.push_back(history);
  return callbacks;
}

}  // namespace

void Model::ensure_built(const std::string& who, const Arrays& x) {
  // The widths the model takes, if it knows them: the user hears of their own x, (10, 5),
  // rather than of the one-row probe that build() sends through the layers.
  const std::optional<std::vector<std::size_t>> expected =
      built_ ? std::optional(input_dims_) : declared_input_dims();
  if (expected && expected->size() == x.size()) {
    for (std::size_t i = 0; i < x.size(); ++i) {
      const std::size_t width = x[i].shape()[1];
      if (width == (*expected)[i]) continue;
      const Functional* functional = graph();
      const std::string which = functional != nullptr
                                    ? "input " + functional->inputs().at(i).layer()->name()
                                : x.size() == 1 ? "x"
                                                : "x[" + std::to_string(i) + "]";
      throw ShapeError(who + ": model " + name_ + ": " + which + " takes (None, " +
                       std::to_string((*expected)[i]) + ") but was given " + shape_string(x[i]) +
                       ": " + count_of(width, "feature") + " instead of " +
                       std::to_string((*expected)[i]));
    }
  }
  if (built_) return;
  std::vector<std::size_t> dims;
  for (std::size_t i = 0; i < x.size(); ++i) dims.push_back(x[i].shape()[1]);
  try {
    build(dims);
  } catch (const ShapeError& e) {
    std::string shapes;
    for (std::size_t i = 0; i < x.size(); ++i) shapes += (i ? ", " : "") + shape_string(x[i]);
    throw ShapeError(who + ": the model cannot take x " + shapes +
                     " (building it on one row of that width): " + e.what());
  }
}

// book:begin train_step
double Model::train_step(const std::vector<Var>& x, const std::vector<Tensor>& y) {
  const std::vector<Parameter*> weights = trainable_parameters();
  optimizer_->zero_grad(weights);                       // 1. forget the last step's gradients
  const std::vector<Var> y_pred = call(x, true);        // 2. forward, recording the tape
  const Var loss = compute_loss(y, y_pred);             // 3. the loss (and its running mean)
  if (!std::isfinite(loss.item())) return loss.item();  // (no step from a broken loss)
  loss.backward();                                      // 4. every weight's gradient
  optimizer_->apply_gradients(weights);                 // 5. the step
  update_metrics(y, y_pred);
  return loss.item();
}
// book:end train_step

History Model::fit(const Arrays& x, const Arrays& y, FitOptions options) {
  if (!compiled()) throw Error("fit: model " + name_ + " is not compiled; call compile() first");
  if (options.batch_size < 1) throw ValueError("fit: batch_size must be >= 1");
  if (!(options.validation_split >= 0.0 && options.validation_split < 1.0)) {
    throw ValueError("fit: validation_split must be in [0, 1)");
  }
  check_rows("fit", x, y);
  check_finite("fit", "x", x);
  check_finite("fit", "y", y);
  const Validation validation = validation_rows(x, y, options);
  if (validation.train_rows == 0) throw ValueError("fit: no training rows");
  ensure_built("fit", x);
  const PerOutput& compiled = per_output(output_dims_.size());
  for (std::size_t i = 0; i < y.size() && i < output_dims_.size(); ++i) {
    compiled.losses[compiled.losses.size() == 1 ? 0 : i]->check_targets(y[i], output_dims_[i]);
  }
  const std::size_t rows = validation.train_rows;
  const std::size_t batch_size = static_cast<std::size_t>(options.batch_size);
  const int steps = static_cast<int>((rows + batch_size - 1) / batch_size);
  auto history = std::make_shared<History>();
  const auto callbacks = callback_list(options, history);
  const auto each = [&](auto&& moment) {
    for (const auto& callback : callbacks) moment(*callback);
  };
  each([&](Callback& c) {
    c.set_model(this);
    c.set_params({options.epochs, steps, options.verbose});
  });

  // Epochs of shuffled batches: gather rows order[first, first + count) and train on them.
  stop_training = false;
  Rng rng(options.seed ? *options.seed : draw_seed());
  // A resumed fit (initial_epoch > 0) skips the shuffles of the epochs already done, so that
  // with the same seed every epoch sees the batches an uninterrupted fit would have seen.
  for (int epoch = 0; epoch < options.initial_epoch && options.shuffle; ++epoch) {
    rng.permutation(validation.train_rows);
  }
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<Tensor> x_batch, y_batch;  // reused from batch to batch
  // Row weights from class_weight and sample_weight, gathered like x and y.
  const bool weighted = !options.class_weight.empty() || !options.sample_weight.empty();
  if (weighted && y.size() != 1)
    throw ValueError("fit: class_weight and sample_weight need one output");
  const std::vector<Tensor> weights = {
      weighted ? row_weights(y[0], options.class_weight, options.sample_weight) : Tensor()};
  std::vector<Tensor> w_batch;
  struct ClearWeights {  // however fit() ends, later evaluate() calls are unweighted
    const Tensor*& weights;
    ~ClearWeights() { weights = nullptr; }
  } clear_weights{batch_weights_};
  Logs logs;
  each([&](Callback& c) { c.on_train_begin(logs); });
  for (int epoch = options.initial_epoch; epoch < options.epochs && !stop_training; ++epoch) {
    Logs begin;
    each([&](Callback& c) { c.on_epoch_begin(epoch, begin); });
    reset_metrics();
    if (options.shuffle) order = rng.permutation(rows);
    for (int step = 0; step < steps && !stop_training; ++step) {
      Logs batch_logs;
      each([&](Callback& c) { c.on_batch_begin(step, batch_logs); });
      const std::size_t first = static_cast<std::size_t>(step) * batch_size;
      const std::size_t count = std::min(batch_size, rows - first);
      detail::gather(x, &order[first], count, x_batch);
      detail::gather(y, &order[first], count, y_batch);
      if (weighted) detail::gather(weights, &order[first], count, w_batch);
      batch_weights_ = weighted ? &w_batch[0] : nullptr;
      double loss = 0.0;
      detail::with_inputs(x_batch, [&](const std::vector<Var>& inputs) {
        LearningPhaseScope training(true);
        loss = train_step(inputs, y_batch);
      });
      batch_weights_ = nullptr;  // evaluate() and validation are unweighted
      batch_logs = current_logs();
      if (!std::isfinite(loss)) batch_logs["loss"] = loss;  // the batch's, not the mean so far
      each([&](Callback& c) { c.on_batch_end(step, batch_logs); });
      // A broken loss ends training: cleanly if a callback asked to stop (TerminateOnNaN
      // does), otherwise with an error that says where.
      if (!std::isfinite(loss) && !stop_training) {
        throw Error("fit: the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                    " at epoch " + std::to_string(epoch + 1) + ", step " +
                    std::to_string(step + 1) + " of " + std::to_string(steps) +
                    " (counting from 1); try a smaller learning rate or scaled inputs, or pass "
                    "a TerminateOnNaN callback to stop cleanly");
      }
    }
    logs = current_logs();
    if (validation.x != nullptr) {
      const Logs val = evaluate_rows(*validation.x, *validation.y, validation.begin, validation.end,
                                     options.batch_size, 0);
      for (const auto& [key, value] : val) logs["val_" + key] = value;
    }
    each([&](Callback& c) { c.on_epoch_end(epoch, logs); });
  }
  each([&](Callback& c) { c.on_train_end(logs); });
  return *history;
}

}  // namespace nn
