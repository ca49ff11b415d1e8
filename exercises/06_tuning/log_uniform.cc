#include "exercises/06_tuning/log_uniform.h"

#include <stdexcept>

namespace exercises {

double log_uniform(double u, double low, double high) {
  // TODO: check the arguments, then return exp(log(low) + u * (log(high) - log(low))).
  (void)u;
  (void)high;
  return low;
}

std::vector<double> sample_log_uniform(nn::Rng& rng, int n, double low, double high) {
  // TODO: n times, draw u = rng.uniform() and keep log_uniform(u, low, high).
  (void)rng;
  (void)n;
  (void)low;
  (void)high;
  return {};
}

}  // namespace exercises
