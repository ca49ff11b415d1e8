// Tests for exercise 6.1. Do not edit: `./book grade finder_schedule` runs them.
#include "exercises/06_tuning/finder_schedule.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

using exercises::finder_factor;
using exercises::finder_rates;

TEST_CASE("the factor: six decades in 499 steps is 10^(6/499)") {
  CHECK(finder_factor(1e-5, 10, 500) == Approx(std::pow(10.0, 6.0 / 499)).epsilon(1e-12));
  CHECK(finder_factor(1, 4, 3) == Approx(2.0).epsilon(1e-12));  // 1, 2, 4
  CHECK(finder_factor(0.5, 0.5 * 1024, 11) == Approx(2.0).epsilon(1e-12));
}

TEST_CASE("the chapter's sweep: 500 rates from 1e-5 to exactly 10") {
  const std::vector<double> rates = finder_rates(1e-5, 10, 500);
  REQUIRE(rates.size() == 500);
  CHECK(rates.front() == Approx(1e-5).epsilon(1e-12));
  INFO("last rate: " << rates.back());
  CHECK(std::abs(rates.back() - 10.0) < 10.0 * 1e-12);
  // A tenfold increase every 499/6 ≈ 83.2 batches: rate 83 is just below 1e-4.
  CHECK(rates[83] == Approx(1e-5 * std::pow(10.0, 6.0 * 83 / 499)).epsilon(1e-12));
  CHECK(rates[83] < 1e-4);
  CHECK(rates[84] > 1e-4);
}

TEST_CASE("every step multiplies the rate by the same factor") {
  const std::vector<double> rates = finder_rates(1e-4, 1, 40);
  REQUIRE(rates.size() == 40);
  const double q = finder_factor(1e-4, 1, 40);
  for (std::size_t i = 1; i < rates.size(); ++i) {
    INFO("rates " << i - 1 << " and " << i << ": " << rates[i - 1] << ", " << rates[i]);
    CHECK(rates[i] / rates[i - 1] == Approx(q).epsilon(1e-12));
  }
  // The middle of an odd sweep is the geometric mean of its ends.
  const std::vector<double> odd = finder_rates(1e-6, 1e-2, 5);
  REQUIRE(odd.size() == 5);
  CHECK(odd[2] == Approx(1e-4).epsilon(1e-12));
  CHECK(finder_rates(2, 3, 2) == std::vector<double>{2, 3});
}

TEST_CASE("bad sweeps are refused") {
  CHECK_THROWS_AS(finder_factor(0, 10, 500), std::invalid_argument);
  CHECK_THROWS_AS(finder_factor(-1, 10, 500), std::invalid_argument);
  CHECK_THROWS_AS(finder_factor(10, 1, 500), std::invalid_argument);
  CHECK_THROWS_AS(finder_factor(1, 1, 500), std::invalid_argument);
  CHECK_THROWS_AS(finder_factor(1e-5, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(finder_rates(1e-5, 10, 0), std::invalid_argument);
  CHECK_THROWS_AS(finder_rates(10, 1e-5, 500), std::invalid_argument);
}
