#pragma once
// Holding data back: a seeded shuffle of the rows, cut into a training set and a test set
// (and, for tuning, a validation set). The same seed gives the same split on every machine.

#include <cstddef>
#include <cstdint>
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

/// train_validation_test_indices() applied to x (n, features) and labels y (n,).
ThreeWaySplit<Labels> train_validation_test_split(const Tensor& x, const Labels& y,
                                                  double validation_size, double test_size,
                                                  std::uint64_t seed);
/// train_validation_test_indices() applied to x (n, features) and targets y (n, outputs).
ThreeWaySplit<Tensor> train_validation_test_split(const Tensor& x, const Tensor& y,
                                                  double validation_size, double test_size,
                                                  std::uint64_t seed);

}  // namespace nn
