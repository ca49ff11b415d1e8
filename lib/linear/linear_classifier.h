#pragma once
// What the perceptron and the SGD classifier share once trained: a straight boundary
// w·x + b = 0 between two classes, and the questions one asks of it. How w and b are
// found is each subclass's own fit(); the stopping rule, scikit-learn's, is shared.

#include <cstddef>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// A trained linear boundary between two classes: predicts classes()[1] where w·x + b > 0.
class LinearClassifier {
 public:
  virtual ~LinearClassifier() = default;

  /// The score w·x + b of each row: x (n, features) -> (n,). Positive means classes()[1].
  Vector decision_function(const Tensor& x) const;
  /// The class of each row, one of classes(): x (n, features) -> (n,).
  Labels predict(const Tensor& x) const;
  /// Accuracy: the fraction of rows whose predicted class is y's. x (n, features), y (n,).
  double score(const Tensor& x, const Labels& y) const;

  /// The weights w: (features,).
  Vector coef() const;
  /// The bias b.
  float intercept() const { return static_cast<float>(b_); }
  /// The two classes, sorted: {negative, positive}.
  const std::vector<int>& classes() const { return classes_; }
  /// The number of epochs fit() ran.
  int n_iter() const { return n_iter_; }
  /// Whether fit() stopped by the tolerance rule before max_iter epochs.
  bool converged() const { return converged_; }

 protected:
  /// Checks x (n, features) against y (n,), finds the two classes and sets w = 0, b = 0.
  /// Returns the targets t = +1 for classes()[1] and -1 for classes()[0]. `who` names the
  /// model in errors: ShapeError for mismatched rows, ValueError unless y has two classes.
  std::vector<double> start_fit(const Tensor& x, const Labels& y, const std::string& who);
  /// w·x + b for one row of x, in double.
  double raw_score(const Tensor& x, std::size_t row) const;
  /// Throws ValueError before fit() and ShapeError if x has the wrong number of features.
  void check_features(const Tensor& x, const std::string& op) const;
  /// Throws ValueError if w or b is no longer finite after `epoch` (counted from 1).
  void check_finite(int epoch, const std::string& who) const;

  std::vector<double> w_;     ///< weights, (features,); double, as scikit-learn computes
  double b_ = 0.0;            ///< bias
  std::vector<int> classes_;  ///< {negative, positive}
  int n_iter_ = 0;            ///< epochs run by the last fit()
  bool converged_ = false;    ///< stopped by the tolerance rule
};

/// scikit-learn's stopping rule for SGD: after each epoch, the loss summed over the samples
/// has "not improved" if it is above best_loss - tol * n_samples; stop after
/// n_iter_no_change such epochs in a row. A tol of -infinity never stops early.
class NoImprovementStop {
 public:
  /// The rule for a data set of n_samples rows.
  NoImprovementStop(double tol, int n_iter_no_change, std::size_t n_samples);
  /// Records one epoch's summed loss; returns true when training should stop.
  bool should_stop(double epoch_loss);

 private:
  double tol_;
  int patience_;
  double n_samples_;
  double best_loss_;
  int epochs_without_improvement_ = 0;
};

}  // namespace nn
