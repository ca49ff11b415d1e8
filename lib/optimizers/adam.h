#pragma once
// Adam, as Keras writes it. With step t counted from 1:
//
//   m ← m + (1 − β1)(g − m)             running mean of the gradient
//   v ← v + (1 − β2)(g² − v)            running mean of its square
//   α = lr · √(1 − β2^t) / (1 − β1^t)   the bias corrections, folded into the rate
//   w ← w − α · m / (√v + ε)
//
// PyTorch adds ε to √v / √(1 − β2^t) instead; its ε equals Keras's ε / √(1 − β2^t).

#include <memory>
#include <string>

#include "lib/optimizers/optimizer.h"

namespace nn {

/// Adaptive moment estimation.
class Adam : public Optimizer {
 public:
  /// Keras's defaults. Throws ValueError for settings out of range.
  explicit Adam(double learning_rate = 0.001, double beta_1 = 0.9, double beta_2 = 0.999,
                double epsilon = 1e-7);
  std::string name() const override { return "Adam"; }
  /// Adds "beta_1", "beta_2", "epsilon", "amsgrad" (false).
  nlohmann::json get_config() const override;
  std::unique_ptr<Optimizer> clone() const override;
  /// β1.
  double beta_1() const { return beta_1_; }
  /// β2.
  double beta_2() const { return beta_2_; }
  /// ε.
  double epsilon() const { return epsilon_; }

 protected:
  std::size_t slot_count() const override { return 2; }  // m, v
  void update(Parameter& p, std::vector<Tensor>& slots, std::int64_t step) override;

 private:
  double beta_1_, beta_2_, epsilon_;
};

}  // namespace nn
