// Least squares against scikit-learn, against the normal equations, and on collinear columns.
#include "lib/linear/least_squares.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "lib/data/auto_mpg.h"
#include "lib/error.h"

namespace {

// Five points, two features: a small problem with a residual.
const nn::Tensor kX = {{1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 6}};
const nn::Tensor kY = {{3.1f}, {3.9f}, {8.2f}, {7.8f}, {11.9f}};

}  // namespace

TEST_CASE("LinearRegression matches scikit-learn on a small problem") {
  // scikit-learn 1.2.1: LinearRegression().fit(X, y) gives coef_ = [1.3527777778,
  // 0.7972222222], intercept_ = 0.2111111111, score = 0.99789926053971, and predicts
  // [0.2111111111, 12.1444444444] for [[0, 0], [10, -2]].
  nn::LinearRegression model;
  model.fit(kX, kY);
  REQUIRE(model.coef().shape(0) == 2);
  REQUIRE(model.coef().shape(1) == 1);
  CHECK(model.coef()(0, 0) == Approx(1.3527777778).epsilon(1e-6));
  CHECK(model.coef()(1, 0) == Approx(0.7972222222).epsilon(1e-6));
  CHECK(model.intercept()(0, 0) == Approx(0.2111111111).epsilon(1e-5));
  CHECK(model.score(kX, kY) == Approx(0.99789926053971).epsilon(1e-6));
  CHECK(model.rank() == 2);
  const nn::Tensor y = model.predict(nn::Tensor{{0, 0}, {10, -2}});
  CHECK(y(0, 0) == Approx(0.2111111111).epsilon(1e-5));
  CHECK(y(1, 0) == Approx(12.1444444444).epsilon(1e-6));
}

TEST_CASE("the residual is orthogonal to every column: the normal equations hold") {
  nn::LinearRegression model;
  model.fit(kX, kY);
  const nn::Tensor residual = kY - model.predict(kX);  // (5, 1)
  double sum = 0.0;
  for (std::size_t i = 0; i < 5; ++i) sum += residual(i, 0);
  CHECK(sum == Approx(0.0).margin(1e-5));  // orthogonal to the intercept's column of ones
  for (std::size_t j = 0; j < 2; ++j) {
    double dot = 0.0;
    for (std::size_t i = 0; i < 5; ++i) dot += kX(i, j) * residual(i, 0);
    INFO("column " << j);
    CHECK(dot == Approx(0.0).margin(1e-4));
  }
}

TEST_CASE("noise-free data are fitted exactly, several outputs at once") {
  // y1 = 2·x1 − 3·x2 + 0.5, y2 = −x1 + 4: W and b are read back exactly.
  const nn::Tensor x = {{0, 1}, {1, 0}, {2, 3}, {-1, 2}, {4, -2}};
  nn::Tensor y = nn::Tensor::from_shape({5, 2});
  for (std::size_t i = 0; i < 5; ++i) {
    y(i, 0) = 2 * x(i, 0) - 3 * x(i, 1) + 0.5f;
    y(i, 1) = -x(i, 0) + 4;
  }
  nn::LinearRegression model;
  model.fit(x, y);
  CHECK(model.coef()(0, 0) == Approx(2.0).margin(1e-5));
  CHECK(model.coef()(1, 0) == Approx(-3.0).margin(1e-5));
  CHECK(model.coef()(0, 1) == Approx(-1.0).margin(1e-5));
  CHECK(model.coef()(1, 1) == Approx(0.0).margin(1e-5));
  CHECK(model.intercept()(0, 0) == Approx(0.5).margin(1e-5));
  CHECK(model.intercept()(0, 1) == Approx(4.0).margin(1e-5));
  CHECK(model.score(x, y) == Approx(1.0).margin(1e-9));
  nn::LinearRegression through_origin(false);
  through_origin.fit(x, y);
  CHECK(through_origin.intercept()(0, 0) == 0.0f);
  CHECK(through_origin.score(x, y) < 0.99);  // without b, y2 = −x1 + 4 cannot be fitted
}

TEST_CASE("collinear columns: the minimum-norm solution and a lower rank") {
  // The second column is a copy of the first: any split w1 + w2 = 2 fits y = 2x + 1; the one
  // of smallest norm splits it evenly.
  const nn::Tensor x = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
  const nn::Tensor y = {{3}, {5}, {7}, {9}};
  nn::LinearRegression model;
  model.fit(x, y);
  CHECK(model.rank() == 1);
  CHECK(model.coef()(0, 0) == Approx(1.0).margin(1e-5));
  CHECK(model.coef()(1, 0) == Approx(1.0).margin(1e-5));
  CHECK(model.intercept()(0, 0) == Approx(1.0).margin(1e-5));

  const nn::LeastSquaresSolution plain = nn::least_squares(x, y);  // no intercept
  CHECK(plain.rank == 1);
  REQUIRE(plain.singular_values.size() == 2);
  CHECK(plain.singular_values[0] == Approx(std::sqrt(2.0 * 30.0)));  // ‖(x, x)‖ = √(2·30)
  CHECK(plain.singular_values[1] == Approx(0.0).margin(1e-6));
}

TEST_CASE("Auto MPG, all 392 cars: scikit-learn's coefficients, rank 8 of 9") {
  // scikit-learn 1.2.1, LinearRegression().fit(X, y) on data/auto_mpg.csv with the columns
  // in load_auto_mpg()'s order (origin one-hot USA, Europe, Japan): rank_ = 8, score 0.82342.
  const nn::AutoMpg cars = nn::load_auto_mpg("data/auto_mpg.csv");
  nn::LinearRegression model;
  model.fit(cars.features, cars.target);
  const double sklearn_coef[9] = {-0.4994728161, 0.0238318625, -0.0180513823,
                                  -0.0066864184, 0.0822706727, 0.7526845231,
                                  -1.81006471,   0.8097080659, 1.0003566441};
  CHECK(model.rank() == 8);  // the one-hot origins add up to 1, a copy of the intercept
  for (std::size_t j = 0; j < 9; ++j) {
    INFO(cars.feature_names[j]);
    CHECK(model.coef()(j, 0) == Approx(sklearn_coef[j]).epsilon(1e-4).margin(1e-6));
  }
  CHECK(model.intercept()(0, 0) == Approx(-14.39079932775024).epsilon(1e-4));
  CHECK(model.score(cars.features, cars.target) == Approx(0.8234172297893754).epsilon(1e-5));
}

TEST_CASE("errors name the shapes and the bad value") {
  nn::LinearRegression model;
  CHECK_THROWS_WITH(model.predict(kX), Catch::Contains("before fit"));
  CHECK_THROWS_AS(model.fit(kX, nn::Tensor{{1}, {2}}), nn::ShapeError);
  CHECK_THROWS_WITH(model.fit(kX, nn::Tensor{{1}, {2}}),
                    Catch::Contains("(5, 2)") && Catch::Contains("(2, 1)"));
  CHECK_THROWS_AS(model.fit(nn::Tensor::from_shape({0, 2}), nn::Tensor::from_shape({0, 1})),
                  nn::ValueError);
  nn::Tensor holes = kY;
  holes(3, 0) = std::numeric_limits<float>::infinity();
  CHECK_THROWS_WITH(model.fit(kX, holes), Catch::Contains("y(3, 0)"));
  model.fit(kX, kY);
  CHECK_THROWS_WITH(model.predict(nn::Tensor{{1, 2, 3}}),
                    Catch::Contains("2 features") && Catch::Contains("(1, 3)"));
  CHECK_THROWS_AS(nn::least_squares(kX, nn::Tensor{{1}}), nn::ShapeError);
}
