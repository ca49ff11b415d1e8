// Tests for exercise 3.2. Do not edit: `./book grade standard_scaling` runs them.
#include "exercises/03_regression_mlp/standard_scaling.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/data/auto_mpg.h"
#include "lib/data/scaler.h"

using exercises::fit_standardizer;
using exercises::standardize;
using exercises::unstandardize;

namespace {

const nn::Tensor kData = {{1, 10, -3}, {2, 30, 5}, {4, 20, 1}, {5, 40, 3}};

void check_close(const nn::Tensor& got, const nn::Tensor& expected, double tolerance) {
  INFO("expected shape " << nn::shape_string(expected) << ", got " << nn::shape_string(got));
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.shape(0); ++i) {
    for (std::size_t j = 0; j < got.shape(1); ++j) {
      INFO("entry (" << i << ", " << j << "): expected " << expected(i, j) << ", got "
                     << got(i, j));
      CHECK(got(i, j) == Approx(expected(i, j)).margin(tolerance));
    }
  }
}

}  // namespace

TEST_CASE("the statistics of a small table") {
  // numpy: x.mean(axis=0) = [3, 25, 1.5], x.std(axis=0) = sqrt([2.5, 125, 8.75]).
  const exercises::Standardizer s = fit_standardizer(kData);
  REQUIRE(s.mean.size() == 3);
  REQUIRE(s.scale.size() == 3);
  CHECK(s.mean(0) == Approx(3.0));
  CHECK(s.mean(1) == Approx(25.0));
  CHECK(s.mean(2) == Approx(1.5));
  CHECK(s.scale(0) == Approx(std::sqrt(2.5)));  // divided by n = 4, not by n - 1 = 3
  CHECK(s.scale(1) == Approx(std::sqrt(125.0)));
  CHECK(s.scale(2) == Approx(std::sqrt(8.75)));
}

TEST_CASE("the training data come out with mean 0 and standard deviation 1") {
  const exercises::Standardizer s = fit_standardizer(kData);
  const nn::Tensor z = standardize(s, kData);
  REQUIRE(z.shape() == kData.shape());
  for (std::size_t j = 0; j < 3; ++j) {
    double sum = 0, squares = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      sum += z(i, j);
      squares += z(i, j) * z(i, j);
    }
    INFO("column " << j);
    CHECK(sum / 4 == Approx(0.0).margin(1e-6));
    CHECK(squares / 4 == Approx(1.0).epsilon(1e-5));
  }
}

TEST_CASE("Auto MPG: the test cars are scaled with the training cars' statistics") {
  // Reference: the library's nn::StandardScaler, fitted on the training cars only.
  const nn::AutoMpg cars = nn::load_auto_mpg("data/auto_mpg.csv");
  const auto split = nn::split_auto_mpg(cars, 42);
  nn::StandardScaler reference;
  reference.fit(split.x_train);
  const exercises::Standardizer s = fit_standardizer(split.x_train);
  for (std::size_t j = 0; j < 9; ++j) {
    INFO("feature " << cars.feature_names[j]);
    CHECK(s.mean(j) == Approx(reference.mean()(j)).epsilon(1e-5));
    CHECK(s.scale(j) == Approx(reference.scale()(j)).epsilon(1e-5));
  }
  const nn::Tensor z = standardize(s, split.x_test);
  check_close(z, reference.transform(split.x_test), 1e-4);
  // Fitted on the training cars, the test cars' weights are not centred exactly at 0: a
  // scaler refitted on the test set would make them so.
  double test_mean = 0;
  for (std::size_t i = 0; i < z.shape(0); ++i) test_mean += z(i, 3);
  test_mean /= static_cast<double>(z.shape(0));
  CHECK(std::abs(test_mean) > 1e-3);
}

TEST_CASE("a constant feature gets scale 1 and becomes 0") {
  const nn::Tensor x = {{2, 7}, {4, 7}, {6, 7}};
  const exercises::Standardizer s = fit_standardizer(x);
  CHECK(s.scale(1) == 1.0f);
  const nn::Tensor z = standardize(s, x);
  for (std::size_t i = 0; i < 3; ++i) CHECK(z(i, 1) == 0.0f);
  CHECK(std::isfinite(standardize(s, nn::Tensor{{3, 9}})(0, 1)));
}

TEST_CASE("unstandardize undoes standardize, on data the scaler never saw") {
  const exercises::Standardizer s = fit_standardizer(kData);
  const nn::Tensor x = {{0, 5, 7}, {6, 50, -2}, {3.5f, 12, 0}};
  const nn::Tensor z = standardize(s, x);
  // numpy: (x - mean) / std for the first row = [-1.897366596, -1.788854382, 1.85933936].
  CHECK(z(0, 0) == Approx(-1.897366596));
  CHECK(z(0, 1) == Approx(-1.788854382));
  CHECK(z(0, 2) == Approx(1.85933936));
  check_close(unstandardize(s, z), x, 1e-5);
}

TEST_CASE("errors: no rows, or another number of columns") {
  CHECK_THROWS_AS(fit_standardizer(nn::Tensor::from_shape({0, 3})), nn::ValueError);
  const exercises::Standardizer s = fit_standardizer(kData);
  const nn::Tensor wide = xt::zeros<float>({2, 4});
  CHECK_THROWS_AS(standardize(s, wide), nn::ShapeError);
  CHECK_THROWS_WITH(standardize(s, wide), Catch::Contains("3") && Catch::Contains("4"));
  CHECK_THROWS_AS(unstandardize(s, nn::Tensor{{1, 2}}), nn::ShapeError);
}
