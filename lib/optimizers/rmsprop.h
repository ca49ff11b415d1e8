#pragma once
// RMSprop, as Keras 3 writes it (keras/src/optimizers/rmsprop.py). Per weight:
//
//   v ← ρ·v + (1 − ρ)·g²                  running mean of the squared gradient
//   centered:  a ← ρ·a + (1 − ρ)·g;  d = v − a² + ε    (a: running mean of the gradient)
//   otherwise: d = v + ε
//   Δ = lr · g / √d
//   momentum m > 0:  b ← m·b + Δ;  w ← w − b
//   otherwise:       w ← w − Δ
//
// Keras adds ε under the root (√(v + ε)), where Adam adds it outside (√v + ε); PyTorch's
// RMSprop adds it outside too, so the two differ while v is tiny.

#include <memory>
#include <string>

#include "lib/optimizers/optimizer.h"

namespace nn {

/// Root mean square propagation (Hinton's lecture 6e), with Keras's momentum and centering.
class RMSprop : public Optimizer {
 public:
  /// Keras 3's defaults. Throws ValueError for a negative rate or ε, ρ outside [0, 1) or
  /// momentum outside [0, 1].
  explicit RMSprop(double learning_rate = 0.001, double rho = 0.9, double momentum = 0.0,
                   double epsilon = 1e-7, bool centered = false);
  std::string name() const override { return "RMSprop"; }
  /// Adds "rho", "momentum", "epsilon", "centered".
  nlohmann::json get_config() const override;
  std::unique_ptr<Optimizer> clone() const override;
  /// ρ, the decay of the running means.
  double rho() const { return rho_; }
  /// The momentum m (0: none).
  double momentum() const { return momentum_; }
  /// ε.
  double epsilon() const { return epsilon_; }
  /// Whether g is divided by an estimate of its variance rather than of its second moment.
  bool centered() const { return centered_; }
  /// True: Keras 3 builds all the velocities, then the momentums, then the averages.
  bool slots_grouped_by_kind() const override { return true; }

 protected:
  /// v, then b if momentum > 0, then a if centered: Keras's order.
  std::size_t slot_count() const override {
    return 1 + (momentum_ > 0.0 ? 1 : 0) + (centered_ ? 1 : 0);
  }
  void update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) override;

 private:
  double rho_, momentum_, epsilon_;
  bool centered_;
};

}  // namespace nn
