#pragma once
// A linear classifier trained by stochastic gradient descent on a loss of the margin
// z = t·(w·x + b), with t = +1 for one class and −1 for the other. The loss decides the
// model: "perceptron" max(0, −z) is the perceptron, "hinge" max(0, 1 − z) a linear SVM,
// "log_loss" log(1 + e^−z) logistic regression. With shuffle = false it finds the same
// weights as sklearn.linear_model.SGDClassifier(learning_rate="constant").

#include <cstdint>
#include <string>
#include <vector>

#include "lib/linear/linear_classifier.h"
#include "lib/tensor.h"

namespace nn {

/// A loss of the score p = w·x + b and the target t (+1 or −1), and its derivative in p.
struct MarginLoss {
  std::string name;                     ///< e.g. "hinge"
  double (*loss)(double p, double t);   ///< the loss of one row
  double (*dloss)(double p, double t);  ///< d loss / d p (a subgradient at a kink)
};

/// The losses SgdClassifier knows by name: "perceptron", "hinge", "log_loss". At a kink the
/// subgradient counts the row as a mistake, as scikit-learn does (z <= 0 for the perceptron).
/// Throws ValueError (listing the names) for another name.
MarginLoss margin_loss(const std::string& name);

/// The settings of an SgdClassifier.
struct SgdOptions {
  std::string loss = "hinge";              ///< "perceptron", "hinge" or "log_loss"
  std::string learning_rate = "constant";  ///< the schedule; only "constant" (eta0 always)
  double eta0 = 0.01;                      ///< the learning rate
  double alpha = 0.0;                      ///< L2 penalty strength (alpha/2)·|w|²; 0 = none
  int max_iter = 1000;                     ///< the most epochs
  double tol = 1e-3;                       ///< stop rule as Perceptron (-infinity: never)
  bool shuffle = true;                     ///< a new random row order every epoch
  std::uint64_t random_state = 0;          ///< the seed of the shuffling Rng
  int n_iter_no_change = 5;                ///< epochs without improvement before stopping
};

/// Stochastic gradient descent on a margin loss, one row at a time, for two classes.
class SgdClassifier : public LinearClassifier {
 public:
  /// A classifier with the named loss of `options`. Throws ValueError for an unknown loss
  /// or learning rate.
  explicit SgdClassifier(SgdOptions options = {});
  /// A classifier with a loss of your own (options.loss is then ignored).
  SgdClassifier(MarginLoss loss, SgdOptions options);

  /// Learns w and b from x (n, features) and y (n,). For each row: p = w·x + b,
  /// g = dloss(p, t); w ← w·(1 − eta0·alpha) − eta0·g·x and b ← b − eta0·g. Stops by
  /// NoImprovementStop on the epoch's summed loss. Returns *this.
  SgdClassifier& fit(const Tensor& x, const Labels& y);

  /// The settings.
  const SgdOptions& options() const { return options_; }
  /// The loss being minimised.
  const MarginLoss& loss() const { return loss_; }

 private:
  SgdOptions options_;
  MarginLoss loss_;
};

}  // namespace nn
