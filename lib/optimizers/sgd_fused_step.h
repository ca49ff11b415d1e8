#pragma once
// Plain SGD's step folded into backward. SGD needs nothing but the gradient, w ← w − lr·g,
// and a Dense layer hands its kernel the gradient as one matrix product, g = xᵀ·dz
// (Var::accumulate_product). So the product can make the step itself: w ← w − lr·xᵀ·dz is one
// gemm with alpha = −lr and beta = 1, straight into w. No gradient tensor is zeroed, filled or
// read again; the step costs no pass of its own. (PyTorch documents the same idea as "fusing
// the optimizer step into the backward pass".)
//
// The decision sits behind the weight, not in a layer: SGD (without momentum) installs this
// sink on its weights in zero_grad(); backward() then hands it the products and row sums
// that would have gone into their grads; SGD's apply_gradients() applies them once backward
// has finished (no closure can still need the old weights) and takes the sink away again.
// Whatever reaches a weight's grad by another path (a layer of your own calling
// accumulate_grad) is stepped from the grad as usual: the step is linear in g, so the two
// parts add up to the same step. A loss.backward() of your own, gradient_check and the other
// optimizers never see a sink.

#include <memory>
#include <vector>

#include "lib/parameter.h"
#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// The gradient products of one SGD step, kept until apply() turns them into the step.
class SgdFusedStep : public GradSink {
 public:
  SgdFusedStep() = default;
  /// Takes itself away from the weights it is still installed on.
  ~SgdFusedStep() override { uninstall(); }
  SgdFusedStep(const SgdFusedStep&) = delete;             ///< installed by address: no copies
  SgdFusedStep& operator=(const SgdFusedStep&) = delete;  ///< nor assignment
  /// Routes the trainable weights' products here, forgetting what an unfinished step kept.
  void install(const std::vector<Parameter*>& weights);
  /// Keeps "weight.grad += op(A)·op(B)".
  void add_product(Node& weight, const Tensor& A, const Tensor& B, bool trans_a,
                   bool trans_b) override;
  /// Keeps "weight.grad += Σ_rows dy".
  void add_row_sum(Node& weight, const Tensor& dy) override;
  /// w += scale·(each kept gradient), in the order kept (scale = −lr), then uninstalls.
  void apply(float scale);
  /// Sends the weights' gradients back to their grads, forgetting what was kept.
  void uninstall();

 private:
  struct Record {
    Node* weight;
    const Tensor* A;  // a product's left factor, or the dy of a row sum
    const Tensor* B;  // a product's right factor; null for a row sum
    bool trans_a, trans_b;
  };
  std::vector<Record> records_;
  std::vector<std::weak_ptr<Node>> weights_;  // where it is installed (weak: layers may go first)
  std::vector<float> sums_;                   // a row sum's Σ_rows dy
};

}  // namespace nn
