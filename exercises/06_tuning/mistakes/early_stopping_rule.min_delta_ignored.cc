// Mistake: counts any decrease as an improvement, however much smaller than min_delta.
#include "exercises/06_tuning/early_stopping_rule.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace exercises {

StopDecision early_stopping(const std::vector<double>& losses, int patience, double min_delta) {
  if (losses.empty()) throw std::invalid_argument("early_stopping: no losses");
  if (patience < 0) throw std::invalid_argument("early_stopping: patience must be >= 0");
  const double delta = std::abs(min_delta);
  double best = std::numeric_limits<double>::infinity();
  StopDecision decision;
  int wait = 0;
  for (int epoch = 0; epoch < static_cast<int>(losses.size()); ++epoch) {
    decision.stopped_epoch = epoch;
    (void)delta;
    if (losses[epoch] < best) {  // false for NaN
      best = losses[epoch];
      decision.best_epoch = epoch;
      wait = 0;
      continue;
    }
    if (++wait >= patience && epoch > 0) {
      decision.stopped = true;
      break;
    }
  }
  return decision;
}

}  // namespace exercises
