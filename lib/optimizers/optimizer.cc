#include "lib/optimizers/optimizer.h"

#include <functional>

#include "lib/error.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/adamw.h"
#include "lib/optimizers/rmsprop.h"
#include "lib/optimizers/sgd.h"
#include "lib/registry.h"

namespace nn {

void Optimizer::zero_grad(const std::vector<Parameter*>& parameters) {
  for (Parameter* p : parameters) {
    p->zero_grad();
    p->set_grad_sink(nullptr);  // what an optimizer used before may have installed
  }
}

void Optimizer::apply_gradients(const std::vector<Parameter*>& parameters) {
  for (Parameter* p : parameters) {
    if (!p->trainable()) continue;
    if (p->has_grad() && p->grad().shape() != p->value().shape()) {
      throw ShapeError(name() + ": the gradient of " + p->name() + " is " +
                       shape_string(p->grad()) + ", its value " + shape_string(p->value()));
    }
    std::vector<Tensor>& slots = slots_[p];
    if (slots.size() != slot_count()) {
      slots.assign(slot_count(), xt::zeros<float>(p->value().shape()));
    }
    update(*p, slots, iterations_ + 1);
  }
  ++iterations_;
}

const std::vector<Tensor>& Optimizer::slots(const Parameter& parameter) const {
  static const std::vector<Tensor> none;
  const auto found = slots_.find(&parameter);
  return found == slots_.end() ? none : found->second;
}

void Optimizer::set_slots(const Parameter& parameter, std::vector<Tensor> slots) {
  if (slots.size() != slot_count()) {
    throw ShapeError(name() + ": " + parameter.name() + " needs " + std::to_string(slot_count()) +
                     " slots, got " + std::to_string(slots.size()));
  }
  for (const Tensor& slot : slots) {
    if (slot.shape() != parameter.value().shape()) {
      throw ShapeError(name() + ": a slot of " + parameter.name() + " must be " +
                       shape_string(parameter.value()) + ", got " + shape_string(slot));
    }
  }
  slots_[&parameter] = std::move(slots);
}

void Optimizer::set_iterations(std::int64_t iterations) {
  if (iterations < 0) {
    throw ValueError(name() + ": iterations must be >= 0, got " + std::to_string(iterations));
  }
  iterations_ = iterations;
}

nlohmann::json Optimizer::get_config() const {
  return {{"name", name()}, {"learning_rate", learning_rate_}};
}

std::unique_ptr<Optimizer> get_optimizer(const std::string& name) {
  static const Registry<std::function<std::unique_ptr<Optimizer>()>> known(
      "optimizer", {
                       {"adam", [] { return std::make_unique<Adam>(); }},
                       {"adamw", [] { return std::make_unique<AdamW>(); }},
                       {"rmsprop", [] { return std::make_unique<RMSprop>(); }},
                       {"sgd", [] { return std::make_unique<SGD>(); }},
                   });
  return known.get(name)();
}

OptimizerArg::OptimizerArg(const char* name) : optimizer_(get_optimizer(name)) {}
OptimizerArg::OptimizerArg(const std::string& name) : optimizer_(get_optimizer(name)) {}
OptimizerArg::OptimizerArg(const Optimizer& optimizer) : optimizer_(optimizer.clone()) {}

}  // namespace nn
