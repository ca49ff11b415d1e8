#pragma once
// Rosenblatt's perceptron with scikit-learn's behaviour: a threshold logic unit,
// ŷ = step(w·x + b), trained one flower at a time by the perceptron rule. With
// shuffle = false it finds the same weights as sklearn.linear_model.Perceptron.

#include <cstdint>

#include "lib/linear/linear_classifier.h"
#include "lib/tensor.h"

namespace nn {

/// The settings of a Perceptron, with scikit-learn's defaults.
struct PerceptronOptions {
  double eta0 = 1.0;               ///< learning rate: the size of each correction
  int max_iter = 1000;             ///< the most epochs (passes over the data)
  double tol = 1e-3;               ///< stop when an epoch's loss improves by less than tol * n
                                   ///< (-infinity: never stop early)
  bool shuffle = true;             ///< visit the rows in a new random order every epoch
  std::uint64_t random_state = 0;  ///< the seed of the shuffling Rng
  int n_iter_no_change = 5;        ///< how many epochs without improvement before stopping
};

/// A perceptron for two classes (labels 0/1 or any two values).
class Perceptron : public LinearClassifier {
 public:
  /// A perceptron with the given settings; fit() it before asking it anything.
  explicit Perceptron(PerceptronOptions options = {}) : options_(options) {}

  /// Learns w and b from x (n, features) and y (n,) with the perceptron rule: on a mistake,
  /// w += eta0·(y − ŷ)·x and b += eta0·(y − ŷ), where y − ŷ is +1 (should have fired) or
  /// −1 (should not have). A row exactly on the boundary (w·x + b = 0) counts as a mistake
  /// for either class, as in scikit-learn. Stops by NoImprovementStop on the epoch loss
  /// Σ |w·x + b| over the mistakes. Returns *this.
  Perceptron& fit(const Tensor& x, const Labels& y);

  /// The settings.
  const PerceptronOptions& options() const { return options_; }

 private:
  PerceptronOptions options_;
};

}  // namespace nn
