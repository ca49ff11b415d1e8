// Running a model without training it: evaluate() and predict(), batch by batch, with no
// tape.
#include <algorithm>
#include <numeric>

#include "lib/error.h"
#include "lib/models/batches.h"
#include "lib/models/model.h"
#include "lib/models/progress_bar.h"
#include "lib/text.h"

namespace nn {

using detail::gather;
using detail::with_inputs;

void Model::test_step(const std::vector<Var>& x, const std::vector<Tensor>& y) {
  const std::vector<Var> y_pred = call(x, false);
  compute_loss(y, y_pred);
  update_metrics(y, y_pred);
}

Logs Model::evaluate(const Arrays& x, const Arrays& y, int batch_size, int verbose) {
  if (!compiled()) throw Error("evaluate: model " + name_ + " is not compiled");
  if (batch_size < 1) throw ValueError("evaluate: batch_size must be >= 1");
  detail::check_rows("evaluate", x, y);
  detail::check_finite("evaluate", "x", x);  // a NaN loss would hide where the hole is
  detail::check_finite("evaluate", "y", y);
  ensure_built("evaluate", x);
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
    throw Error("predict: model " + name_ + " has " + count_of(outputs.size(), "output") +
                "; use predict_outputs()");
  }
  return std::move(outputs[0]);
}

std::vector<Tensor> Model::predict_outputs(const Arrays& x, int batch_size) {
  if (batch_size < 1) throw ValueError("predict: batch_size must be >= 1");
  detail::check_rows("predict", x, x);
  detail::check_finite("predict", "x", x);  // ReLU would turn a NaN into a confident answer
  ensure_built("predict", x);
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
