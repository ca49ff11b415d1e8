// Mistake: the sigmoid unit learns only from examples it gets wrong, like the perceptron
#include "exercises/01_perceptron/perceptron_to_logistic.h"

#include <cmath>

namespace exercises {

void online_update(LinearUnit& unit, const std::vector<double>& x, int y, double eta,
                   const std::string& activation) {
  if (x.size() != unit.w.size()) {
    throw std::invalid_argument("online_update: " + std::to_string(x.size()) + " features for " +
                                std::to_string(unit.w.size()) + " weights");
  }
  double z = unit.b;
  for (std::size_t j = 0; j < x.size(); ++j) z += unit.w[j] * x[j];
  double y_hat;
  if (activation == "step") {
    y_hat = z >= 0 ? 1.0 : 0.0;
  } else if (activation == "sigmoid") {
    y_hat = z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
  } else {
    throw std::invalid_argument("online_update: unknown activation '" + activation +
                                "' (known: step, sigmoid)");
  }
  const double error = ((y_hat >= 0.5) == (y == 1)) ? 0.0 : y - y_hat;
  for (std::size_t j = 0; j < x.size(); ++j) unit.w[j] += eta * error * x[j];
  unit.b += eta * error;
}

std::vector<LinearUnit> train_online(const std::vector<std::vector<double>>& x,
                                     const std::vector<int>& y, double eta, int epochs,
                                     const std::string& activation) {
  if (x.size() != y.size()) {
    throw std::invalid_argument("train_online: " + std::to_string(x.size()) + " rows, " +
                                std::to_string(y.size()) + " labels");
  }
  LinearUnit unit{std::vector<double>(x.empty() ? 0 : x[0].size(), 0.0), 0.0};
  std::vector<LinearUnit> after;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (std::size_t i = 0; i < x.size(); ++i) online_update(unit, x[i], y[i], eta, activation);
    after.push_back(unit);
  }
  return after;
}

}  // namespace exercises
