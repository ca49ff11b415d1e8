#include "exercises/01_perceptron/perceptron_as_sgd.h"

#include <algorithm>

namespace exercises {

double perceptron_loss(double p, int t) { return std::max(0.0, -t * p); }

double perceptron_loss_gradient(double p, int t) { return t * p <= 0.0 ? -t : 0.0; }

nn::SgdOptions perceptron_as_sgd(std::uint64_t seed) {
  nn::SgdOptions options;
  options.loss = "perceptron";
  options.learning_rate = "constant";
  options.eta0 = 1.0;   // the perceptron's learning rate
  options.alpha = 0.0;  // no penalty
  options.random_state = seed;
  return options;
}

}  // namespace exercises
