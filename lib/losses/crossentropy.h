#pragma once
// Cross-entropy losses for classifiers. Each can read probabilities p (what a sigmoid or a
// softmax outputs) or logits z (the scores before it). When y_pred was made by a sigmoid
// (binary) or a softmax (categorical), the loss reads that op's input z instead: the same
// value, computed stably for any z, with the simple gradient (p − t)/N on z and never the
// softmax's Jacobian. On probabilities from elsewhere p is clipped to [ε, 1 − ε], ε = 1e-7,
// as Keras does, so log p stays finite.
//
//   binary            L = mean over outputs and rows of −[t log p + (1 − t) log(1 − p)]
//                     on logits: max(z, 0) − z·t + log(1 + e^−|z|);   ∂L/∂z = (σ(z) − t)/(N·d)
//   categorical       L = mean over rows of −Σ_k t_k log p_k  (t one-hot or probabilities)
//                     on logits: Σ_k t_k (lse(z) − z_k);           ∂L/∂z = (p·Σt − t)/N
//   sparse categorical  the same with t given as the class index y of each row
//                     on logits: lse(z) − z_y;                     ∂L/∂z = (p − onehot(y))/N

#include <memory>
#include <string>

#include "lib/losses/loss.h"

namespace nn {

/// What the three cross-entropies share: the choice between logits and probabilities.
class Crossentropy : public Loss {
 public:
  /// Reads logits z if `from_logits`, else probabilities (fused after `activation`).
  Var operator()(const Tensor& y_true, const Var& y_pred) const override;
  /// forward_logits or forward_probs, as from_logits says.
  double forward(const Tensor& y_true, const Tensor& y_pred) const override;
  /// backward_logits or backward_probs, as from_logits says.
  void backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const override;
  /// Adds "from_logits".
  nlohmann::json get_config() const override;
  /// Whether y_pred holds logits.
  bool from_logits() const { return from_logits_; }

  /// The loss of logits z against targets t.
  virtual double forward_logits(const Tensor& t, const Tensor& z) const = 0;
  /// ∂L/∂z into dz.
  virtual void backward_logits(const Tensor& t, const Tensor& z, Tensor& dz) const = 0;
  /// The loss of probabilities p (clipped) against targets t.
  virtual double forward_probs(const Tensor& t, const Tensor& p) const = 0;
  /// ∂L/∂p into dp (0 where p was clipped).
  virtual void backward_probs(const Tensor& t, const Tensor& p, Tensor& dp) const = 0;

 protected:
  /// name: Keras's; activation: the op whose output is fused ("sigmoid" or "softmax").
  Crossentropy(std::string name, std::string activation, bool from_logits);

 private:
  std::string activation_;
  bool from_logits_;
};

/// Binary cross-entropy: one or several yes/no outputs, targets 0 or 1.
class BinaryCrossentropy : public Crossentropy {
 public:
  /// from_logits: y_pred holds z rather than σ(z).
  explicit BinaryCrossentropy(bool from_logits = false);
  std::string class_name() const override { return "BinaryCrossentropy"; }
  double forward_logits(const Tensor& t, const Tensor& z) const override;
  void backward_logits(const Tensor& t, const Tensor& z, Tensor& dz) const override;
  double forward_probs(const Tensor& t, const Tensor& p) const override;
  void backward_probs(const Tensor& t, const Tensor& p, Tensor& dp) const override;
  std::unique_ptr<Loss> clone() const override;
};

/// Categorical cross-entropy: targets one-hot (or probabilities), one column per class.
class CategoricalCrossentropy : public Crossentropy {
 public:
  /// from_logits: y_pred holds z rather than softmax(z).
  explicit CategoricalCrossentropy(bool from_logits = false);
  std::string class_name() const override { return "CategoricalCrossentropy"; }
  /// Suggests the sparse loss when y_true is one column of class indices.
  void check_targets(const Tensor& y_true, std::size_t outputs) const override;
  double forward_logits(const Tensor& t, const Tensor& z) const override;
  void backward_logits(const Tensor& t, const Tensor& z, Tensor& dz) const override;
  /// Keras: p is first scaled so that each row sums to 1, then clipped.
  double forward_probs(const Tensor& t, const Tensor& p) const override;
  void backward_probs(const Tensor& t, const Tensor& p, Tensor& dp) const override;
  std::unique_ptr<Loss> clone() const override;
};

/// Sparse categorical cross-entropy: targets are class indices, one column (n, 1) of
/// integers in [0, classes), or nn::Labels (which fit() turns into that column).
class SparseCategoricalCrossentropy : public Crossentropy {
 public:
  /// from_logits: y_pred holds z rather than softmax(z).
  explicit SparseCategoricalCrossentropy(bool from_logits = false);
  std::string class_name() const override { return "SparseCategoricalCrossentropy"; }
  /// y_true must be (n, 1) and every label an integer in [0, outputs): ValueError names the
  /// row of the first that is not.
  void check_targets(const Tensor& y_true, std::size_t outputs) const override;
  double forward_logits(const Tensor& t, const Tensor& z) const override;
  void backward_logits(const Tensor& t, const Tensor& z, Tensor& dz) const override;
  /// Keras: p is first clipped, then scaled so that each row sums to 1.
  double forward_probs(const Tensor& t, const Tensor& p) const override;
  void backward_probs(const Tensor& t, const Tensor& p, Tensor& dp) const override;
  std::unique_ptr<Loss> clone() const override;
};

}  // namespace nn
