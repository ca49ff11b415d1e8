#include "lib/gradient_check.h"

#include <cmath>
#include <cstdio>

#include "lib/error.h"

namespace nn {
namespace {

// One tensor to check: its values, where backward() put its gradient, and a label.
struct Target {
  Tensor* value;
  Tensor analytic;
  std::string label;
};

std::string format_entry(const std::string& label, std::size_t i, std::size_t cols, double a,
                         double n) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, " (%zu, %zu): analytic %.6g, numeric %.6g", i / cols,
                i % cols, a, n);
  return label + buffer;
}

}  // namespace

GradientCheckResult gradient_check(const std::function<Var()>& loss, const std::vector<Var>& inputs,
                                   const std::vector<Parameter*>& parameters,
                                   GradientCheckOptions options) {
  // The analytic gradients: one backward pass from fresh gradients.
  for (const Var& x : inputs) x.zero_grad();
  for (Parameter* p : parameters) p->zero_grad();
  loss().backward();
  std::vector<Target> targets;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Var x = inputs[i];
    targets.push_back({&x.value(), x.grad(), "input " + std::to_string(i)});
  }
  for (Parameter* p : parameters)
    targets.push_back({&p->value(), p->grad(), "parameter " + p->name()});

  // The numeric ones: nudge each entry both ways, without building a tape.
  NoGradGuard no_tape;
  GradientCheckResult result;
  for (Target& target : targets) {
    const std::size_t cols = target.value->shape()[1];
    for (std::size_t i = 0; i < target.value->size(); ++i) {
      float& v = target.value->data()[i];
      const float saved = v;
      v = saved + static_cast<float>(options.h);
      const double up = loss().item();
      v = saved - static_cast<float>(options.h);
      const double down = loss().item();
      v = saved;
      const double numeric = (up - down) / (2.0 * options.h);
      const double analytic = target.analytic.data()[i];
      const double error = std::abs(analytic - numeric);
      ++result.checked;
      if (error > options.atol + options.rtol * std::abs(numeric)) result.passed = false;
      if (error >= result.max_error) {
        result.max_error = error;
        result.worst = format_entry(target.label, i, cols, analytic, numeric);
      }
    }
  }
  return result;
}

Var weighted_sum(const Var& y, const Tensor& w) {
  if (w.shape() != y.value().shape()) {
    throw ShapeError("weighted_sum: y " + shape_string(y.value()) + " and w " + shape_string(w) +
                     " differ");
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i)
    sum += static_cast<double>(w.data()[i]) * y.value().data()[i];
  Tensor value = {{static_cast<float>(sum)}};
  return Var::from_op(std::move(value), {y}, "weighted_sum",
                      [y, w](const Tensor&, const Tensor& dl) {
                        y.accumulate_grad(dl(0, 0) * w);  // dy += w
                      });
}

}  // namespace nn
