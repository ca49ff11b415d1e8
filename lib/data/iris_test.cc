#include "lib/data/iris.h"

#include <catch2/catch.hpp>

#include "lib/data/csv.h"
#include "lib/error.h"

TEST_CASE("iris: 150 flowers, 4 features, 3 species of 50") {
  const nn::Iris iris = nn::load_iris();  // data/iris.csv, from the runfiles root
  REQUIRE(iris.features.shape()[0] == 150);
  REQUIRE(iris.features.shape()[1] == 4);
  REQUIRE(iris.labels.size() == 150);
  REQUIRE(iris.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
  int count[3] = {0, 0, 0};
  for (int label : iris.labels) ++count[label];
  REQUIRE(count[0] == 50);
  REQUIRE(count[1] == 50);
  REQUIRE(count[2] == 50);
  // The first flower: 5.1, 3.5, 1.4, 0.2, setosa.
  REQUIRE(iris.features(0, 0) == 5.1f);
  REQUIRE(iris.features(0, 3) == 0.2f);
  REQUIRE(iris.labels(0) == 0);
}

TEST_CASE("chapter 1's view: petal length and width, setosa or not") {
  const nn::Iris iris = nn::load_iris("data/iris.csv");
  const nn::Tensor x = nn::petal_features(iris);  // (150, 2)
  REQUIRE(x.shape()[1] == 2);
  REQUIRE(x(0, 0) == 1.4f);
  REQUIRE(x(0, 1) == 0.2f);
  const nn::Labels y = nn::setosa_vs_rest(iris);
  int setosa = 0;
  for (int label : y) setosa += label;
  REQUIRE(setosa == 50);
  REQUIRE(y(0) == 1);
  REQUIRE(y(149) == 0);
  // Every setosa has shorter petals than every other flower: the classes are separable.
  float longest_setosa = 0.0f, shortest_other = 100.0f;
  for (std::size_t i = 0; i < 150; ++i) {
    if (y(i) == 1) longest_setosa = std::max(longest_setosa, x(i, 0));
    if (y(i) == 0) shortest_other = std::min(shortest_other, x(i, 0));
  }
  REQUIRE(longest_setosa < shortest_other);
  REQUIRE(nn::one_vs_rest(iris.labels, 2)(149) == 1);
}

TEST_CASE("unknown feature and species names list the known ones") {
  const nn::Iris iris = nn::load_iris();
  REQUIRE_THROWS_WITH(iris.columns({"petal_area"}),
                      "iris has no feature 'petal_area' (features: sepal_length, sepal_width, "
                      "petal_length, petal_width)");
  REQUIRE_THROWS_AS(iris.class_index("rose"), nn::ValueError);
  REQUIRE_THROWS_AS(nn::load_iris("data/no_such.csv"), nn::DataError);
}

TEST_CASE("data/auto_mpg.csv reads with its text columns") {
  nn::CsvOptions options;
  options.text_columns = {"Name", "Origin"};
  const nn::Table cars = nn::read_csv("data/auto_mpg.csv", options);
  REQUIRE(cars.rows() == 392);
  REQUIRE(cars.numbers("Miles_per_Gallon")[0] == 18.0f);
  REQUIRE(cars.numbers("Year")[0] == 70.0f);
  std::vector<std::string> origins;
  cars.labels("Origin", &origins);
  REQUIRE(origins == std::vector<std::string>{"Europe", "Japan", "USA"});
}
