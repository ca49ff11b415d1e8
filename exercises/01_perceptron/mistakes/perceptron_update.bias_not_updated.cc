// Mistake: the weights learn but the bias is left where it was.
#include "exercises/01_perceptron/perceptron_update.h"

#include <stdexcept>
#include <string>

namespace exercises {

bool perceptron_update(std::vector<float>& w, float& b, const std::vector<float>& x, int y,
                       float eta) {
  if (w.size() != x.size()) {
    throw std::invalid_argument("perceptron_update: " + std::to_string(w.size()) + " weights for " +
                                std::to_string(x.size()) + " inputs");
  }
  if (y != 0 && y != 1) {
    throw std::invalid_argument("perceptron_update: label " + std::to_string(y) +
                                " is neither 0 nor 1");
  }
  float z = b;
  for (std::size_t i = 0; i < w.size(); ++i) z += w[i] * x[i];
  const int y_hat = z >= 0.0f ? 1 : 0;
  const int error = y - y_hat;
  if (error == 0) return false;
  for (std::size_t i = 0; i < w.size(); ++i) w[i] += eta * error * x[i];

  return true;
}

}  // namespace exercises
