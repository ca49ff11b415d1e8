#include "lib/tuning/lr_rule.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/callbacks/lr_finder.h"
#include "lib/error.h"
#include "lib/random.h"

namespace {

// A finder-like curve: 500 rates from 1e-5 to 10, a loss shaped like a valley in log10(rate)
// whose floor is at `bottom`, climbing steeply after it, with optional noise.
struct Curve {
  std::vector<double> rates, losses;
};

Curve valley(double bottom, double noise) {
  Curve c;
  nn::Rng rng(9);
  for (int i = 0; i < 500; ++i) {
    const double rate = nn::exponential_learning_rate(1e-5, 10, 500, i);
    const double d = std::log10(rate) - std::log10(bottom);
    c.rates.push_back(rate);
    c.losses.push_back(0.4 + (d < 0 ? 0.3 * d * d : 4.0 * d * d) + noise * rng.normal());
  }
  return c;
}

}  // namespace

TEST_CASE("the rule takes the rate at the loss's minimum and divides it by ten") {
  const Curve clean = valley(0.3, 0.0);
  const nn::tuning::LearningRatePick pick =
      nn::tuning::pick_learning_rate(clean.rates, clean.losses, 10, 0);
  // Without smoothing the minimum is the grid rate nearest 0.3 (steps of 10^(6/499) ≈ 2.8%).
  CHECK(pick.min_loss_rate == Approx(0.3).epsilon(0.015));
  CHECK(pick.rate == Approx(pick.min_loss_rate / 10));
  CHECK(pick.min_loss_rate == clean.rates[pick.index]);
  CHECK(pick.min_loss == Approx(clean.losses[pick.index]));
  CHECK(pick.min_loss == Approx(0.4).margin(1e-3));
  CHECK(nn::tuning::pick_learning_rate(clean.rates, clean.losses, 3, 0).rate ==
        Approx(pick.min_loss_rate / 3));
}

TEST_CASE("the rule smooths a noisy curve before looking for its minimum") {
  const Curve noisy = valley(0.3, 0.15);
  const nn::tuning::LearningRatePick pick =
      nn::tuning::pick_learning_rate(noisy.rates, noisy.losses);  // divisor 10, beta 0.9
  REQUIRE(pick.smoothed.size() == 500);
  CHECK(pick.smoothed == nn::smooth_losses(noisy.losses, 0.9));
  // The moving average lags a few batches behind the curve, so its minimum sits a little to
  // the right of the true one, but within a factor of two.
  INFO("picked " << pick.min_loss_rate);
  CHECK(pick.min_loss_rate > 0.3 / 2);
  CHECK(pick.min_loss_rate < 0.3 * 2);
  CHECK(pick.rate == Approx(pick.min_loss_rate / 10));
}

TEST_CASE("the rule skips NaN losses and refuses curves it cannot read") {
  Curve c = valley(0.01, 0.0);
  const std::size_t bottom = nn::tuning::pick_learning_rate(c.rates, c.losses, 10, 0).index;
  c.losses[bottom] = NAN;
  const nn::tuning::LearningRatePick pick =
      nn::tuning::pick_learning_rate(c.rates, c.losses, 10, 0);
  CHECK((pick.index == bottom - 1 || pick.index == bottom + 1));
  CHECK_THROWS_WITH(nn::tuning::pick_learning_rate({1, 2}, {1}),
                    Catch::Contains("2 rates but 1 loss"));
  CHECK_THROWS_AS(nn::tuning::pick_learning_rate({1, 2}, {NAN, NAN}), nn::ValueError);
  CHECK_THROWS_AS(nn::tuning::pick_learning_rate({1}, {1}, 0), nn::ValueError);
}
