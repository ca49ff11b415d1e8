#include "lib/data/split.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "lib/error.h"

namespace {

// x: (n, 2) with row i = (i, -i); y: (n,) with y[i] = i, so rows can be traced.
nn::Tensor rows_tensor(std::size_t n) {
  nn::Tensor x = nn::Tensor::from_shape({n, 2});
  for (std::size_t i = 0; i < n; ++i) {
    x(i, 0) = static_cast<float>(i);
    x(i, 1) = -static_cast<float>(i);
  }
  return x;
}

nn::Labels row_labels(std::size_t n) {
  nn::Labels y = nn::Labels::from_shape({n});
  for (std::size_t i = 0; i < n; ++i) y(i) = static_cast<int>(i);
  return y;
}

}  // namespace

TEST_CASE("train_test_indices: sizes as scikit-learn counts, every row once") {
  const nn::SplitIndices split = nn::train_test_indices(150, 0.2, 42);
  REQUIRE(split.test.size() == 30);
  REQUIRE(split.train.size() == 120);
  REQUIRE(split.validation.empty());
  std::vector<std::size_t> all = split.train;
  all.insert(all.end(), split.test.begin(), split.test.end());
  std::sort(all.begin(), all.end());
  for (std::size_t i = 0; i < all.size(); ++i) REQUIRE(all[i] == i);
  // ceil: 10 rows at 0.25 give 3 test rows.
  REQUIRE(nn::train_test_indices(10, 0.25, 0).test.size() == 3);
}

TEST_CASE("the same seed gives the same split, another seed another") {
  const nn::SplitIndices a = nn::train_test_indices(100, 0.3, 7);
  const nn::SplitIndices b = nn::train_test_indices(100, 0.3, 7);
  const nn::SplitIndices c = nn::train_test_indices(100, 0.3, 8);
  REQUIRE(a.train == b.train);
  REQUIRE(a.test == b.test);
  REQUIRE(a.test != c.test);
}

TEST_CASE("train_test_split keeps each row with its label") {
  const auto split = nn::train_test_split(rows_tensor(20), row_labels(20), 0.25, 3);
  REQUIRE(split.x_train.shape()[0] == 15);
  REQUIRE(split.x_test.shape()[0] == 5);
  REQUIRE(split.x_test.shape()[1] == 2);
  for (std::size_t i = 0; i < 5; ++i) {
    REQUIRE(split.x_test(i, 0) == static_cast<float>(split.y_test(i)));
    REQUIRE(split.x_test(i, 1) == -static_cast<float>(split.y_test(i)));
  }
  const nn::Tensor targets = rows_tensor(20);  // regression targets (20, 2)
  const auto regression = nn::train_test_split(rows_tensor(20), targets, 0.25, 3);
  REQUIRE(regression.y_test == split.x_test);
}

TEST_CASE("three-way split: three disjoint sets from one shuffle") {
  const auto at = nn::train_validation_test_indices(100, 0.15, 0.2, 5);
  REQUIRE(at.test.size() == 20);
  REQUIRE(at.validation.size() == 15);
  REQUIRE(at.train.size() == 65);
  std::vector<std::size_t> all = at.train;
  all.insert(all.end(), at.validation.begin(), at.validation.end());
  all.insert(all.end(), at.test.begin(), at.test.end());
  std::sort(all.begin(), all.end());
  REQUIRE(std::unique(all.begin(), all.end()) == all.end());
  REQUIRE(all.size() == 100);

  const auto split =
      nn::train_validation_test_split(rows_tensor(100), row_labels(100), 0.15, 0.2, 5);
  REQUIRE(split.y_validation == nn::take_rows(row_labels(100), at.validation));
  REQUIRE(split.x_train == nn::take_rows(rows_tensor(100), at.train));
}

TEST_CASE("bad fractions and mismatched rows are errors") {
  REQUIRE_THROWS_AS(nn::train_test_indices(10, 0.0, 1), nn::ValueError);
  REQUIRE_THROWS_AS(nn::train_test_indices(10, 1.0, 1), nn::ValueError);
  REQUIRE_THROWS_AS(nn::train_test_indices(1, 0.5, 1), nn::ValueError);
  REQUIRE_THROWS_AS(nn::train_validation_test_indices(4, 0.5, 0.5, 1), nn::ValueError);
  REQUIRE_THROWS_AS(nn::train_test_split(rows_tensor(5), row_labels(4), 0.2, 1), nn::ShapeError);
}

TEST_CASE("train_test_split of several arrays: the same rows to each, scikit-learn's order") {
  const nn::Tensor x = rows_tensor(20);  // row i = (i, −i)
  const nn::Labels y = row_labels(20);   // y[i] = i
  nn::Tensor w = nn::Tensor::from_shape({20, 1});
  for (std::size_t i = 0; i < 20; ++i) w(i, 0) = 10.0f * static_cast<float>(i);
  const auto [x_train, x_test, y_train, y_test, w_train, w_test] =
      nn::train_test_split(x, y, w, nn::SplitOptions{.test_size = 0.2, .seed = 42});
  REQUIRE(x_test.shape()[0] == 4);
  REQUIRE(y_train.size() == 16);
  REQUIRE(w_test.shape()[0] == 4);
  REQUIRE(w_test.shape()[1] == 1);
  for (std::size_t i = 0; i < 16; ++i) {
    REQUIRE(x_train(i, 0) == static_cast<float>(y_train(i)));
    REQUIRE(w_train(i, 0) == 10.0f * static_cast<float>(y_train(i)));
  }
  for (std::size_t i = 0; i < 4; ++i) {
    REQUIRE(x_test(i, 1) == -static_cast<float>(y_test(i)));
    REQUIRE(w_test(i, 0) == 10.0f * static_cast<float>(y_test(i)));
  }
  // The rows train_test_indices() picks, and the split of the two-array form.
  const nn::SplitIndices at = nn::train_test_indices(20, 0.2, 42);
  REQUIRE(y_test == nn::take_rows(y, at.test));
  const auto pair = nn::train_test_split(x, y, 0.2, 42);
  REQUIRE(pair.x_train == x_train);
  REQUIRE(pair.y_test == y_test);
  // One array alone; labels first; the defaults (a quarter held back).
  const auto [only_train, only_test] = nn::train_test_split(x, nn::SplitOptions{});
  REQUIRE(only_test.shape()[0] == 5);
  const auto [labels_train, labels_test, x2_train, x2_test] =
      nn::train_test_split(y, x, nn::SplitOptions{.seed = 3});
  REQUIRE(x2_test == nn::take_rows(x, nn::train_test_indices(20, 0.25, 3).test));
  REQUIRE(labels_train.size() == 15);
}

TEST_CASE("train_test_split of several arrays: a ValueError for rows that differ") {
  const nn::SplitOptions options{.test_size = 0.2, .seed = 1};
  CHECK_THROWS_AS(nn::train_test_split(rows_tensor(10), row_labels(10), rows_tensor(9), options),
                  nn::ValueError);
  CHECK_THROWS_WITH(
      nn::train_test_split(rows_tensor(10), row_labels(10), rows_tensor(9), options),
      Catch::Contains("array 2") && Catch::Contains("9 rows") && Catch::Contains("10"));
  CHECK_THROWS_WITH(nn::train_test_split(rows_tensor(10), row_labels(12), options),
                    Catch::Contains("array 1 has 12 rows but array 0 has 10"));
  CHECK_THROWS_WITH(nn::train_test_split(rows_tensor(10), nn::SplitOptions{.test_size = 1.5}),
                    Catch::Contains("test_size"));
}
