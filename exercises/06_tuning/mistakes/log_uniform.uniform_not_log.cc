// Mistake: draws uniformly between low and high, so small rates are almost never tried.
#include "exercises/06_tuning/log_uniform.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace exercises {

double log_uniform(double u, double low, double high) {
  if (!(low > 0.0 && high > low)) {
    throw std::invalid_argument("log_uniform: needs 0 < low < high, got [" + std::to_string(low) +
                                ", " + std::to_string(high) + ")");
  }
  if (!(u >= 0.0 && u < 1.0)) {
    throw std::invalid_argument("log_uniform: u must be in [0, 1), got " + std::to_string(u));
  }
  return low + u * (high - low);
}

std::vector<double> sample_log_uniform(nn::Rng& rng, int n, double low, double high) {
  std::vector<double> draws;
  for (int i = 0; i < n; ++i) draws.push_back(log_uniform(rng.uniform(), low, high));
  return draws;
}

}  // namespace exercises
