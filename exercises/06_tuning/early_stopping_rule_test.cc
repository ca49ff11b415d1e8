// Tests for exercise 6.3. Do not edit: `./book grade early_stopping_rule` runs them.
#include "exercises/06_tuning/early_stopping_rule.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "lib/callbacks/early_stopping.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

using exercises::early_stopping;
using exercises::StopDecision;

namespace {

std::string show(const StopDecision& d) {
  return std::string(d.stopped ? "stopped" : "not stopped") + ", stopped_epoch " +
         std::to_string(d.stopped_epoch) + ", best_epoch " + std::to_string(d.best_epoch);
}

// The library's EarlyStopping on the same losses: a callback before it puts losses[epoch]
// into the logs as val_loss.
StopDecision library(const std::vector<double>& losses, int patience, double min_delta) {
  struct Script : nn::Callback {
    const std::vector<double>* losses;
    void on_epoch_end(int epoch, nn::Logs& logs) override { logs["val_loss"] = losses->at(epoch); }
  };
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(0.01));
  auto script = std::make_shared<Script>();
  script->losses = &losses;
  nn::EarlyStoppingOptions options;
  options.patience = patience;
  options.min_delta = min_delta;
  auto stop = std::make_shared<nn::EarlyStopping>(options);
  nn::FitOptions fit;
  fit.epochs = static_cast<int>(losses.size());
  fit.verbose = 0;
  fit.callbacks = {script, stop};
  const nn::Tensor x = {{1.0f}}, y = {{1.0f}};
  const nn::History history = model.fit(x, y, fit);
  const int trained = static_cast<int>(history.epoch.size());
  return {stop->stopped_epoch() > 0, trained - 1, stop->best_epoch()};
}

void check(const std::vector<double>& losses, int patience, double min_delta,
           StopDecision expected) {
  const StopDecision got = early_stopping(losses, patience, min_delta);
  INFO("patience " << patience << ", min_delta " << min_delta);
  INFO("expected: " << show(expected));
  INFO("got:      " << show(got));
  CHECK(got.stopped == expected.stopped);
  CHECK(got.stopped_epoch == expected.stopped_epoch);
  CHECK(got.best_epoch == expected.best_epoch);
}

}  // namespace

TEST_CASE("patience counts the epochs without improvement after the best one") {
  // Best at epoch 2; epochs 3, 4 and 5 do not beat 0.8: with patience 3, stop after epoch 5.
  check({1.0, 0.9, 0.8, 0.85, 0.81, 0.9, 0.7, 0.6}, 3, 0.0, {true, 5, 2});
  check({1.0, 0.9, 0.8, 0.85, 0.81, 0.9, 0.7, 0.6}, 4, 0.0, {false, 7, 7});
  check({1.0, 0.9, 0.95, 0.5}, 0, 0.0, {true, 2, 1});  // patience 0: the first miss stops
  check({1.0, 1.0, 1.0}, 1, 0.0, {true, 1, 0});        // equal is not better
}

TEST_CASE("an improvement must beat the best by more than min_delta, whatever its sign") {
  const std::vector<double> slow = {1.0, 0.95, 0.94, 0.935, 0.93, 0.92};
  check(slow, 2, 0.0, {false, 5, 5});
  check(slow, 2, 0.02, {true, 3, 1});
  check(slow, 2, -0.02, {true, 3, 1});
}

TEST_CASE("NaN never improves; the list must hold something") {
  check({1.0, NAN, NAN, 0.5}, 2, 0.0, {true, 2, 0});
  check({0.3}, 5, 0.0, {false, 0, 0});
  CHECK_THROWS_AS(early_stopping({}, 1, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(early_stopping({1.0}, -1, 0.0), std::invalid_argument);
}

TEST_CASE("the same decisions as nn::EarlyStopping on random curves") {
  nn::Rng rng(31);
  for (int run = 0; run < 40; ++run) {
    std::vector<double> losses;
    double level = 1.0;
    const int epochs = 3 + static_cast<int>(rng.below(15));
    for (int e = 0; e < epochs; ++e) {
      level *= 0.9 + 0.15 * rng.uniform();  // mostly down, sometimes up
      losses.push_back(level);
    }
    const int patience = static_cast<int>(rng.below(4));
    const double min_delta = rng.below(2) ? 0.0 : 0.01;
    INFO("run " << run);
    check(losses, patience, min_delta, library(losses, patience, min_delta));
  }
}
