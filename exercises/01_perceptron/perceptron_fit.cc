#include "exercises/01_perceptron/perceptron_fit.h"

#include <limits>
#include <stdexcept>

namespace exercises {

PerceptronFit perceptron_fit(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                             double eta, int max_iter, double tol, int n_iter_no_change) {
  PerceptronFit fit;
  // TODO: check the inputs; then run epochs over the rows in order, updating w and b on
  // every mistake (t * p <= 0), summing the loss max(0, -t * p), and stop by the rule.
  (void)x;
  (void)y;
  (void)eta;
  (void)max_iter;
  (void)tol;
  (void)n_iter_no_change;
  return fit;
}

}  // namespace exercises
