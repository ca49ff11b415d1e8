// Mistake: scales the labels of every bounded target, even those inside the activation's range.
#include "exercises/03_regression_mlp/regression_head.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace exercises {

namespace {

// The median, as NumPy's: the mean of the two middle values for an even count.
double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size(), half = n / 2;
  return n % 2 == 1 ? values[half] : 0.5 * (values[half - 1] + values[half]);
}

}  // namespace

double outlier_score(const nn::Tensor& y) {
  if (y.size() == 0) return 0.0;
  const std::vector<double> labels(y.begin(), y.end());
  const double m = median(labels);
  std::vector<double> deviations;
  for (double label : labels) deviations.push_back(std::abs(label - m));
  const double mad = median(deviations);
  const double worst = *std::max_element(deviations.begin(), deviations.end());
  if (worst == 0.0) return 0.0;
  if (mad == 0.0) return std::numeric_limits<double>::infinity();
  return worst / mad;
}

RegressionHead choose_head(const nn::Tensor& y_train, const TargetFacts& facts) {
  RegressionHead head;
  if (facts.bounded) {
    head.activation = facts.low < 0.0 ? "tanh" : "sigmoid";
    const double range_low = head.activation == "tanh" ? -1.0 : 0.0;
    (void)range_low;
    head.scale_labels = true;
  } else {
    head.activation = facts.never_negative ? "softplus" : "linear";
  }
  head.loss = outlier_score(y_train) > 10.0 ? "huber" : "mse";
  return head;
}

}  // namespace exercises
