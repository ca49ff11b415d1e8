#include "lib/tuning/space.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"

using nn::tuning::Distribution;
using nn::tuning::Params;

TEST_CASE("log_uniform gives every factor of ten the same share of the draws") {
  nn::Rng rng(2024);
  const int n = 30000;
  int decades[3] = {0, 0, 0};  // [1e-4, 1e-3), [1e-3, 1e-2), [1e-2, 1e-1)
  for (int i = 0; i < n; ++i) {
    const double v = nn::tuning::log_uniform(rng, 1e-4, 1e-1);
    REQUIRE(v >= 1e-4);
    REQUIRE(v < 1e-1);
    ++decades[static_cast<int>(std::floor(std::log10(v))) + 4];
  }
  // A plain uniform draw would put 90% in the last decade; each share is 1/3 ± 3 sd.
  for (int count : decades) CHECK(std::abs(count / double(n) - 1.0 / 3) < 0.009);
  CHECK_THROWS_AS(nn::tuning::log_uniform(rng, 0.0, 1.0), nn::ValueError);
  CHECK_THROWS_AS(nn::tuning::log_uniform(rng, 1.0, 1.0), nn::ValueError);
}

TEST_CASE("int_uniform includes both ends; choice draws every value; uniform stays inside") {
  nn::Rng rng(1);
  const Distribution layers = Distribution::int_uniform(0, 8);
  std::vector<int> seen(9, 0);
  for (int i = 0; i < 2000; ++i) ++seen.at(std::get<int>(layers.sample(rng)));
  for (int count : seen) CHECK(count > 150);  // 2000 / 9 ≈ 222 each
  const Distribution optimizer = Distribution::choice({"sgd", "adam"});
  int adam = 0;
  for (int i = 0; i < 1000; ++i) adam += std::get<std::string>(optimizer.sample(rng)) == "adam";
  CHECK(adam > 400);
  CHECK(adam < 600);
  const Distribution u = Distribution::uniform(-1, 1);
  for (int i = 0; i < 100; ++i) {
    const double v = std::get<double>(u.sample(rng));
    CHECK((v >= -1 && v < 1));
  }
  CHECK(layers.describe() == "int_uniform(0, 8)");
  CHECK(optimizer.describe() == "choice(sgd, adam)");
  CHECK(Distribution::log_uniform(1e-4, 0.1).describe() == "log_uniform(0.0001, 0.1)");
  CHECK_THROWS_AS(Distribution::int_uniform(3, 2), nn::ValueError);
  CHECK_THROWS_AS(Distribution::choice({}), nn::ValueError);
}

TEST_CASE("sample_space: the same seed gives the same points, another seed others") {
  const nn::tuning::SearchSpace space = {{"hidden_layers", Distribution::int_uniform(0, 8)},
                                         {"learning_rate", Distribution::log_uniform(1e-4, 1e-1)},
                                         {"optimizer", Distribution::choice({"sgd", "adam"})}};
  const std::vector<Params> a = nn::tuning::sample_space(space, 20, 42);
  const std::vector<Params> b = nn::tuning::sample_space(space, 20, 42);
  const std::vector<Params> c = nn::tuning::sample_space(space, 20, 43);
  REQUIRE(a.size() == 20);
  CHECK(a == b);
  CHECK(a != c);
  for (const Params& p : a) {
    CHECK(p.size() == 3);
    CHECK(nn::tuning::get_int(p, "hidden_layers") <= 8);
    CHECK(nn::tuning::get_double(p, "learning_rate") < 0.1);
  }
  CHECK(nn::tuning::sample_space(space, 0, 42).empty());
  CHECK_THROWS_AS(nn::tuning::sample_space(space, -1, 42), nn::ValueError);
  CHECK_THROWS_AS(
      nn::tuning::sample_space(
          {{"a", Distribution::uniform(0, 1)}, {"a", Distribution::uniform(0, 1)}}, 1, 42),
      nn::ValueError);
}

TEST_CASE("grid_points: every combination, the last name varying fastest") {
  const std::vector<Params> points =
      nn::tuning::grid_points({{"layers", {1, 2}}, {"optimizer", {"sgd", "adam", "nadam"}}});
  REQUIRE(points.size() == 6);
  const std::vector<std::pair<int, std::string>> expected = {{1, "sgd"}, {1, "adam"}, {1, "nadam"},
                                                             {2, "sgd"}, {2, "adam"}, {2, "nadam"}};
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(nn::tuning::get_int(points[i], "layers") == expected[i].first);
    CHECK(nn::tuning::get_string(points[i], "optimizer") == expected[i].second);
  }
  CHECK(nn::tuning::grid_points({}).size() == 1);  // one empty point, as scikit-learn
  CHECK_THROWS_AS(nn::tuning::grid_points({{"layers", {}}}), nn::ValueError);
}

TEST_CASE("Params: typed access with errors that name the hyperparameter") {
  const Params p = {{"layers", 3}, {"rate", 0.5}, {"optimizer", std::string("sgd")}};
  CHECK(nn::tuning::get_double(p, "layers") == 3.0);  // an int reads as a number
  CHECK_THROWS_WITH(nn::tuning::get_int(p, "units"),
                    Catch::Contains("\"units\"") && Catch::Contains("\"layers\"") &&
                        Catch::Contains("\"optimizer\"") && Catch::Contains("\"rate\""));
  CHECK_THROWS_WITH(nn::tuning::get_int(p, "rate"), Catch::Contains("not an integer"));
  CHECK_THROWS_AS(nn::tuning::get_string(p, "layers"), nn::ValueError);
  CHECK(nn::tuning::to_string(0.00125) == "0.00125");
  CHECK(nn::tuning::to_string(7) == "7");
}
