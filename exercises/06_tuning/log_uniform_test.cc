// Tests for exercise 6.2. Do not edit: `./book grade log_uniform` runs them.
#include "exercises/06_tuning/log_uniform.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

using exercises::log_uniform;
using exercises::sample_log_uniform;

TEST_CASE("log_uniform maps [0, 1) onto [low, high) evenly in the logarithm") {
  CHECK(log_uniform(0.0, 1e-4, 1e-1) == Approx(1e-4).epsilon(1e-12));
  CHECK(log_uniform(0.5, 1e-4, 1e-2) == Approx(1e-3).epsilon(1e-12));  // the geometric mean
  CHECK(log_uniform(1.0 / 3, 1e-4, 1e-1) == Approx(1e-3).epsilon(1e-12));
  CHECK(log_uniform(2.0 / 3, 1e-4, 1e-1) == Approx(1e-2).epsilon(1e-12));
  CHECK(log_uniform(0.25, 2, 32) == Approx(4).epsilon(1e-12));  // 2 · 16^0.25
  CHECK(log_uniform(0.999999, 1e-4, 1e-1) < 1e-1);
  double previous = 0.0;
  for (int k = 0; k < 100; ++k) {
    const double x = log_uniform(k / 100.0, 0.5, 8);
    CHECK(x > previous);  // increasing in u
    previous = x;
  }
}

TEST_CASE("each decade gets a third of the draws") {
  nn::Rng rng(7);
  const std::vector<double> draws = sample_log_uniform(rng, 30000, 1e-4, 1e-1);
  REQUIRE(draws.size() == 30000);
  int decades[3] = {0, 0, 0};
  for (double x : draws) {
    REQUIRE(x >= 1e-4);
    REQUIRE(x < 1e-1);
    ++decades[static_cast<int>(std::floor(std::log10(x))) + 4];
  }
  for (int d = 0; d < 3; ++d) {
    INFO("decade " << d << ": " << decades[d] << " of 30000 draws");
    CHECK(std::abs(decades[d] / 30000.0 - 1.0 / 3) < 0.01);
  }
}

TEST_CASE("the draws follow the generator: one rng.uniform() each, in order") {
  nn::Rng rng(123), same(123);
  const std::vector<double> draws = sample_log_uniform(rng, 50, 0.001, 10);
  REQUIRE(draws.size() == 50);
  for (double x : draws) CHECK(x == Approx(log_uniform(same.uniform(), 0.001, 10)).epsilon(1e-12));
  CHECK(rng.uniform() == same.uniform());  // no draw more, no draw less
  CHECK(sample_log_uniform(rng, 0, 1, 2).empty());
}

TEST_CASE("bad intervals and bad u are refused") {
  CHECK_THROWS_AS(log_uniform(0.5, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(log_uniform(0.5, -1, 1), std::invalid_argument);
  CHECK_THROWS_AS(log_uniform(0.5, 1, 1), std::invalid_argument);
  CHECK_THROWS_AS(log_uniform(0.5, 2, 1), std::invalid_argument);
  CHECK_THROWS_AS(log_uniform(1.0, 1, 2), std::invalid_argument);
  CHECK_THROWS_AS(log_uniform(-0.1, 1, 2), std::invalid_argument);
  nn::Rng rng(1);
  CHECK_THROWS_AS(sample_log_uniform(rng, 3, 0, 1), std::invalid_argument);
}
