// The loops every model shares: fit(), evaluate(), predict(), and one step of each.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <numeric>

#include "lib/callbacks/progress_bar.h"
#include "lib/callbacks/terminate_on_nan.h"
#include "lib/error.h"
#include "lib/initializers.h"
#include "lib/models/model.h"
#include "lib/random.h"

extern "C" void openblas_set_num_threads(int num_threads);

namespace nn {
namespace {

std::atomic<bool> blas_threads_chosen{false};

// One OpenBLAS thread unless the user chose: the bits of a result depend on the thread count.
void default_blas_threads() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!blas_threads_chosen && std::getenv("OPENBLAS_NUM_THREADS") == nullptr) {
      openblas_set_num_threads(1);
    }
  });
}

void check_rows(const std::string& who, const Arrays& x, const Arrays& y) {
  if (x.size() == 0) throw ValueError(who + ": x holds no arrays");
  for (const Arrays* arrays : {&x, &y}) {
    for (std::size_t i = 0; i < arrays->size(); ++i) {
      if ((*arrays)[i].shape()[0] != x.rows()) {
        throw ShapeError(who + ": x has " + std::to_string(x.rows()) + " rows but " +
                         (arrays == &x ? "x[" : "y[") + std::to_string(i) + "] is " +
                         shape_string((*arrays)[i]));
      }
    }
  }
}

// Throws nn::Error naming the first NaN or infinity in `arrays`.
void check_finite(const std::string& who, const std::string& what, const Arrays& arrays) {
  for (std::size_t a = 0; a < arrays.size(); ++a) {
    const Tensor& t = arrays[a];
    // Quick pass: v − v is 0 for every finite v and NaN otherwise.
    float sum[8] = {};
    const std::size_t n = t.size(), blocks = n / 8 * 8;
    for (std::size_t i = 0; i < blocks; i += 8) {
      for (std::size_t k = 0; k < 8; ++k) sum[k] += t.data()[i + k] - t.data()[i + k];
    }
    for (std::size_t i = blocks; i < n; ++i) sum[0] += t.data()[i] - t.data()[i];
    if (std::all_of(sum, sum + 8, [](float s) { return s == 0.0f; })) continue;
    for (std::size_t r = 0; r < t.shape()[0]; ++r) {
      for (std::size_t c = 0; c < t.shape()[1]; ++c) {
        if (std::isfinite(t(r, c))) continue;
        const std::string name = arrays.size() > 1 ? what + "[" + std::to_string(a) + "]" : what;
        throw Error(who + ": " + name + " holds " + (std::isnan(t(r, c)) ? "NaN" : "infinity") +
                    " in row " + std::to_string(r) + ", column " + std::to_string(c) +
                    " (counting from 0); clean or impute the data first");
      }
    }
  }
}

// Copies rows index[0], ..., index[count − 1] of each array into `batch`; a batch tensor is
// reallocated only when the batch size changes (the last, smaller batch of an epoch).
void gather(const Arrays& arrays, const std::size_t* index, std::size_t count,
            std::vector<Tensor>& batch) {
  batch.resize(arrays.size());
  for (std::size_t a = 0; a < arrays.size(); ++a) {
    const Tensor& source = arrays[a];
    const std::size_t cols = source.shape()[1];
    if (batch[a].shape() != std::array<std::size_t, 2>{count, cols}) {
      batch[a] = Tensor::from_shape({count, cols});
    }
    for (std::size_t r = 0; r < count && cols > 0; ++r) {
      std::copy_n(&source(index[r], 0), cols, &batch[a](r, 0));
    }
  }
}

// Runs a step on the gathered inputs, then takes the input buffers back for the next batch.
template <class Step>
void with_inputs(std::vector<Tensor>& x_batch, Step step) {
  std::vector<Var> inputs;
  for (Tensor& x : x_batch) inputs.emplace_back(std::move(x));
  step(inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) x_batch[i] = std::move(inputs[i].value());
}

}  // namespace

void set_blas_threads(int threads) {
  blas_threads_chosen = true;
  openblas_set_num_threads(std::max(1, threads));
}

void Model::ensure_built(const Arrays& x) {
  if (built_) return;
  std::vector<std::size_t> dims;
  for (std::size_t i = 0; i < x.size(); ++i) dims.push_back(x[i].shape()[1]);
  build(dims);
}

