// Mistake: returns the rate at the minimum of the loss itself, not divided by the divisor.
#include "exercises/06_tuning/pick_rate.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace exercises {

std::vector<double> smooth(const std::vector<double>& losses, double beta) {
  if (!(beta >= 0.0 && beta < 1.0)) throw std::invalid_argument("smooth: beta must be in [0, 1)");
  std::vector<double> smoothed;
  double average = 0.0, beta_k = 1.0;  // beta_k = β^k
  for (double loss : losses) {
    if (std::isnan(loss)) {
      smoothed.push_back(loss);
      continue;
    }
    average = beta * average + (1.0 - beta) * loss;
    beta_k *= beta;
    smoothed.push_back(average / (1.0 - beta_k));
  }
  return smoothed;
}

double pick_rate(const std::vector<double>& rates, const std::vector<double>& losses, double beta,
                 double divisor) {
  if (rates.size() != losses.size()) {
    throw std::invalid_argument("pick_rate: the rates and the losses differ in length");
  }
  if (!(divisor > 0.0)) throw std::invalid_argument("pick_rate: the divisor must be positive");
  const std::vector<double> smoothed = smooth(losses, beta);
  std::size_t best = smoothed.size();
  for (std::size_t i = 0; i < smoothed.size(); ++i) {
    if (std::isnan(smoothed[i])) continue;
    if (best == smoothed.size() || smoothed[i] < smoothed[best]) best = i;
  }
  if (best == smoothed.size()) throw std::invalid_argument("pick_rate: no loss to read");
  return rates[best];
}

}  // namespace exercises
