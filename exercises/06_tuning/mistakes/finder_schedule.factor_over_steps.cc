// Mistake: takes the steps-th root of max/min, not the (steps - 1)-th: the last rate falls short.
#include "exercises/06_tuning/finder_schedule.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace exercises {
namespace {

void check(double min_lr, double max_lr, int steps) {
  if (!(min_lr > 0.0 && max_lr > min_lr) || steps < 2) {
    throw std::invalid_argument("finder schedule: needs 0 < min_lr < max_lr and steps >= 2, got " +
                                std::to_string(min_lr) + ", " + std::to_string(max_lr) + ", " +
                                std::to_string(steps));
  }
}

}  // namespace

double finder_factor(double min_lr, double max_lr, int steps) {
  check(min_lr, max_lr, steps);
  return std::pow(max_lr / min_lr, 1.0 / steps);
}

std::vector<double> finder_rates(double min_lr, double max_lr, int steps) {
  check(min_lr, max_lr, steps);
  // log η_i runs in a straight line from log min_lr to log max_lr.
  const double span = std::log(max_lr / min_lr);
  std::vector<double> rates;
  for (int i = 0; i < steps; ++i) rates.push_back(min_lr * std::exp(span * i / (steps - 1)));
  return rates;
}

}  // namespace exercises
