#include "exercises/05_functional_subclass/weighted_loss.h"

#include <stdexcept>

namespace exercises {

double weighted_mse(const std::vector<nn::Tensor>& y_true, const std::vector<nn::Tensor>& y_pred,
                    const std::vector<double>& loss_weights) {
  // TODO: check the counts and shapes, compute each output's mean squared error, and add
  // them up, each times its weight (1 when no weights are given).
  (void)y_true;
  (void)y_pred;
  (void)loss_weights;
  return 0.0;
}

}  // namespace exercises
