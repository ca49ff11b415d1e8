#include "lib/losses/loss.h"

#include <functional>

#include "lib/error.h"
#include "lib/losses/crossentropy.h"
#include "lib/losses/regression.h"
#include "lib/registry.h"
#include "lib/text.h"

namespace nn {
namespace {

const Registry<std::function<std::unique_ptr<Loss>()>>& registry() {
  static const Registry<std::function<std::unique_ptr<Loss>()>> known(
      "loss",
      {
          {"mse", [] { return std::make_unique<MeanSquaredError>(); }},
          {"mean_squared_error", [] { return std::make_unique<MeanSquaredError>(); }},
          {"mae", [] { return std::make_unique<MeanAbsoluteError>(); }},
          {"mean_absolute_error", [] { return std::make_unique<MeanAbsoluteError>(); }},
          {"huber", [] { return std::make_unique<Huber>(); }},
          {"binary_crossentropy", [] { return std::make_unique<BinaryCrossentropy>(); }},
          {"categorical_crossentropy", [] { return std::make_unique<CategoricalCrossentropy>(); }},
          {"sparse_categorical_crossentropy",
           [] { return std::make_unique<SparseCategoricalCrossentropy>(); }},
      });
  return known;
}

}  // namespace

Var Loss::operator()(const Tensor& y_true, const Var& y_pred) const {
  check_shapes(y_true, y_pred.value());
  Tensor d_pred;
  if (grad_enabled()) backward(y_true, y_pred.value(), d_pred);
  return make_node(forward(y_true, y_pred.value()), y_pred, std::move(d_pred), name());
}

Var Loss::make_node(double loss, const Var& input, Tensor d_input, const std::string& op) {
  Tensor value = {{static_cast<float>(loss)}};
  return Var::from_op(std::move(value), {input}, op,
                      [input, d = std::move(d_input)](const Tensor&, const Tensor& dloss) {
                        input.accumulate_grad(dloss(0, 0) * d);  // chain rule: scale by ∂L/∂loss
                      });
}

void Loss::check_targets(const Tensor& y_true, std::size_t outputs) const {
  if (y_true.shape()[1] != outputs) {
    throw ShapeError(name() + ": y_true has " + count_of(y_true.shape()[1], "column") +
                     " but the predictions have " + std::to_string(outputs) + " (" +
                     shape_string(y_true) + " against (None, " + std::to_string(outputs) + "))");
  }
}

void Loss::check_shapes(const Tensor& y_true, const Tensor& y_pred) const {
  check_targets(y_true, y_pred.shape()[1]);
  if (y_true.shape()[0] != y_pred.shape()[0]) {
    throw ShapeError(name() + ": y_true " + shape_string(y_true) + " and y_pred " +
                     shape_string(y_pred) + " have different numbers of rows");
  }
}

nlohmann::json Loss::get_config() const { return {{"reduction", "auto"}, {"name", name_}}; }

std::unique_ptr<Loss> get_loss(const std::string& name) { return registry().get(name)(); }

std::vector<std::string> loss_names() { return registry().names(); }

LossArg::LossArg(const char* name) : loss_(get_loss(name)) {}
LossArg::LossArg(const std::string& name) : loss_(get_loss(name)) {}
LossArg::LossArg(const Loss& loss) : loss_(loss.clone()) {}

}  // namespace nn
