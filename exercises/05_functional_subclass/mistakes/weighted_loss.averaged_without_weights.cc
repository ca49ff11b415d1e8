// Mistake: with no weights, averages the losses instead of summing them as Keras does.
#include "exercises/05_functional_subclass/weighted_loss.h"

#include <stdexcept>
#include <string>

namespace exercises {

double weighted_mse(const std::vector<nn::Tensor>& y_true, const std::vector<nn::Tensor>& y_pred,
                    const std::vector<double>& loss_weights) {
  const std::size_t outputs = y_pred.size();
  if (y_true.size() != outputs || (!loss_weights.empty() && loss_weights.size() != outputs)) {
    throw std::invalid_argument("weighted_mse: " + std::to_string(y_true.size()) + " targets, " +
                                std::to_string(outputs) + " predictions and " +
                                std::to_string(loss_weights.size()) + " weights");
  }
  double total = 0.0;
  for (std::size_t k = 0; k < outputs; ++k) {
    if (y_true[k].shape() != y_pred[k].shape()) {
      throw std::invalid_argument("weighted_mse: output " + std::to_string(k) + ": targets " +
                                  nn::shape_string(y_true[k]) + " but predictions " +
                                  nn::shape_string(y_pred[k]));
    }
    double sum = 0.0;  // Σ (ŷ − y)² over the rows and columns of output k
    for (std::size_t i = 0; i < y_pred[k].size(); ++i) {
      const double e = double(y_pred[k].data()[i]) - double(y_true[k].data()[i]);
      sum += e * e;
    }
    const double mse = sum / static_cast<double>(y_pred[k].size());
    total += (loss_weights.empty() ? 1.0 / static_cast<double>(outputs) : loss_weights[k]) * mse;
  }
  return total;
}

}  // namespace exercises
