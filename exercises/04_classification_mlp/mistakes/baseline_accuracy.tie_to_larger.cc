// Mistake: a tie goes to the larger class number (>= instead of >)
#include "exercises/04_classification_mlp/baseline_accuracy.h"

#include <string>
#include <vector>

namespace exercises {

namespace {

// The share of each class among the labels: (classes,).
std::vector<double> frequencies(const nn::Labels& y, std::size_t classes) {
  if (y.size() == 0) throw std::invalid_argument("baseline: no labels");
  std::vector<double> share(classes, 0.0);
  for (int label : y) {
    if (label < 0 || static_cast<std::size_t>(label) >= classes) {
      throw std::invalid_argument("baseline: label " + std::to_string(label) + " is not in [0, " +
                                  std::to_string(classes) + ")");
    }
    share[label] += 1.0 / static_cast<double>(y.size());
  }
  return share;
}

}  // namespace

int majority_class(const nn::Labels& y_train, std::size_t classes) {
  const std::vector<double> q = frequencies(y_train, classes);
  std::size_t best = 0;
  for (std::size_t c = 1; c < classes; ++c) {
    if (q[c] >= q[best] - 1e-12) best = c;  // strictly more: a tie keeps the smaller class
  }
  return static_cast<int>(best);
}

double majority_baseline(const nn::Labels& y_train, const nn::Labels& y_test, std::size_t classes) {
  return frequencies(y_test, classes)[majority_class(y_train, classes)];
}

double frequency_baseline(const nn::Labels& y_train, const nn::Labels& y_test,
                          std::size_t classes) {
  const std::vector<double> q = frequencies(y_train, classes), p = frequencies(y_test, classes);
  double agree = 0.0;
  for (std::size_t c = 0; c < classes; ++c) agree += q[c] * p[c];
  return agree;
}

}  // namespace exercises
