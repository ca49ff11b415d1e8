#include "lib/random.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace nn {

float Rng::uniform(float low, float high) {
  // 24 random bits give every float in [0, 1) that has a fixed step of 2^-24.
  const float unit = static_cast<float>(engine_() >> 40) * (1.0f / 16777216.0f);
  return low + (high - low) * unit;
}

float Rng::normal(float mean, float stddev) {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return mean + stddev * spare_normal_;
  }
  // Box-Muller: two uniforms give two independent standard normals; keep one for later.
  double u1 = 0.0;
  while (u1 <= 0.0) u1 = static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0);
  const double u2 = static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0);
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * M_PI * u2;
  spare_normal_ = static_cast<float>(radius * std::sin(angle));
  has_spare_normal_ = true;
  return mean + stddev * static_cast<float>(radius * std::cos(angle));
}

Tensor Rng::normal_tensor(std::size_t rows, std::size_t cols, float mean, float stddev) {
  Tensor t = Tensor::from_shape({rows, cols});
  for (float& v : t) v = normal(mean, stddev);
  return t;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Reject the top sliver of the range that would make small values more likely.
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t draw = engine_();
  while (draw >= limit) draw = engine_();
  return draw % n;
}

std::vector<std::size_t> Rng::permutation(std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(below(i));
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

}  // namespace nn
