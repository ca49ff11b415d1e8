#include "exercises/06_tuning/finder_schedule.h"

#include <stdexcept>

namespace exercises {

double finder_factor(double min_lr, double max_lr, int steps) {
  // TODO: check the arguments, then return (max_lr / min_lr) to the power 1 / (steps - 1).
  (void)min_lr;
  (void)max_lr;
  (void)steps;
  return 1.0;
}

std::vector<double> finder_rates(double min_lr, double max_lr, int steps) {
  // TODO: check the arguments, then compute each rate min_lr * q^i from the formula.
  (void)min_lr;
  (void)max_lr;
  (void)steps;
  return {};
}

}  // namespace exercises
