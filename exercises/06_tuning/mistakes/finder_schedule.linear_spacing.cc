// Mistake: spaces the rates evenly instead of geometrically, so most of them are near max_lr.
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
  return std::pow(max_lr / min_lr, 1.0 / (steps - 1));
}

std::vector<double> finder_rates(double min_lr, double max_lr, int steps) {
  check(min_lr, max_lr, steps);
  // log η_i runs in a straight line from log min_lr to log max_lr.
  const double span = std::log(max_lr / min_lr);
  std::vector<double> rates;
  (void)span;
  for (int i = 0; i < steps; ++i) rates.push_back(min_lr + (max_lr - min_lr) * i / (steps - 1));
  return rates;
}

}  // namespace exercises
