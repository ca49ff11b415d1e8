#include "lib/linear/linear_classifier.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {

void LinearClassifier::check_features(const Tensor& x, const std::string& op) const {
  if (classes_.empty()) throw ValueError(op + ": call fit() first");
  if (x.shape()[1] != w_.size()) {
    throw ShapeError(op + ": x has shape " + shape_string(x) + " but the model has " +
                     count_of(w_.size(), "weight"));
  }
}

double LinearClassifier::raw_score(const Tensor& x, std::size_t row) const {
  double dot = 0.0;  // w·x, summed in feature order, then + b (as scikit-learn does)
  for (std::size_t j = 0; j < w_.size(); ++j) dot += w_[j] * static_cast<double>(x(row, j));
  return dot + b_;
}

Vector LinearClassifier::decision_function(const Tensor& x) const {
  check_features(x, "decision_function");
  Vector scores = Vector::from_shape({x.shape()[0]});  // (n,)
  for (std::size_t i = 0; i < x.shape()[0]; ++i) scores(i) = static_cast<float>(raw_score(x, i));
  return scores;
}

Labels LinearClassifier::predict(const Tensor& x) const {
  check_features(x, "predict");
  Labels y = Labels::from_shape({x.shape()[0]});  // (n,)
  for (std::size_t i = 0; i < x.shape()[0]; ++i) y(i) = classes_[raw_score(x, i) > 0.0 ? 1 : 0];
  return y;
}

double LinearClassifier::score(const Tensor& x, const Labels& y) const {
  const Labels predicted = predict(x);  // (n,)
  if (predicted.size() != y.size()) {
    throw ShapeError("score: x has shape " + shape_string(x) + " but y has shape " +
                     shape_string(y));
  }
  std::size_t right = 0;
  for (std::size_t i = 0; i < y.size(); ++i) right += predicted(i) == y(i);
  return y.size() == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(y.size());
}

Vector LinearClassifier::coef() const {
  Vector w = Vector::from_shape({w_.size()});  // (features,)
  std::copy(w_.begin(), w_.end(), w.begin());
  return w;
}

std::vector<double> LinearClassifier::start_fit(const Tensor& x, const Labels& y,
                                                const std::string& who) {
  if (x.shape()[0] != y.size() || y.size() == 0) {
    throw ShapeError(who + ".fit: x has shape " + shape_string(x) + " but y has shape " +
                     shape_string(y));
  }
  std::vector<int> classes(y.begin(), y.end());
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  if (classes.size() != 2) {
    std::string found;
    for (int c : classes) found += (found.empty() ? "" : ", ") + std::to_string(c);
    throw ValueError(who + ".fit: needs exactly two classes in y, got " +
                     std::to_string(classes.size()) + " (" + found + ")");
  }
  classes_ = classes;
  w_.assign(x.shape()[1], 0.0);
  b_ = 0.0;
  n_iter_ = 0;
  converged_ = false;
  std::vector<double> targets(y.size());  // +1 for the positive class, -1 for the other
  for (std::size_t i = 0; i < y.size(); ++i) targets[i] = y(i) == classes_[1] ? 1.0 : -1.0;
  return targets;
}

void LinearClassifier::check_finite(int epoch, const std::string& who) const {
  bool finite = std::isfinite(b_);
  for (double w : w_) finite = finite && std::isfinite(w);
  if (!finite) {
    throw ValueError(who + ".fit: the weights overflowed in epoch " + std::to_string(epoch) +
                     "; scale the inputs or lower eta0");
  }
}

NoImprovementStop::NoImprovementStop(double tol, int n_iter_no_change, std::size_t n_samples)
    : tol_(tol),
      patience_(n_iter_no_change),
      n_samples_(static_cast<double>(n_samples)),
      best_loss_(std::numeric_limits<double>::infinity()) {}

bool NoImprovementStop::should_stop(double epoch_loss) {
  const bool stalled = tol_ > -std::numeric_limits<double>::infinity() &&
                       epoch_loss > best_loss_ - tol_ * n_samples_;
  epochs_without_improvement_ = stalled ? epochs_without_improvement_ + 1 : 0;
  best_loss_ = std::min(best_loss_, epoch_loss);
  return epochs_without_improvement_ >= patience_;
}

}  // namespace nn
