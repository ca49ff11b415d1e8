#include "exercises/05_functional_subclass/compare_architectures.h"

namespace exercises {

std::vector<std::vector<std::size_t>> k_folds(std::size_t n, int k, std::uint64_t seed) {
  // TODO: check 2 <= k <= n; p = nn::Rng(seed).permutation(n); fold i holds
  // p[i * n / k] .. p[(i + 1) * n / k - 1].
  (void)n;
  (void)seed;
  return std::vector<std::vector<std::size_t>>(k > 0 ? k : 0);
}

Comparison compare(const Builder& build_a, const Builder& build_b, const nn::Tensor& x,
                   const nn::Tensor& y, int k, const nn::FitOptions& options, std::uint64_t seed) {
  // TODO: for each fold: gather the training rows (the other folds) and the fold's rows;
  // for a then b, build a fresh model, fit, evaluate the loss on the fold. Then the mean
  // paired difference and its standard error.
  (void)build_a;
  (void)build_b;
  (void)x;
  (void)y;
  (void)k;
  (void)options;
  (void)seed;
  return {};
}

}  // namespace exercises
