#include "lib/losses/sample_weight.h"

#include <cmath>
#include <string>
#include <xtensor/xview.hpp>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {

Tensor row_weights(const Tensor& y, const std::map<int, double>& class_weight,
                   const std::vector<double>& sample_weight) {
  const std::size_t rows = y.shape(0), columns = y.shape(1);
  if (!sample_weight.empty() && sample_weight.size() != rows) {
    throw ValueError("sample_weight has " + count_of(sample_weight.size(), "value") + " for " +
                     count_of(rows, "row") + " of y");
  }
  Tensor w = xt::ones<float>({rows, std::size_t{1}});  // (n, 1)
  for (std::size_t i = 0; i < rows; ++i) {
    double weight = sample_weight.empty() ? 1.0 : sample_weight[i];
    if (!class_weight.empty()) {
      std::size_t label = 0;  // one-hot: the largest column; else the value itself
      if (columns == 1) {
        label = static_cast<std::size_t>(std::lround(y(i, 0)));
      } else {
        for (std::size_t k = 1; k < columns; ++k) label = y(i, k) > y(i, label) ? k : label;
      }
      const auto found = class_weight.find(static_cast<int>(label));
      if (found != class_weight.end()) weight *= found->second;
    }
    if (!std::isfinite(weight) || weight < 0.0) {
      throw ValueError("the weight of row " + std::to_string(i) + " is " + std::to_string(weight) +
                       "; weights must be finite and >= 0");
    }
    w(i, 0) = static_cast<float>(weight);
  }
  return w;
}

Var weighted_loss(const Loss& loss, const Tensor& y_true, const Var& y_pred, const Tensor& w) {
  const Tensor& pred = y_pred.value();  // (batch, outputs)
  const std::size_t batch = pred.shape(0);
  if (w.shape(0) != batch || w.shape(1) != 1) {
    throw ShapeError(loss.name() + ": the weights " + shape_string(w) + " do not fit y_pred " +
                     shape_string(pred) + " (one weight per row)");
  }
  loss.check_shapes(y_true, pred);
  // Forward: each row's loss is the loss of a batch of that one row.
  double total = 0.0;
  for (std::size_t i = 0; i < batch; ++i) {
    if (w(i, 0) == 0.0f) continue;
    const Tensor t = xt::view(y_true, xt::range(i, i + 1), xt::all());  // (1, ·)
    const Tensor p = xt::view(pred, xt::range(i, i + 1), xt::all());    // (1, outputs)
    total += w(i, 0) * loss.forward(t, p);
  }
  // Backward: the plain gradient (the 1/batch included), each row scaled by its weight.
  Tensor d_pred;
  if (grad_enabled()) {
    loss.backward(y_true, pred, d_pred);
    d_pred *= w;  // (batch, outputs) · (batch, 1), broadcast over the outputs
  }
  Tensor value = {{static_cast<float>(total / batch)}};
  return Var::from_op(std::move(value), {y_pred}, loss.name() + "_weighted",
                      [y_pred, d = std::move(d_pred)](const Tensor&, const Tensor& dloss) {
                        y_pred.accumulate_grad(dloss(0, 0) * d);
                      });
}

}  // namespace nn
