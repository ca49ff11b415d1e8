// Tests for exercise 6.4. Do not edit: `./book grade pick_rate` runs them.
#include "exercises/06_tuning/pick_rate.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "lib/random.h"
#include "lib/tuning/lr_rule.h"

using exercises::pick_rate;
using exercises::smooth;

TEST_CASE("smoothing: worked by hand") {
  // β = 0.5: a = 0.5, 0.5·0.5 + 0.5·3 = 1.75; corrections 1 − 0.5 = 0.5 and 1 − 0.25 = 0.75.
  const std::vector<double> s = smooth({1, 3}, 0.5);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == Approx(1.0));
  CHECK(s[1] == Approx(1.75 / 0.75));
  for (double v : smooth({2, 2, 2, 2}, 0.9)) CHECK(v == Approx(2.0));  // exact on a constant
  CHECK(smooth({5, 1, 4}, 0.0) == std::vector<double>{5, 1, 4});       // β = 0: no smoothing
}

TEST_CASE("smoothing skips NaN without counting it") {
  const std::vector<double> s = smooth({1, NAN, 3}, 0.5);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == Approx(1.0));
  CHECK(std::isnan(s[1]));
  CHECK(s[2] == Approx(1.75 / 0.75));  // as if the NaN were not there
  CHECK(std::isnan(smooth({NAN}, 0.9)[0]));
  CHECK_THROWS_AS(smooth({1}, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(smooth({1}, -0.1), std::invalid_argument);
}

TEST_CASE("the rule: the rate at the smoothed minimum, divided") {
  const std::vector<double> rates = {1e-4, 1e-3, 1e-2, 1e-1, 1};
  const std::vector<double> losses = {2.3, 2.0, 0.8, 1.5, 9.0};
  CHECK(pick_rate(rates, losses, 0.0, 10) == Approx(1e-3));  // minimum at 1e-2
  CHECK(pick_rate(rates, losses, 0.0, 4) == Approx(2.5e-3));
  // With β = 0.5 the smoothed curve is 2.3, 2.1, 1.3571, 1.4333, 5.3387: still at 1e-2.
  CHECK(pick_rate(rates, losses, 0.5, 10) == Approx(1e-3));
  // Heavier smoothing lags: with β = 0.9 the minimum moves one batch to the right.
  CHECK(pick_rate(rates, {2.3, 2.0, 0.8, 0.9, 9.0}, 0.9, 10) == Approx(1e-2));
  // Ties go to the first; NaN losses are passed over.
  CHECK(pick_rate(rates, {3, 1, 2, 1, 5}, 0.0, 1) == Approx(1e-3));
  CHECK(pick_rate(rates, {3, NAN, 2, NAN, 5}, 0.0, 1) == Approx(1e-2));
}

TEST_CASE("the same rate as the library's rule on a noisy finder curve") {
  nn::Rng rng(5);
  std::vector<double> rates, losses;
  for (int i = 0; i < 500; ++i) {
    const double rate = 1e-5 * std::pow(1e6, i / 499.0);
    const double d = std::log10(rate) + 1.0;  // the valley's floor at 0.1
    rates.push_back(rate);
    losses.push_back(0.5 + (d < 0 ? 0.2 * d * d : 3 * d * d) + 0.1 * rng.normal());
    if (i % 37 == 36) losses.back() = NAN;
  }
  for (double beta : {0.0, 0.9, 0.98}) {
    INFO("beta " << beta);
    CHECK(pick_rate(rates, losses, beta, 10) ==
          Approx(nn::tuning::pick_learning_rate(rates, losses, 10, beta).rate).epsilon(1e-12));
  }
}

TEST_CASE("curves that cannot be read are refused") {
  CHECK_THROWS_AS(pick_rate({1, 2}, {1}, 0.9, 10), std::invalid_argument);
  CHECK_THROWS_AS(pick_rate({1, 2}, {NAN, NAN}, 0.9, 10), std::invalid_argument);
  CHECK_THROWS_AS(pick_rate({}, {}, 0.9, 10), std::invalid_argument);
  CHECK_THROWS_AS(pick_rate({1}, {1}, 0.9, 0), std::invalid_argument);
  CHECK_THROWS_AS(pick_rate({1}, {1}, 1.5, 10), std::invalid_argument);
}
