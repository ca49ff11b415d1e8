// Mistake: the last, smaller batch is not counted
#include "exercises/06_tuning/batch_size_rate.h"

#include <cmath>

namespace exercises {

std::size_t steps_per_epoch(std::size_t rows, std::size_t batch_size) {
  if (batch_size == 0) throw std::invalid_argument("steps_per_epoch: a batch size of 0");
  return rows / batch_size;
}

double scaled_learning_rate(double base_rate, std::size_t base_batch, std::size_t batch,
                            const std::string& rule) {
  if (!(base_rate > 0) || base_batch == 0 || batch == 0) {
    throw std::invalid_argument("scaled_learning_rate: the rate and both batch sizes must be > 0");
  }
  const double k = static_cast<double>(batch) / static_cast<double>(base_batch);
  if (rule == "linear") return base_rate * k;
  if (rule == "sqrt") return base_rate * std::sqrt(k);
  throw std::invalid_argument("scaled_learning_rate: unknown rule '" + rule +
                              "' (known: linear, sqrt)");
}

}  // namespace exercises
