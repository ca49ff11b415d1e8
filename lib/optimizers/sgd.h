#pragma once
// Stochastic gradient descent, with Keras's momentum:
//
//   plain:     w ← w − lr·g
//   momentum:  v ← m·v − lr·g;  w ← w + v
//   Nesterov:  v ← m·v − lr·g;  w ← w + m·v − lr·g   (looks one step ahead)
//
// PyTorch writes momentum as b ← m·b + g; w ← w − lr·b. With a constant learning rate the
// two are the same (v = −lr·b); they differ when the learning rate changes mid-training.

#include <memory>
#include <string>

#include "lib/optimizers/optimizer.h"
#include "lib/optimizers/sgd_fused_step.h"

namespace nn {

/// SGD with optional (Nesterov) momentum.
class SGD : public Optimizer {
 public:
  /// Keras's defaults. Throws ValueError for a negative rate or momentum outside [0, 1].
  explicit SGD(double learning_rate = 0.01, double momentum = 0.0, bool nesterov = false);
  std::string name() const override { return "SGD"; }
  /// Adds "momentum" and "nesterov".
  nlohmann::json get_config() const override;
  std::unique_ptr<Optimizer> clone() const override;
  /// The momentum m.
  double momentum() const { return momentum_; }
  /// Whether the Nesterov form is used.
  bool nesterov() const { return nesterov_; }
  /// Forgets the gradients; without momentum, also installs the fused step on the weights.
  void zero_grad(const std::vector<Parameter*>& parameters) override;
  /// Applies what the fused step kept (w ← w − lr·xᵀ·dz), then steps the rest from the grads.
  void apply_gradients(const std::vector<Parameter*>& parameters) override;

 protected:
  std::size_t slot_count() const override { return momentum_ > 0.0 ? 1 : 0; }
  void update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) override;

 private:
  double momentum_;
  bool nesterov_;
  SgdFusedStep fused_;  // used without momentum: see lib/optimizers/sgd_fused_step.h
};

}  // namespace nn
