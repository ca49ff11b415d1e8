#pragma once
// AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization"), as Keras 3 writes
// it: before Adam's step (lib/optimizers/adam.h), every trainable weight shrinks by its own
// fraction lr·λ, whatever its gradient:
//
//   w ← w − lr·λ·w                      decoupled weight decay (λ: weight_decay)
//   then Adam's step on w with g
//
// This is Keras's base optimizer's _apply_weight_decay, run before update_step. The decay
// never enters g, so Adam's division by √v does not scale it, unlike an L2 penalty in the
// loss. Keras decays every trainable weight, biases included, unless told to exclude some
// (exclude_from_weight_decay, not offered here); so does this class.

#include <memory>
#include <string>

#include "lib/optimizers/adam.h"

namespace nn {

/// Adam with decoupled weight decay.
class AdamW : public Adam {
 public:
  /// Keras 3's defaults (note weight_decay before the betas, as in Keras). Throws ValueError
  /// for a negative weight_decay, or what Adam rejects.
  explicit AdamW(double learning_rate = 0.001, double weight_decay = 0.004, double beta_1 = 0.9,
                 double beta_2 = 0.999, double epsilon = 1e-7);
  std::string name() const override { return "AdamW"; }
  /// Adam's config, with "weight_decay".
  nlohmann::json get_config() const override;
  std::unique_ptr<Optimizer> clone() const override;
  /// λ, the fraction of a weight taken off per unit of learning rate.
  double weight_decay() const { return weight_decay_; }

 protected:
  void update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) override;

 private:
  double weight_decay_;
};

}  // namespace nn
