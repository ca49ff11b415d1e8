// Mistake: architecture b is scored on folds of another shuffle, so the pairs mean nothing
#include "exercises/05_functional_subclass/compare_architectures.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "lib/random.h"

namespace exercises {

namespace {

// The rows of t at `rows`, in that order: (rows.size(), t's columns).
nn::Tensor gather(const nn::Tensor& t, const std::vector<std::size_t>& rows) {
  nn::Tensor out = nn::Tensor::from_shape({rows.size(), t.shape(1)});
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < t.shape(1); ++c) out(r, c) = t(rows[r], c);
  }
  return out;
}

double validation_loss(const Builder& build, const nn::Tensor& x_train, const nn::Tensor& y_train,
                       const nn::Tensor& x_valid, const nn::Tensor& y_valid,
                       const nn::FitOptions& options) {
  std::unique_ptr<nn::Model> model = build();  // fresh: nothing learned on another fold
  model->fit(x_train, y_train, options);
  return model->evaluate(x_valid, y_valid, 32, 0).at("loss");
}

}  // namespace

std::vector<std::vector<std::size_t>> k_folds(std::size_t n, int k, std::uint64_t seed) {
  if (k < 2 || static_cast<std::size_t>(k) > n) {
    throw std::invalid_argument("k_folds: k = " + std::to_string(k) + " for " + std::to_string(n) +
                                " rows; need 2 <= k <= n");
  }
  const std::vector<std::size_t> p = nn::Rng(seed).permutation(n);
  std::vector<std::vector<std::size_t>> folds(k);
  const std::size_t parts = static_cast<std::size_t>(k);
  for (std::size_t i = 0; i < parts; ++i) {
    folds[i].assign(p.begin() + i * n / parts, p.begin() + (i + 1) * n / parts);
  }
  return folds;
}

Comparison compare(const Builder& build_a, const Builder& build_b, const nn::Tensor& x,
                   const nn::Tensor& y, int k, const nn::FitOptions& options, std::uint64_t seed) {
  const std::vector<std::vector<std::size_t>> folds = k_folds(x.shape(0), k, seed);
  Comparison result;
  for (std::size_t i = 0; i < folds.size(); ++i) {
    std::vector<std::size_t> train;
    for (std::size_t j = 0; j < folds.size(); ++j) {
      if (j != i) train.insert(train.end(), folds[j].begin(), folds[j].end());
    }
    const nn::Tensor x_train = gather(x, train), y_train = gather(y, train);
    const nn::Tensor x_valid = gather(x, folds[i]), y_valid = gather(y, folds[i]);
    result.a.push_back(validation_loss(build_a, x_train, y_train, x_valid, y_valid, options));
    const std::vector<std::vector<std::size_t>> other = k_folds(x.shape(0), k, seed + 1);
    std::vector<std::size_t> train_b;
    for (std::size_t j = 0; j < other.size(); ++j) {
      if (j != i) train_b.insert(train_b.end(), other[j].begin(), other[j].end());
    }
    result.b.push_back(validation_loss(build_b, gather(x, train_b), gather(y, train_b),
                                       gather(x, other[i]), gather(y, other[i]), options));
  }
  double sum = 0.0;
  for (int i = 0; i < k; ++i) sum += result.a[i] - result.b[i];
  result.mean_difference = sum / k;
  double squares = 0.0;
  for (int i = 0; i < k; ++i) {
    const double d = result.a[i] - result.b[i] - result.mean_difference;
    squares += d * d;
  }
  result.standard_error = std::sqrt(squares / (k - 1)) / std::sqrt(static_cast<double>(k));
  return result;
}

}  // namespace exercises
