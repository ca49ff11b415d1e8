#include "exercises/03_regression_mlp/adapt_in_batches.h"

namespace exercises {

void update(RunningMoments& stats, const nn::Tensor& batch) {
  // TODO: the batch's mean and population variance per feature (in double); if stats is
  // empty, take them; otherwise merge with the weights n_a / n and n_b / n, adding the
  // squared distances of both means from the new one.
  stats.mean = xt::zeros<float>({std::size_t{1}, batch.shape(1)});
  stats.variance = xt::ones<float>({std::size_t{1}, batch.shape(1)});
  stats.count += static_cast<double>(batch.shape(0));
}

RunningMoments adapt_in_batches(const nn::Tensor& x, std::size_t batch_size) {
  // TODO: cut x into batches of batch_size rows (the last one smaller) and update() with each.
  RunningMoments stats;
  (void)batch_size;
  update(stats, x);
  return stats;
}

}  // namespace exercises
