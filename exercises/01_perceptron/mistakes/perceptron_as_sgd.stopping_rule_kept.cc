// Mistake: keeps the other run's stopping rule (max_iter, tol, n_iter_no_change).
#include "exercises/01_perceptron/perceptron_as_sgd.h"

#include <algorithm>

#include "lib/linear/perceptron.h"

namespace exercises {

double perceptron_loss(double p, int t) { return std::max(0.0, -t * p); }

double perceptron_loss_gradient(double p, int t) { return t * p <= 0.0 ? -t : 0.0; }

nn::SgdOptions perceptron_as_sgd(nn::SgdOptions options, std::uint64_t seed) {
  const nn::PerceptronOptions perceptron;  // scikit-learn's defaults
  options.loss = "perceptron";
  options.learning_rate = "constant";
  options.eta0 = perceptron.eta0;  // 1: the perceptron's learning rate
  options.alpha = 0.0;             // no penalty

  options.shuffle = perceptron.shuffle;

  options.random_state = seed;
  return options;
}

}  // namespace exercises
