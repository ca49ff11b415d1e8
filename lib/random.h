#pragma once
// Seeded random numbers with the same bits on every machine. The C++ standard fixes the
// Mersenne Twister engine but not its distributions, so the distributions are written here.

#include <cstdint>
#include <random>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// A random source: every random choice in the book takes one, made from an explicit seed.
class Rng {
 public:
  /// Starts the stream from `seed`; the same seed gives the same numbers everywhere.
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  /// Uniform float in [low, high).
  float uniform(float low = 0.0f, float high = 1.0f);
  /// Normal float with the given mean and standard deviation (Box-Muller).
  float normal(float mean = 0.0f, float stddev = 1.0f);
  /// Uniform integer in [0, n), without modulo bias. Requires n > 0.
  std::uint64_t below(std::uint64_t n);
  /// A (rows, cols) tensor of normal floats, drawn row by row.
  Tensor normal_tensor(std::size_t rows, std::size_t cols, float mean = 0.0f, float stddev = 1.0f);
  /// A random permutation of 0, 1, ..., n - 1 (Fisher-Yates).
  std::vector<std::size_t> permutation(std::size_t n);
  /// A new seed drawn from this stream, to give a child (a trial, a layer) its own stream.
  std::uint64_t split() { return engine_(); }

 private:
  std::mt19937_64 engine_;
  bool has_spare_normal_ = false;
  float spare_normal_ = 0.0f;
};

}  // namespace nn
