#pragma once
// Holding data back: a seeded shuffle of the rows, cut into a training set and a test set
// (and, for tuning, a validation set). The same seed gives the same split on every machine.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// Row numbers of a split, each set in shuffled order.
struct SplitIndices {
  std::vector<std::size_t> train;       ///< rows to learn from
  std::vector<std::size_t> validation;  ///< rows to tune on (empty for a two-way split)
  std::vector<std::size_t> test;        ///< rows held back until the end
};

/// A two-way split of features and targets (Labels for classes, Tensor for regression).
template <class Y>
struct Split {
  Tensor x_train;  ///< (n_train, features)
  Y y_train;       ///< (n_train,) labels or (n_train, outputs) targets
  Tensor x_test;   ///< (n_test, features)
  Y y_test;        ///< (n_test,) or (n_test, outputs)
};

/// A three-way split: training, validation and test sets.
template <class Y>
struct ThreeWaySplit {
  Tensor x_train;       ///< (n_train, features)
  Y y_train;            ///< (n_train,) or (n_train, outputs)
  Tensor x_validation;  ///< (n_validation, features)
  Y y_validation;       ///< (n_validation,) or (n_validation, outputs)
  Tensor x_test;        ///< (n_test, features)
  Y y_test;             ///< (n_test,) or (n_test, outputs)
};

/// Shuffles 0..n-1 with Rng(seed) and cuts it: the test set takes ceil(test_size * n) rows,
/// the training set the rest (as scikit-learn counts). Throws ValueError unless
/// 0 < test_size < 1 and both sets get at least one row.
SplitIndices train_test_indices(std::size_t n, double test_size, std::uint64_t seed);

/// Three sets from one shuffle: ceil(test_size * n) test rows, then
/// ceil(validation_size * n) validation rows, the rest for training. Throws ValueError
/// unless every set gets at least one row.
SplitIndices train_validation_test_indices(std::size_t n, double validation_size, double test_size,
                                           std::uint64_t seed);

/// The chosen rows of x, in the order given: (rows.size(), features).
Tensor take_rows(const Tensor& x, const std::vector<std::size_t>& rows);
/// The chosen labels, in the order given: (rows.size(),).
Labels take_rows(const Labels& y, const std::vector<std::size_t>& rows);

/// train_test_indices() applied to x (n, features) and labels y (n,).
Split<Labels> train_test_split(const Tensor& x, const Labels& y, double test_size,
                               std::uint64_t seed);
/// train_test_indices() applied to x (n, features) and targets y (n, outputs).
Split<Tensor> train_test_split(const Tensor& x, const Tensor& y, double test_size,
                               std::uint64_t seed);

/// How train_test_split() of several arrays cuts: SplitOptions{.test_size = 0.2, .seed = 42}.
struct SplitOptions {
  double test_size = 0.25;  ///< the fraction held back (scikit-learn's default)
  std::uint64_t seed = 0;   ///< the shuffle's seed
};

namespace detail {

/// What train_test_split() can cut: a Tensor (n, features) or Labels (n,).
template <class T>
concept Splittable = std::same_as<T, Tensor> || std::same_as<T, Labels>;

/// Whether Args is one or more Splittables, then a SplitOptions.
template <class... Args>
constexpr bool arrays_then_options() {
  constexpr std::size_t n = sizeof...(Args);
  if constexpr (n < 2) {
    return false;
  } else {
    using All = std::tuple<Args...>;
    return std::same_as<std::tuple_element_t<n - 1, All>, SplitOptions>&&[]<std::size_t... I>(
        std::index_sequence<I...>) {
      return (Splittable<std::tuple_element_t<I, All>> && ...);
    }
    (std::make_index_sequence<n - 1>());
  }
}

/// ValueError naming the first array (by its argument index) whose row count differs from
/// array 0's, and both counts.
void check_same_rows(const std::vector<std::size_t>& rows);

}  // namespace detail

/// train_test_indices() applied to every array at once, so row i of each goes to the same set,
/// as scikit-learn's train_test_split(*arrays): tensors (n, ...) and labels (n,) in any mix,
/// then the options. Returns a tuple in scikit-learn's order, train then test per array:
///
///   auto [x_train, x_test, y_train, y_test, w_train, w_test] =
///       nn::train_test_split(x, y, w, nn::SplitOptions{.test_size = 0.2, .seed = 42});
///
/// Throws ValueError if the arrays differ in rows (naming the argument and both counts), or
/// as train_test_indices() does.
template <class... Args>
requires(detail::arrays_then_options<Args...>()) auto train_test_split(const Args&... args) {
  constexpr std::size_t n = sizeof...(Args) - 1;  // arrays, then the options
  const auto all = std::tie(args...);
  const SplitOptions& options = std::get<n>(all);
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    detail::check_same_rows({std::get<I>(all).shape()[0]...});
    const SplitIndices at =
        train_test_indices(std::get<0>(all).shape()[0], options.test_size, options.seed);
    return std::tuple_cat(std::make_tuple(take_rows(std::get<I>(all), at.train),
                                          take_rows(std::get<I>(all), at.test))...);
  }
  (std::make_index_sequence<n>());
}

/// train_validation_test_indices() applied to x (n, features) and labels y (n,).
ThreeWaySplit<Labels> train_validation_test_split(const Tensor& x, const Labels& y,
                                                  double validation_size, double test_size,
                                                  std::uint64_t seed);
/// train_validation_test_indices() applied to x (n, features) and targets y (n, outputs).
ThreeWaySplit<Tensor> train_validation_test_split(const Tensor& x, const Tensor& y,
                                                  double validation_size, double test_size,
                                                  std::uint64_t seed);

}  // namespace nn
