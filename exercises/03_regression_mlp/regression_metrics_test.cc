// Tests for exercise 3.1. Do not edit: `./book grade regression_metrics` runs them.
#include "exercises/03_regression_mlp/regression_metrics.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/random.h"

using exercises::mae;
using exercises::rmse;

TEST_CASE("one large miss: the RMSE weighs it more than the MAE") {
  // Errors 0, 0, 0, 4: RMSE = sqrt(16 / 4) = 2, MAE = 4 / 4 = 1.
  const nn::Tensor y_true = {{1}, {2}, {3}, {4}};
  const nn::Tensor y_pred = {{1}, {2}, {3}, {8}};
  CHECK(rmse(y_true, y_pred) == Approx(2.0));
  CHECK(mae(y_true, y_pred) == Approx(1.0));
}

TEST_CASE("errors of both signs, two outputs: the means run over every entry") {
  // Errors 1, -2, -3, 0.5, 0, 1.5 (N = 6): squares add up to 1 + 4 + 9 + 0.25 + 0 + 2.25 =
  // 16.5, so RMSE = sqrt(2.75); absolute values add up to 8, so MAE = 8 / 6.
  const nn::Tensor y_true = {{10, 0}, {5, -1}, {2, 3}};
  const nn::Tensor y_pred = {{11, -2}, {2, -0.5f}, {2, 4.5f}};
  CHECK(rmse(y_true, y_pred) == Approx(std::sqrt(2.75)));
  CHECK(mae(y_true, y_pred) == Approx(8.0 / 6.0));
}

TEST_CASE("perfect predictions score 0; a constant offset c scores |c| on both") {
  const nn::Tensor y = {{3, 1}, {4, 1}, {5, 9}};
  CHECK(rmse(y, y) == 0.0);
  CHECK(mae(y, y) == 0.0);
  const nn::Tensor shifted = y - 2.5f;
  CHECK(rmse(y, shifted) == Approx(2.5));
  CHECK(mae(y, shifted) == Approx(2.5));
}

TEST_CASE("the RMSE is never below the MAE, and the order of the arguments does not matter") {
  nn::Rng rng(3);
  nn::Tensor a = nn::Tensor::from_shape({50, 2}), b = nn::Tensor::from_shape({50, 2});
  for (float& v : a) v = rng.normal(20.0f, 5.0f);
  for (float& v : b) v = rng.normal(20.0f, 5.0f);
  const double r = rmse(a, b), m = mae(a, b);
  INFO("RMSE " << r << ", MAE " << m);
  CHECK(r > 0.0);
  CHECK(r >= m);
  CHECK(rmse(b, a) == Approx(r));
  CHECK(mae(b, a) == Approx(m));
}

TEST_CASE("two million rows: the sums are kept in double") {
  // Every error is 0.1f; a float running sum of 2,000,000 squares drifts far from the truth.
  const std::size_t n = 2000000;
  const nn::Tensor y_true = xt::zeros<float>({n, std::size_t{1}});
  const nn::Tensor y_pred = xt::ones<float>({n, std::size_t{1}}) * 0.1f;
  CHECK(rmse(y_true, y_pred) == Approx(0.1f).epsilon(1e-6));
  CHECK(mae(y_true, y_pred) == Approx(0.1f).epsilon(1e-6));
}

TEST_CASE("different shapes and empty tensors are refused with a clear message") {
  const nn::Tensor three = {{1}, {2}, {3}};
  const nn::Tensor two = {{1}, {2}};
  CHECK_THROWS_AS(rmse(three, two), nn::ShapeError);
  CHECK_THROWS_AS(mae(three, two), nn::ShapeError);
  CHECK_THROWS_WITH(rmse(three, two), Catch::Contains("(3, 1)") && Catch::Contains("(2, 1)"));
  CHECK_THROWS_AS(mae(three, nn::Tensor{{1, 2, 3}}), nn::ShapeError);
  const nn::Tensor empty = nn::Tensor::from_shape({0, 1});
  CHECK_THROWS_AS(rmse(empty, empty), nn::ValueError);
  CHECK_THROWS_AS(mae(empty, empty), nn::ValueError);
}
