#include "lib/tuning/lr_rule.h"

#include <cmath>
#include <string>

#include "lib/callbacks/lr_finder.h"
#include "lib/error.h"
#include "lib/text.h"

namespace nn::tuning {

LearningRatePick pick_learning_rate(const std::vector<double>& rates,
                                    const std::vector<double>& losses, double divisor,
                                    double beta) {
  if (rates.size() != losses.size()) {
    throw ValueError("pick_learning_rate: " + std::to_string(rates.size()) + " rates but " +
                     count_of(losses.size(), "loss", "losses"));
  }
  if (!(divisor > 0.0)) throw ValueError("pick_learning_rate: divisor must be > 0");
  LearningRatePick pick;
  pick.smoothed = smooth_losses(losses, beta);
  bool found = false;
  for (std::size_t i = 0; i < pick.smoothed.size(); ++i) {
    const double loss = pick.smoothed[i];
    if (!std::isfinite(loss) || (found && loss >= pick.min_loss)) continue;
    found = true;
    pick.index = i;
    pick.min_loss = loss;
  }
  if (!found) throw ValueError("pick_learning_rate: no finite loss in the curve");
  pick.min_loss_rate = rates[pick.index];
  pick.rate = pick.min_loss_rate / divisor;
  return pick;
}

}  // namespace nn::tuning
