#pragma once
// The optimizer's step folded into backward. Plain SGD needs nothing but the gradient,
// w ← w − lr·g, and a Dense layer makes its kernel's gradient as one matrix product,
// g = xᵀ·dz. So the product can make the step itself: w ← w − lr·xᵀ·dz is one gemm with
// alpha = −lr and beta = 1, straight into w. No gradient tensor is zeroed, filled, or read
// again; the step costs no pass of its own. (PyTorch documents the same idea as "fusing the
// optimizer step into the backward pass".)
//
// fit()'s train step opens a FusedStep around loss.backward() when its optimizer allows it
// (Optimizer::fused_scale(): plain SGD). nn::dense's backward then hands the step its
// (x, dz, W, b) instead of adding into W.grad and b.grad, and apply() makes the updates once
// backward has finished, when no closure can still need the old weights. A layer called
// twice in a step is updated twice, which is the same step on the summed gradient. Nowhere
// else is a FusedStep open: a loss.backward() of your own, gradient_check and the other
// optimizers fill the grads as always.

#include <vector>

#include "lib/layers/layer.h"
#include "lib/tensor.h"

namespace nn {

/// One training step's deferred updates w ← w + scale·xᵀ·dz, b ← b + scale·Σ_rows dz.
class FusedStep {
 public:
  /// Opens the step on this thread: ops that can defer their updates to it do so until it is
  /// destroyed. `scale` is −lr for SGD.
  explicit FusedStep(float scale);
  /// Closes it (without applying what was not applied).
  ~FusedStep();
  FusedStep(const FusedStep&) = delete;             ///< not copyable
  FusedStep& operator=(const FusedStep&) = delete;  ///< not assignable

  /// The step open on this thread, or null.
  static FusedStep* active();

  /// Records the update of a Dense op: x (batch, in) and dz (batch, units) must live until
  /// apply() (they are the tape's); W (in, units) and b (1, units) may be null (frozen).
  void defer_dense(const Tensor& x, const Tensor& dz, Parameter* W, Parameter* b);
  /// W += scale·xᵀ·dz and b += scale·Σ_rows dz for every record, in the order recorded.
  void apply();
  /// The parameters that apply() updated (each once).
  const std::vector<Parameter*>& updated() const { return updated_; }

 private:
  struct Record {
    const Tensor* x;
    const Tensor* dz;
    Parameter* W;
    Parameter* b;
  };
  float scale_;
  FusedStep* previous_;
  std::vector<Record> records_;
  std::vector<Parameter*> updated_;
  std::vector<float> sums_;  // a bias's Σ_rows dz
};

}  // namespace nn