double Model::train_step(const std::vector<Var>& x, const std::vector<Tensor>& y) {
  const std::vector<Parameter*> parameters = trainable_parameters();
  for (Parameter* p : parameters) p->zero_grad();
  const std::vector<Var> y_pred = call(x, true);
  const Var loss = compute_loss(y, y_pred);
  if (!std::isfinite(loss.item())) return loss.item();  // no step from a broken loss
  loss.backward();
  optimizer_->apply_gradients(parameters);
  update_metrics(y, y_pred);
  return loss.item();
}

void Model::test_step(const std::vector<Var>& x, const std::vector<Tensor>& y) {
  const std::vector<Var> y_pred = call(x, false);
  compute_loss(y, y_pred);
  update_metrics(y, y_pred);
}

History Model::fit(const Arrays& x, const Arrays& y, FitOptions options) {
  if (!compiled()) throw Error("fit: model " + name_ + " is not compiled; call compile() first");
  if (options.batch_size < 1) throw ValueError("fit: batch_size must be >= 1");
  if (!(options.validation_split >= 0.0 && options.validation_split < 1.0)) {
    throw ValueError("fit: validation_split must be in [0, 1)");
  }
  check_rows("fit", x, y);
  check_finite("fit", "x", x);
  check_finite("fit", "y", y);
  // Validation rows: the data given, or the last validation_split of x and y (unshuffled).
  const Arrays* val_x = nullptr;
  const Arrays* val_y = nullptr;
  std::size_t train_rows = x.rows(), val_begin = 0, val_end = 0;
  if (options.validation_data) {
    val_x = &options.validation_data->first;
    val_y = &options.validation_data->second;
    check_rows("fit (validation_data)", *val_x, *val_y);
    check_finite("fit", "validation x", *val_x);
    check_finite("fit", "validation y", *val_y);
    val_end = val_x->rows();
  } else if (options.validation_split > 0.0) {
    train_rows = static_cast<std::size_t>(x.rows() * (1.0 - options.validation_split));
    val_x = &x;
    val_y = &y;
    val_begin = train_rows;
    val_end = x.rows();
  }
  if (train_rows == 0) throw ValueError("fit: no training rows");
  ensure_built(x);
  for (std::size_t i = 0; i < y.size() && i < output_dims_.size(); ++i) {
    losses_[losses_.size() == 1 ? 0 : i]->check_targets(y[i], output_dims_[i]);
  }
  default_blas_threads();

  // Callbacks: the progress bar first, yours, History last (as Keras orders them).
  const bool own_bar =
      std::none_of(options.callbacks.begin(), options.callbacks.end(),
                   [](const auto& c) { return dynamic_cast<ProgbarLogger*>(c.get()); });
  const bool terminate_on_nan =
      std::any_of(options.callbacks.begin(), options.callbacks.end(),
                  [](const auto& c) { return dynamic_cast<TerminateOnNaN*>(c.get()); });
  auto history = std::make_shared<History>();
  std::vector<std::shared_ptr<Callback>> callbacks;
  if (options.verbose > 0 && own_bar) callbacks.push_back(std::make_shared<ProgbarLogger>());
  callbacks.insert(callbacks.end(), options.callbacks.begin(), options.callbacks.end());
  callbacks.push_back(history);
  const std::size_t batch_size = static_cast<std::size_t>(options.batch_size);
  const int steps = static_cast<int>((train_rows + batch_size - 1) / batch_size);
  for (const auto& callback : callbacks) {
    callback->set_model(this);
    callback->set_params({options.epochs, steps, options.verbose});
  }

  stop_training = false;
  Rng rng(options.seed ? *options.seed : draw_seed());
  std::vector<std::size_t> order(train_rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<Tensor> x_batch, y_batch;
  Logs logs;
  for (const auto& callback : callbacks) callback->on_train_begin(logs);
  for (int epoch = options.initial_epoch; epoch < options.epochs && !stop_training; ++epoch) {
    Logs begin;
    for (const auto& callback : callbacks) callback->on_epoch_begin(epoch, begin);
    reset_metrics();
    if (options.shuffle) order = rng.permutation(train_rows);
    for (int step = 0; step < steps && !stop_training; ++step) {
      Logs batch_logs;
      for (const auto& callback : callbacks) callback->on_batch_begin(step, batch_logs);
      const std::size_t first = static_cast<std::size_t>(step) * batch_size;
      const std::size_t count = std::min(batch_size, train_rows - first);
      gather(x, &order[first], count, x_batch);
      gather(y, &order[first], count, y_batch);
      double loss = 0.0;
      with_inputs(x_batch, [&](const std::vector<Var>& inputs) {
        LearningPhaseScope training(true);
        loss = train_step(inputs, y_batch);
      });
      if (!std::isfinite(loss) && !terminate_on_nan) {
        throw Error("fit: the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                    " at epoch " + std::to_string(epoch + 1) + ", step " +
                    std::to_string(step + 1) + " of " + std::to_string(steps) +
                    " (counting from 1); try a smaller learning rate or scaled inputs, or pass "
                    "a TerminateOnNaN callback to stop cleanly");
      }
      batch_logs = current_logs();
      for (const auto& callback : callbacks) callback->on_batch_end(step, batch_logs);
    }
    logs = current_logs();
    if (val_x != nullptr) {
      for (const auto& [key, value] :
           evaluate_rows(*val_x, *val_y, val_begin, val_end, options.batch_size, 0)) {
        logs["val_" + key] = value;
      }
    }
    for (const auto& callback : callbacks) callback->on_epoch_end(epoch, logs);
  }
  for (const auto& callback : callbacks) callback->on_train_end(logs);
  return *history;
}

Logs Model::evaluate(const Arrays& x, const Arrays& y, int batch_size, int verbose) {
  if (!compiled()) throw Error("evaluate: model " + name_ + " is not compiled");
  if (batch_size < 1) throw ValueError("evaluate: batch_size must be >= 1");
  check_rows("evaluate", x, y);
  ensure_built(x);
  default_blas_threads();
  return evaluate_rows(x, y, 0, x.rows(), batch_size, verbose);
}

Logs Model::evaluate_rows(const Arrays& x, const Arrays& y, std::size_t begin, std::size_t end,
                          int batch_size, int verbose) {
  NoGradGuard no_tape;
  LearningPhaseScope inference(false);
  reset_metrics();
  std::vector<std::size_t> order(end - begin);
  std::iota(order.begin(), order.end(), begin);
  const std::size_t batch = static_cast<std::size_t>(batch_size);
  const int steps = static_cast<int>((order.size() + batch - 1) / batch);
  std::unique_ptr<Progbar> bar;
  if (verbose > 0) bar = std::make_unique<Progbar>(steps, verbose, std::cout, false);
  std::vector<Tensor> x_batch, y_batch;
  for (int step = 0; step < steps; ++step) {
    const std::size_t first = static_cast<std::size_t>(step) * batch;
    const std::size_t count = std::min(batch, order.size() - first);
    gather(x, &order[first], count, x_batch);
    gather(y, &order[first], count, y_batch);
    with_inputs(x_batch, [&](const std::vector<Var>& inputs) { test_step(inputs, y_batch); });
  }
  Logs logs = current_logs();
  if (bar) {
    std::vector<std::pair<std::string, double>> values;
    for (const std::string& key : metrics_names()) {
      if (logs.count(key) > 0) values.emplace_back(key, logs[key]);
    }
    bar->update(steps, values, true);
  }
  return logs;
}

Tensor Model::predict(const Arrays& x, int batch_size) {
  std::vector<Tensor> outputs = predict_outputs(x, batch_size);
  if (outputs.size() != 1) {
    throw Error("predict: model " + name_ + " has " + std::to_string(outputs.size()) +
                " outputs; use predict_outputs()");
  }
  return std::move(outputs[0]);
}

std::vector<Tensor> Model::predict_outputs(const Arrays& x, int batch_size) {
  if (batch_size < 1) throw ValueError("predict: batch_size must be >= 1");
  check_rows("predict", x, x);
  ensure_built(x);
  default_blas_threads();
  NoGradGuard no_tape;
  LearningPhaseScope inference(false);
  const std::size_t rows = x.rows(), batch = static_cast<std::size_t>(batch_size);
  std::vector<Tensor> results;
  for (std::size_t d : output_dims_) results.push_back(Tensor::from_shape({rows, d}));
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<Tensor> x_batch;
  for (std::size_t first = 0; first < rows; first += batch) {
    const std::size_t count = std::min(batch, rows - first);
    gather(x, &order[first], count, x_batch);
    with_inputs(x_batch, [&](const std::vector<Var>& inputs) {
      const std::vector<Var> outputs = call(inputs, false);
      for (std::size_t o = 0; o < outputs.size() && o < results.size(); ++o) {
        const Tensor& y = outputs[o].value();
        std::copy(y.begin(), y.end(), &results[o](first, 0));
      }
    });
  }
  return results;
}

}  // namespace nn
