#include "lib/callbacks/lr_finder.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <xtensor/xview.hpp>

#include "lib/callbacks/terminate_on_nan.h"
#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

namespace {

// A regression data set: y = 2·x1 − x2 + 0.5 plus a little noise.
struct Data {
  nn::Tensor x, y;
};

Data line_data(std::size_t rows) {
  nn::Rng rng(11);
  Data d{nn::Tensor::from_shape({rows, 2}), nn::Tensor::from_shape({rows, 1})};
  for (std::size_t r = 0; r < rows; ++r) {
    d.x(r, 0) = rng.normal();
    d.x(r, 1) = rng.normal();
    d.y(r, 0) = 2 * d.x(r, 0) - d.x(r, 1) + 0.5f + 0.1f * rng.normal();
  }
  return d;
}

// The loss of each batch computed by hand, before its step: mean squared error of the model's
// predictions on rows [b·size, (b + 1)·size) (no shuffling).
struct BatchLoss : nn::Callback {
  const Data* data;
  std::size_t size;
  std::vector<double> losses;
  BatchLoss(const Data* d, std::size_t s) : data(d), size(s) {}
  void on_batch_begin(int batch, nn::Logs&) override {
    const std::size_t first = static_cast<std::size_t>(batch) * size;
    const nn::Tensor x = xt::view(data->x, xt::range(first, first + size), xt::all());
    const nn::Tensor p = model()->predict(x);
    double sum = 0.0;
    for (std::size_t r = 0; r < size; ++r) {
      const double e = p(r, 0) - data->y(first + r, 0);
      sum += e * e;
    }
    losses.push_back(sum / size);
  }
};

}  // namespace

TEST_CASE("the exponential schedule runs from min_lr to max_lr by a constant factor") {
  CHECK(nn::exponential_learning_rate(1e-5, 10, 500, 0) == Approx(1e-5).epsilon(1e-12));
  CHECK(nn::exponential_learning_rate(1e-5, 10, 500, 499) == Approx(10).epsilon(1e-12));
  // Six decades in 499 steps: each step multiplies by 10^(6/499).
  const double q = std::pow(10.0, 6.0 / 499.0);
  for (int i : {1, 100, 250, 498}) {
    CHECK(nn::exponential_learning_rate(1e-5, 10, 500, i) /
              nn::exponential_learning_rate(1e-5, 10, 500, i - 1) ==
          Approx(q).epsilon(1e-12));
  }
  CHECK_THROWS_AS(nn::exponential_learning_rate(0, 10, 500, 0), nn::ValueError);
  CHECK_THROWS_AS(nn::exponential_learning_rate(1, 0.5, 500, 0), nn::ValueError);
  CHECK_THROWS_AS(nn::exponential_learning_rate(1e-5, 10, 1, 0), nn::ValueError);
}

TEST_CASE("LRFinder sweeps the optimizer's rate batch by batch and records each batch's loss") {
  const Data data = line_data(64);
  nn::set_random_seed(3);
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD());
  nn::LRFinderOptions options;
  options.min_lr = 1e-4;
  options.max_lr = 0.1;
  options.steps = 40;
  options.stop_factor = 0;  // sweep to the end
  auto finder = std::make_shared<nn::LRFinder>(options);
  auto by_hand = std::make_shared<BatchLoss>(&data, 1);
  nn::FitOptions fit;
  fit.batch_size = 1;  // 64 batches in the epoch; the sweep stops after 40
  fit.shuffle = false;
  fit.verbose = 0;
  fit.callbacks = {by_hand, finder};
  model.fit(data.x, data.y, fit);

  const std::vector<double>& rates = finder->learning_rates();
  REQUIRE(rates.size() == 40);
  CHECK(rates.front() == Approx(1e-4).epsilon(1e-12));
  CHECK(rates.back() == Approx(0.1).epsilon(1e-12));
  CHECK(finder->factor() == Approx(std::pow(1000.0, 1.0 / 39)).epsilon(1e-12));
  for (std::size_t i = 1; i < rates.size(); ++i) {
    CHECK(rates[i] / rates[i - 1] == Approx(finder->factor()).epsilon(1e-12));
  }
  REQUIRE(by_hand->losses.size() == 40);
  for (std::size_t i = 0; i < 40; ++i) {
    INFO("batch " << i);
    CHECK(finder->losses()[i] == Approx(by_hand->losses[i]).epsilon(1e-4));
  }
  CHECK_FALSE(finder->exploded());
}

TEST_CASE("LRFinder: the last batch of an epoch has no recoverable loss; the sweep spans epochs") {
  const Data data = line_data(10);
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD());
  nn::LRFinderOptions options;
  options.steps = 7;
  options.max_lr = 1e-3;
  auto finder = std::make_shared<nn::LRFinder>(options);
  nn::FitOptions fit;
  fit.epochs = 5;
  fit.batch_size = 4;  // batches of 4, 4 and 2 rows
  fit.verbose = 0;
  fit.callbacks = {finder};
  nn::History history = model.fit(data.x, data.y, fit);
  CHECK(history.epoch.size() == 3);  // 3 + 3 + 1 batches
  const std::vector<double>& losses = finder->losses();
  REQUIRE(losses.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) {
    INFO("batch " << i);
    CHECK(std::isnan(losses[i]) == (i == 2 || i == 5));
  }
  CHECK(finder->learning_rates().back() == Approx(1e-3).epsilon(1e-12));
}

TEST_CASE("LRFinder stops when the loss explodes, before max_lr") {
  const Data data = line_data(256);
  nn::set_random_seed(4);
  nn::Sequential model({nn::Dense(8, "relu"), nn::Dense(1)});
  model.compile("mse", nn::SGD());
  auto finder = std::make_shared<nn::LRFinder>();  // 1e-5 → 10 over 500 batches
  std::ostringstream quiet;
  nn::FitOptions fit;
  fit.epochs = 100;
  fit.batch_size = 8;
  fit.verbose = 0;
  fit.callbacks = {finder, std::make_shared<nn::TerminateOnNaN>(quiet)};
  model.fit(data.x, data.y, fit);
  CHECK(finder->exploded());
  CHECK(finder->learning_rates().size() < 500);
  CHECK(finder->learning_rates().back() < 10.0);
  // It stopped for a reason: the last loss is not finite, or the smoothed loss is 4× its best.
  const std::vector<double> smoothed = nn::smooth_losses(finder->losses(), 0.98);
  double best = INFINITY;
  for (double s : smoothed) {
    if (!std::isnan(s)) best = std::min(best, s);
  }
  const double last = smoothed.back();
  CHECK((!std::isfinite(finder->losses().back()) || last > 4 * best));
}

TEST_CASE("smooth_losses: a bias-corrected moving average that skips NaN") {
  const std::vector<double> constant = nn::smooth_losses({2, 2, 2}, 0.9);
  for (double v : constant) CHECK(v == Approx(2.0));  // the bias correction makes it exact
  const std::vector<double> s = nn::smooth_losses({1, NAN, 3}, 0.5);
  CHECK(s[0] == Approx(1.0));
  CHECK(std::isnan(s[1]));
  CHECK(s[2] == Approx((0.25 * 1 + 0.5 * 3) / 0.75));  // (β(1−β)·1 + (1−β)·3) / (1 − β²)
  CHECK(nn::smooth_losses({5, 1}, 0.0) == std::vector<double>{5, 1});
  CHECK_THROWS_AS(nn::smooth_losses({1}, 1.0), nn::ValueError);
}
