#include "lib/linear/perceptron.h"

#include <cmath>
#include <numeric>

#include "lib/random.h"

namespace nn {

Perceptron& Perceptron::fit(const Tensor& x, const Labels& y) {
  const std::vector<double> targets = start_fit(x, y, "Perceptron");  // +1 or -1
  const std::size_t n = x.shape()[0], features = x.shape()[1];
  Rng rng(options_.random_state);
  NoImprovementStop stop(options_.tol, options_.n_iter_no_change, n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});

  for (int epoch = 1; epoch <= options_.max_iter; ++epoch) {
    if (options_.shuffle) order = rng.permutation(n);
    double epoch_loss = 0.0;  // how far the mistakes lie on the wrong side, summed
    // book:begin perceptron_rule
    for (std::size_t i : order) {
      // The threshold logic unit: fire (ŷ = 1) when w·x + b > 0.
      const double z = raw_score(x, i);
      const int wanted = targets[i] > 0 ? 1 : 0;
      const int fired = z > 0.0 ? 1 : 0;
      int error = wanted - fired;            // +1, -1, or 0 when right
      if (z == 0.0) error = 2 * wanted - 1;  // on the boundary: wrong for either class
      if (error == 0) continue;
      epoch_loss += std::abs(z);
      // The perceptron rule: move the boundary towards the side this row belongs to.
      const double step = options_.eta0 * error;
      for (std::size_t j = 0; j < features; ++j) w_[j] += step * static_cast<double>(x(i, j));
      b_ += step;
    }
    // book:end perceptron_rule
    n_iter_ = epoch;
    check_finite(epoch, "Perceptron");
    if (stop.should_stop(epoch_loss)) {
      converged_ = true;
      break;
    }
  }
  return *this;
}

}  // namespace nn
