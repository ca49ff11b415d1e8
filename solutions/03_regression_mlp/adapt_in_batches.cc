// Reference solution of exercise 3.8.
#include "exercises/03_regression_mlp/adapt_in_batches.h"

#include <algorithm>
#include <string>
#include <vector>

namespace exercises {

void update(RunningMoments& stats, const nn::Tensor& batch) {
  const std::size_t rows = batch.shape(0), features = batch.shape(1);
  if (rows == 0) throw std::invalid_argument("update: an empty batch");
  if (stats.count > 0 && stats.mean.shape(1) != features) {
    throw nn::ShapeError("update: a batch " + nn::shape_string(batch) + " for statistics of " +
                         std::to_string(stats.mean.shape(1)) + " features");
  }
  const double n_b = static_cast<double>(rows), n_a = stats.count, n = n_a + n_b;
  nn::Tensor mean = nn::Tensor::from_shape({1, features});
  nn::Tensor variance = nn::Tensor::from_shape({1, features});
  for (std::size_t j = 0; j < features; ++j) {
    double sum = 0.0;
    for (std::size_t i = 0; i < rows; ++i) sum += batch(i, j);
    const double mean_b = sum / n_b;
    double squares = 0.0;
    for (std::size_t i = 0; i < rows; ++i)
      squares += (batch(i, j) - mean_b) * (batch(i, j) - mean_b);
    const double var_b = squares / n_b;
    if (n_a == 0) {
      mean(0, j) = static_cast<float>(mean_b);
      variance(0, j) = static_cast<float>(var_b);
      continue;
    }
    const double mean_a = stats.mean(0, j), var_a = stats.variance(0, j);
    const double merged = (n_a * mean_a + n_b * mean_b) / n;
    const double spread = n_a / n * (var_a + (mean_a - merged) * (mean_a - merged)) +
                          n_b / n * (var_b + (mean_b - merged) * (mean_b - merged));
    mean(0, j) = static_cast<float>(merged);
    variance(0, j) = static_cast<float>(spread);
  }
  stats.mean = std::move(mean);
  stats.variance = std::move(variance);
  stats.count = n;
}

RunningMoments adapt_in_batches(const nn::Tensor& x, std::size_t batch_size) {
  if (batch_size == 0) throw std::invalid_argument("adapt_in_batches: a batch size of 0");
  RunningMoments stats;
  for (std::size_t start = 0; start < x.shape(0); start += batch_size) {
    const std::size_t end = std::min(x.shape(0), start + batch_size);
    nn::Tensor batch = nn::Tensor::from_shape({end - start, x.shape(1)});
    for (std::size_t i = start; i < end; ++i) {
      for (std::size_t j = 0; j < x.shape(1); ++j) batch(i - start, j) = x(i, j);
    }
    update(stats, batch);
  }
  return stats;
}

}  // namespace exercises
