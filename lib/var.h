#pragma once
// The tape. A Var is a value that remembers how it was made: the Vars it came from and a
// closure that pushes its gradient back into them (micrograd's idea, with whole tensors as
// values and whole layers as ops). Var::backward() on a scalar loss walks the nodes in
// reverse creation order, so each node's gradient is complete before it is pushed further.
// Inputs and a layer's weights (nn::Parameter) are the leaves: backward() fills their grads.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <xtensor/xnoalias.hpp>

#include "lib/tensor.h"

namespace nn {

/// What an op leaves on the tape: given its output y and dy = ∂loss/∂y (same shape), it adds
/// its inputs' share of the gradient into their grads.
using BackwardFn = std::function<void(const Tensor& y, const Tensor& dy)>;

class GradSink;

// book:begin var
/// One value on the tape, held through Var handles. A node keeps its parents alive.
struct Node {
  Tensor value;                                ///< the op's output: (batch, features)
  Tensor grad;                                 ///< ∂loss/∂value, same shape, once has_grad
  bool has_grad = false;                       ///< whether some gradient has arrived
  bool requires_grad = false;                  ///< whether a gradient must flow into it
  std::string op;                              ///< what made it: "leaf", "dense", "relu", ...
  std::vector<std::shared_ptr<Node>> parents;  ///< the op's inputs
  BackwardFn backward;                         ///< empty for leaves and under NoGradGuard
  std::uint64_t sequence = 0;                  ///< creation order on this thread
  GradSink* sink = nullptr;                    ///< takes its gradient products, if set
};

/// A handle to a node of the tape: copies share the node, as Python references do.
class Var {
 public:
  /// An empty handle; every member below except operator bool needs a node.
  Var() = default;
  /// A leaf holding `value`. With `requires_grad`, backward() fills its grad (an input whose
  /// gradient you want to see); without, no gradient flows into it (the data).
  explicit Var(Tensor value, bool requires_grad = false);

  /// A node made by op `op` from `parents` (its inputs and its weights). It keeps `backward`
  /// only when gradients are on (no NoGradGuard alive) and some parent needs a gradient.
  static Var from_op(Tensor value, const std::vector<Var>& parents, std::string op,
                     BackwardFn backward);

  /// The value: (batch, features).
  const Tensor& value() const { return node_->value; }
  /// The value, writable (a gradient check nudges inputs in place).
  Tensor& value() { return node_->value; }
  /// ∂loss/∂value after backward(); zeros of the value's shape if no gradient arrived.
  const Tensor& grad() const;
  /// Whether some gradient arrived since the node was made (or since zero_grad()).
  bool has_grad() const { return node_->has_grad; }
  /// Whether gradients flow into this node.
  bool requires_grad() const { return node_->requires_grad; }
  /// The name of the op that made it ("leaf" for inputs).
  const std::string& op() const { return node_->op; }
  /// The op's i-th input.
  Var parent(std::size_t i) const;
  /// How many inputs the op had.
  std::size_t parent_count() const { return node_->parents.size(); }
  /// Rows of the value: the batch size.
  std::size_t rows() const { return node_->value.shape()[0]; }
  /// Columns of the value: the features.
  std::size_t cols() const { return node_->value.shape()[1]; }
  /// The number in a (1, 1) Var, such as a loss.
  float item() const;

  /// Back-propagates from this (1, 1) loss: seeds ∂loss/∂loss = 1 and runs the backward
  /// closure of every reachable node, newest first. The ops' gradients start afresh; the
  /// leaves' (and the layers' parameters') add up over calls until zeroed.
  void backward() const;
  /// Forgets this node's gradient: the next one to arrive is written, not added.
  void zero_grad() const { node_->has_grad = false; }

  /// The grad, allocated as zeros on first use, for ops that add into it (gemm, loops).
  Tensor& grad_accumulator() const;
  /// For ops that write their share in one pass: the grad, of the value's shape but not
  /// zeroed, and `add` saying whether a gradient is already there to add to (otherwise
  /// overwrite it). Marks the gradient arrived.
  Tensor& grad_to_write(bool& add) const;
  /// grad += op(A)·op(B), the gradient of a matrix product (op(X) = Xᵀ when its flag is
  /// set), written in one pass. If a GradSink is installed, it takes the product instead.
  void accumulate_product(const Tensor& A, const Tensor& B, bool trans_a, bool trans_b) const;
  /// grad += Σ_rows dy, the gradient of a bias added to every row of dy (batch, n); grad is
  /// (1, n). If a GradSink is installed, it takes the sum instead.
  void accumulate_row_sum(const Tensor& dy) const;
  /// Sends this node's product and row-sum gradients to `sink` (null: back to its grad).
  void set_grad_sink(GradSink* sink) const { node_->sink = sink; }
  /// grad += dvalue (an xtensor expression of the value's shape), evaluated once.
  template <class E>
  void accumulate_grad(const E& dvalue) const {
    if (node_->has_grad) {
      xt::noalias(node_->grad) += dvalue;
    } else {
      node_->grad = dvalue;  // the first gradient: no zeros to add to
      node_->has_grad = true;
    }
  }

  /// Whether the handle holds a node.
  explicit operator bool() const { return node_ != nullptr; }
  /// The node itself.
  const std::shared_ptr<Node>& node() const { return node_; }

 private:
  explicit Var(std::shared_ptr<Node> node) : node_(std::move(node)) {}
  std::shared_ptr<Node> node_;
};
// book:end var

/// Where a weight's gradient products go instead of its grad while an optimizer that folds
/// its step into them has installed one: plain SGD needs only w ← w − lr·g, and with g = xᵀ·dz
/// that is one product straight into the weights (lib/optimizers/sgd_fused_step.h).
class GradSink {
 public:
  virtual ~GradSink() = default;
  /// Takes "weight.grad += op(A)·op(B)"; A and B are the tape's and live until the step.
  virtual void add_product(Node& weight, const Tensor& A, const Tensor& B, bool trans_a,
                           bool trans_b) = 0;
  /// Takes "weight.grad += Σ_rows dy"; dy is the tape's and lives until the step.
  virtual void add_row_sum(Node& weight, const Tensor& dy) = 0;
};

/// While one is alive on this thread, ops record no backward closures: predict and evaluate
/// build no tape. Guards nest.
class NoGradGuard {
 public:
  /// Turns gradient recording off on this thread.
  NoGradGuard();
  /// Restores what was there before.
  ~NoGradGuard();
  NoGradGuard(const NoGradGuard&) = delete;             ///< not copyable
  NoGradGuard& operator=(const NoGradGuard&) = delete;  ///< not assignable

 private:
  bool previous_;
};

/// Whether ops on this thread record backward closures (no NoGradGuard alive).
bool grad_enabled();

/// a + b, element-wise, for equal shapes (a skip connection). Backward: da += dy, db += dy.
Var add(const Var& a, const Var& b);
/// a + b, the same as add(a, b).
Var operator+(const Var& a, const Var& b);
/// k·a. Backward: da += k·dy.
Var scale(const Var& a, float k);
/// k·a, the same as scale(a, k).
Var operator*(float k, const Var& a);
/// The parts side by side along the features: (batch, f1 + f2 + ...). All parts need the
/// same batch size. Backward: each part gets its own columns of dy.
Var concat(const std::vector<Var>& parts);

}  // namespace nn
