// Tests for exercise 3.3. Do not edit: `./book grade normal_equations` runs them.
#include "exercises/03_regression_mlp/normal_equations.h"

#include <catch2/catch.hpp>
#include <xtensor/xview.hpp>

#include "lib/data/auto_mpg.h"

using exercises::cholesky;
using exercises::fit_normal_equations;
using exercises::Matrix;

TEST_CASE("Cholesky of a 3 × 3 matrix with a whole-number factor") {
  // A = L·Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 1, 2]], worked out by hand.
  const Matrix A = {{4, 2, -2}, {2, 10, 2}, {-2, 2, 6}};
  const Matrix expected = {{2, 0, 0}, {1, 3, 0}, {-1, 1, 2}};
  const Matrix L = cholesky(A);
  REQUIRE(L.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    REQUIRE(L[i].size() == 3);
    for (std::size_t j = 0; j < 3; ++j) {
      INFO("L[" << i << "][" << j << "]");
      CHECK(L[i][j] == Approx(expected[i][j]).margin(1e-12));
    }
  }
}

TEST_CASE("L times its transpose gives A back") {
  const Matrix A = {{25, 15, -5, 3}, {15, 18, 0, 1}, {-5, 0, 11, 2}, {3, 1, 2, 9}};
  const Matrix L = cholesky(A);
  REQUIRE(L.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      double sum = 0;
      for (std::size_t k = 0; k < 4; ++k) sum += L[i][k] * L[j][k];
      INFO("(L·Lᵀ)[" << i << "][" << j << "] against A = " << A[i][j]);
      CHECK(sum == Approx(A[i][j]).margin(1e-10));
      if (j > i) CHECK(L[i][j] == 0.0);
    }
  }
}

TEST_CASE("a matrix that is not positive definite is refused, naming the column") {
  // [[1, 2], [2, 1]] has eigenvalues 3 and -1: the pivot of column 1 is 1 - 4 = -3.
  CHECK_THROWS_AS(cholesky({{1, 2}, {2, 1}}), nn::ValueError);
  CHECK_THROWS_WITH(cholesky({{1, 2}, {2, 1}}), Catch::Contains("column 1"));
  // The third row is the sum of the first two: singular, caught at column 2.
  CHECK_THROWS_WITH(cholesky({{1, 0, 1}, {0, 1, 1}, {1, 1, 2}}), Catch::Contains("column 2"));
  CHECK_THROWS_AS(cholesky({{1, 2}}), nn::ShapeError);
}

TEST_CASE("a small regression problem: scikit-learn's answer") {
  // scikit-learn 1.2.1, LinearRegression().fit(x, y): coef_ = [1.3527777778, 0.7972222222],
  // intercept_ = 0.2111111111.
  const nn::Tensor x = {{1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 6}};
  const nn::Tensor y = {{3.1f}, {3.9f}, {8.2f}, {7.8f}, {11.9f}};
  const exercises::LinearFit fit = fit_normal_equations(x, y);
  REQUIRE(fit.w.size() == 2);
  CHECK(fit.w[0] == Approx(1.3527777778).epsilon(1e-6));
  CHECK(fit.w[1] == Approx(0.7972222222).epsilon(1e-6));
  CHECK(fit.b == Approx(0.2111111111).epsilon(1e-5));
}

TEST_CASE("noise-free data: the exact line comes back") {
  // y = 2·x1 − 3·x2 + 0.5
  const nn::Tensor x = {{0, 1}, {1, 0}, {2, 3}, {-1, 2}, {4, -2}};
  nn::Tensor y = nn::Tensor::from_shape({5, 1});
  for (std::size_t i = 0; i < 5; ++i) y(i, 0) = 2 * x(i, 0) - 3 * x(i, 1) + 0.5f;
  const exercises::LinearFit fit = fit_normal_equations(x, y);
  REQUIRE(fit.w.size() == 2);
  CHECK(fit.w[0] == Approx(2.0).margin(1e-6));
  CHECK(fit.w[1] == Approx(-3.0).margin(1e-6));
  CHECK(fit.b == Approx(0.5).margin(1e-6));
}

TEST_CASE("Auto MPG, six measured features: scikit-learn's coefficients") {
  // scikit-learn 1.2.1, LinearRegression().fit on all 392 cars, columns cylinders,
  // displacement, horsepower, weight, acceleration, year (no origin).
  const nn::AutoMpg cars = nn::load_auto_mpg("data/auto_mpg.csv");
  const nn::Tensor x = xt::view(cars.features, xt::all(), xt::range(0, 6));
  const exercises::LinearFit fit = fit_normal_equations(x, cars.target);
  const double expected[6] = {-3.416628315927e-01, 7.686957574992e-03, -4.367154878967e-04,
                              -6.766589400593e-03, 8.843629245286e-02, 7.304206330481e-01};
  REQUIRE(fit.w.size() == 6);
  for (std::size_t j = 0; j < 6; ++j) {
    INFO(cars.feature_names[j]);
    CHECK(fit.w[j] == Approx(expected[j]).epsilon(1e-5));
  }
  CHECK(fit.b == Approx(-12.9088990463332).epsilon(1e-5));
}

TEST_CASE("Auto MPG with the one-hot origins: singular, and the error says where") {
  // USA + Europe + Japan = 1 for every car: after centring, the Japan column (8) is minus
  // the sum of the other two, and its pivot vanishes.
  const nn::AutoMpg cars = nn::load_auto_mpg("data/auto_mpg.csv");
  CHECK_THROWS_AS(fit_normal_equations(cars.features, cars.target), nn::ValueError);
  CHECK_THROWS_WITH(fit_normal_equations(cars.features, cars.target), Catch::Contains("column 8"));
}

TEST_CASE("shapes are checked") {
  const nn::Tensor x = {{1, 2}, {2, 1}, {3, 5}};
  CHECK_THROWS_AS(fit_normal_equations(x, nn::Tensor{{1}, {2}}), nn::ShapeError);
  CHECK_THROWS_WITH(fit_normal_equations(x, nn::Tensor{{1}, {2}}),
                    Catch::Contains("(3, 2)") && Catch::Contains("(2, 1)"));
  CHECK_THROWS_AS(fit_normal_equations(x, nn::Tensor{{1, 1}, {2, 2}, {3, 3}}), nn::ShapeError);
  CHECK_THROWS_AS(
      fit_normal_equations(nn::Tensor::from_shape({0, 2}), nn::Tensor::from_shape({0, 1})),
      nn::ValueError);
}
