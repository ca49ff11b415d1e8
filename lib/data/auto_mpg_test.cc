#include "lib/data/auto_mpg.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <set>
#include <xtensor/xsort.hpp>
#include <xtensor/xview.hpp>

#include "lib/error.h"

TEST_CASE("Auto MPG: 392 cars, 9 features, miles per gallon as the target") {
  const nn::AutoMpg cars = nn::load_auto_mpg("data/auto_mpg.csv");
  REQUIRE(cars.features.shape(0) == 392);
  REQUIRE(cars.features.shape(1) == 9);
  REQUIRE(cars.target.shape(0) == 392);
  REQUIRE(cars.target.shape(1) == 1);
  REQUIRE(cars.feature_names.size() == 9);
  REQUIRE(cars.car_names.size() == 392);
  // The first row of the file: chevrolet chevelle malibu, 18 mpg, 8 cylinders, 307 cubic
  // inches, 130 hp, 3504 lbs, 12 s, 1970, USA.
  CHECK(cars.car_names[0] == "chevrolet chevelle malibu");
  CHECK(cars.target(0, 0) == 18.0f);
  CHECK(cars.features(0, 0) == 8.0f);
  CHECK(cars.features(0, 3) == 3504.0f);
  CHECK(cars.features(0, 6) == 1.0f);
  // Every car has exactly one origin, and each origin occurs.
  for (std::size_t row = 0; row < 392; ++row) {
    const float origins = cars.features(row, 6) + cars.features(row, 7) + cars.features(row, 8);
    CHECK(origins == 1.0f);
  }
  for (std::size_t origin = 6; origin < 9; ++origin) {
    const float cars_of_origin = xt::sum(xt::col(cars.features, origin))();
    CHECK(cars_of_origin > 50.0f);
  }
  const float lowest = xt::amin(cars.target)(), highest = xt::amax(cars.target)();
  CHECK(lowest >= 9.0f);
  CHECK(highest <= 47.0f);
}

TEST_CASE("the split is 60/20/20, deterministic by seed, and uses every car once") {
  const nn::AutoMpg cars = nn::load_auto_mpg("data/auto_mpg.csv");
  const auto split = nn::split_auto_mpg(cars, 42);
  CHECK(split.x_test.shape(0) == 79);  // ceil(0.2 * 392)
  CHECK(split.x_validation.shape(0) == 79);
  CHECK(split.x_train.shape(0) == 234);
  CHECK(split.y_train.shape(1) == 1);
  const auto again = nn::split_auto_mpg(cars, 42);
  const bool same_train = again.x_train == split.x_train, same_test = again.y_test == split.y_test;
  CHECK(same_train);
  CHECK(same_test);
  const bool other_seed_differs = nn::split_auto_mpg(cars, 43).x_train != split.x_train;
  CHECK(other_seed_differs);
  std::multiset<float> all(cars.target.begin(), cars.target.end());
  std::multiset<float> parts(split.y_train.begin(), split.y_train.end());
  parts.insert(split.y_validation.begin(), split.y_validation.end());
  parts.insert(split.y_test.begin(), split.y_test.end());
  CHECK(parts == all);
}

TEST_CASE("an unknown origin is an error naming the file, the line and the value") {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/cars.csv";
  std::ofstream(path) << "Name,Miles_per_Gallon,Cylinders,Displacement,Horsepower,"
                         "Weight_in_lbs,Acceleration,Year,Origin\n"
                         "a,18,8,307,130,3504,12,70,USA\n"
                         "b,18,8,307,130,3504,12,70,Mars\n";
  CHECK_THROWS_WITH(nn::load_auto_mpg(path),
                    Catch::Contains(path + ":3") && Catch::Contains("'Mars'"));
  CHECK_THROWS_AS(nn::load_auto_mpg("data/no_such_file.csv"), nn::DataError);
}
