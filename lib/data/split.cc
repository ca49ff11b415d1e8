#include "lib/data/split.h"

#include <cmath>
#include <string>

#include "lib/error.h"
#include "lib/random.h"
#include "lib/text.h"

namespace nn {
namespace {

// How many of n rows a fraction takes, rounded up; checks 0 < fraction < 1.
std::size_t rows_for(double fraction, std::size_t n, const char* name) {
  if (!(fraction > 0.0 && fraction < 1.0)) {
    throw ValueError(std::string(name) + " must be between 0 and 1 (exclusive), got " +
                     std::to_string(fraction));
  }
  return static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n)));
}

void check_rows(const Tensor& x, std::size_t y_rows, const char* op) {
  if (x.shape()[0] != y_rows) {
    throw ShapeError(std::string(op) + ": x has shape " + shape_string(x) + " but y has " +
                     count_of(y_rows, "row"));
  }
}

template <class Y>
Split<Y> split_two(const Tensor& x, const Y& y, double test_size, std::uint64_t seed) {
  check_rows(x, y.shape()[0], "train_test_split");
  const SplitIndices at = train_test_indices(x.shape()[0], test_size, seed);
  return {take_rows(x, at.train), take_rows(y, at.train), take_rows(x, at.test),
          take_rows(y, at.test)};
}

template <class Y>
ThreeWaySplit<Y> split_three(const Tensor& x, const Y& y, double validation_size, double test_size,
                             std::uint64_t seed) {
  check_rows(x, y.shape()[0], "train_validation_test_split");
  const SplitIndices at =
      train_validation_test_indices(x.shape()[0], validation_size, test_size, seed);
  return {take_rows(x, at.train),      take_rows(y, at.train), take_rows(x, at.validation),
          take_rows(y, at.validation), take_rows(x, at.test),  take_rows(y, at.test)};
}

}  // namespace

namespace detail {

void check_same_rows(const std::vector<std::size_t>& rows) {
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i] != rows[0]) {
      throw ValueError("train_test_split: array " + std::to_string(i) + " has " +
                       std::to_string(rows[i]) + " rows but array 0 has " +
                       std::to_string(rows[0]) + "; every array needs one row per sample");
    }
  }
}

}  // namespace detail

SplitIndices train_test_indices(std::size_t n, double test_size, std::uint64_t seed) {
  const std::size_t n_test = rows_for(test_size, n, "test_size");
  if (n_test >= n) {
    throw ValueError("train_test_split: " + count_of(n, "row") + " leave none to train on");
  }
  const std::vector<std::size_t> order = Rng(seed).permutation(n);
  SplitIndices split;
  split.test.assign(order.begin(), order.begin() + n_test);
  split.train.assign(order.begin() + n_test, order.end());
  return split;
}

SplitIndices train_validation_test_indices(std::size_t n, double validation_size, double test_size,
                                           std::uint64_t seed) {
  const std::size_t n_test = rows_for(test_size, n, "test_size");
  const std::size_t n_validation = rows_for(validation_size, n, "validation_size");
  if (n_test + n_validation >= n) {
    throw ValueError("train_validation_test_split: " + count_of(n, "row") +
                     " leave none to train on");
  }
  const std::vector<std::size_t> order = Rng(seed).permutation(n);
  const auto validation_begin = order.begin() + n_test;
  const auto train_begin = validation_begin + n_validation;
  SplitIndices split;
  split.test.assign(order.begin(), validation_begin);
  split.validation.assign(validation_begin, train_begin);
  split.train.assign(train_begin, order.end());
  return split;
}

Tensor take_rows(const Tensor& x, const std::vector<std::size_t>& rows) {
  const std::size_t features = x.shape()[1];
  Tensor out = Tensor::from_shape({rows.size(), features});  // (rows, features)
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < features; ++j) out(i, j) = x(rows[i], j);
  }
  return out;
}

Labels take_rows(const Labels& y, const std::vector<std::size_t>& rows) {
  Labels out = Labels::from_shape({rows.size()});  // (rows,)
  for (std::size_t i = 0; i < rows.size(); ++i) out(i) = y(rows[i]);
  return out;
}

Split<Labels> train_test_split(const Tensor& x, const Labels& y, double test_size,
                               std::uint64_t seed) {
  return split_two(x, y, test_size, seed);
}

Split<Tensor> train_test_split(const Tensor& x, const Tensor& y, double test_size,
                               std::uint64_t seed) {
  return split_two(x, y, test_size, seed);
}

ThreeWaySplit<Labels> train_validation_test_split(const Tensor& x, const Labels& y,
                                                  double validation_size, double test_size,
                                                  std::uint64_t seed) {
  return split_three(x, y, validation_size, test_size, seed);
}

ThreeWaySplit<Tensor> train_validation_test_split(const Tensor& x, const Tensor& y,
                                                  double validation_size, double test_size,
                                                  std::uint64_t seed) {
  return split_three(x, y, validation_size, test_size, seed);
}

}  // namespace nn
