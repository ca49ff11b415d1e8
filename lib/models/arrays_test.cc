// What fit(), evaluate() and predict() make of the arrays they are given: xtensor
// expressions of rank 1 become one column, as Keras reshapes a (n,) target; other ranks are
// refused. (Before, a rank-1 expression was converted straight to a rank-2 tensor, which is
// undefined behaviour in xtensor: fit threw std::bad_alloc, predict answered (10, 3) for 10
// values.)
#include "lib/models/arrays.h"

#include <catch2/catch.hpp>
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xview.hpp>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"

TEST_CASE("a rank-1 expression becomes an (n, 1) column of its values") {
  const nn::Tensor x = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
  const nn::Arrays column = xt::col(x, 1);
  REQUIRE(column.size() == 1);
  REQUIRE(column[0].shape() == std::array<std::size_t, 2>{4, 1});
  CHECK(column[0](0, 0) == 2.0f);
  CHECK(column[0](3, 0) == 11.0f);
  const nn::Arrays ints = xt::arange<int>(5);  // int values are converted to float
  REQUIRE(ints[0].shape() == std::array<std::size_t, 2>{5, 1});
  CHECK(ints[0](4, 0) == 4.0f);
  const nn::Arrays scaled = x / 2.0f;  // rank 2 stays as it is
  REQUIRE(scaled[0].shape() == std::array<std::size_t, 2>{4, 3});
  CHECK(scaled[0](3, 2) == 6.0f);
}

TEST_CASE("a dynamic-rank xarray is sorted out at run time") {
  const xt::xarray<float> vector = {1.0f, 2.0f, 3.0f};
  CHECK(nn::Arrays(vector)[0].shape() == std::array<std::size_t, 2>{3, 1});
  const xt::xarray<float> matrix = {{1.0f, 2.0f}, {3.0f, 4.0f}};
  CHECK(nn::Arrays(matrix)[0].shape() == std::array<std::size_t, 2>{2, 2});
  const xt::xarray<float> cube = xt::zeros<float>({2, 2, 2});
  CHECK_THROWS_AS(nn::Arrays(cube), nn::ShapeError);
  CHECK_THROWS_WITH(nn::Arrays(cube), Catch::Contains("rank 3"));
}

TEST_CASE("fit, evaluate and predict take rank-1 expressions as the user meant them") {
  nn::Tensor x = xt::zeros<float>({10, 3});
  for (std::size_t i = 0; i < 10; ++i) x(i, 0) = static_cast<float>(i) / 10.0f;
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", "sgd");
  // y as xt::zeros<int>({10}) threw std::bad_alloc before; now it is a (10, 1) target.
  CHECK_NOTHROW(model.fit(x, xt::zeros<int>({10}), {.epochs = 1, .verbose = 0}));
  CHECK_NOTHROW(model.fit(x, xt::col(x, 0), {.epochs = 1, .verbose = 0}));
  CHECK(model.evaluate(x, xt::col(x, 0), 32, 0).count("loss") == 1);
  // One feature per row: a model of width 1 takes a column, and says so for width 3.
  nn::Sequential narrow({nn::Dense(2)});
  CHECK(narrow.predict(xt::col(x, 0)).shape() == std::array<std::size_t, 2>{10, 2});
  CHECK_THROWS_AS(model.predict(xt::col(x, 0)), nn::ShapeError);
}
