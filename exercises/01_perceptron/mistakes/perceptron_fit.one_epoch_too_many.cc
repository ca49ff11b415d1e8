// Mistake: stops when the count exceeds n_iter_no_change (>), one epoch later than scikit-learn.
#include "exercises/01_perceptron/perceptron_fit.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace exercises {

PerceptronFit perceptron_fit(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                             double eta, int max_iter, double tol, int n_iter_no_change) {
  if (x.empty()) throw std::invalid_argument("perceptron_fit: no rows");
  if (x.size() != y.size()) throw std::invalid_argument("perceptron_fit: x and y differ in length");
  const std::size_t k = x[0].size();
  for (const auto& row : x) {
    if (row.size() != k) throw std::invalid_argument("perceptron_fit: rows of different lengths");
  }
  for (int label : y) {
    if (label != 0 && label != 1) throw std::invalid_argument("perceptron_fit: label not 0 or 1");
  }

  PerceptronFit fit{std::vector<double>(k, 0.0), 0.0, 0};
  double best = std::numeric_limits<double>::infinity();
  int no_improvement = 0;
  while (fit.epochs < max_iter) {
    ++fit.epochs;
    double total = 0.0;
    for (std::size_t row = 0; row < x.size(); ++row) {
      const double t = y[row] == 1 ? 1.0 : -1.0;
      double p = fit.b;
      for (std::size_t i = 0; i < k; ++i) p += fit.w[i] * x[row][i];
      total += std::max(0.0, -t * p);
      if (t * p <= 0.0) {
        for (std::size_t i = 0; i < k; ++i) fit.w[i] += eta * t * x[row][i];
        fit.b += eta * t;
      }
    }
    no_improvement = total > best - tol * static_cast<double>(x.size()) ? no_improvement + 1 : 0;
    best = std::min(best, total);
    if (no_improvement > n_iter_no_change) break;
  }
  return fit;
}

}  // namespace exercises
