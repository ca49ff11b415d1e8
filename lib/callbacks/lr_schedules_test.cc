#include "lib/callbacks/lr_schedules.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/callbacks/reduce_lr_on_plateau.h"
#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"

namespace {

// Records the optimizer's rate at the start of every batch.
struct RateProbe : nn::Callback {
  std::vector<double> rates;
  void on_batch_begin(int, nn::Logs&) override {
    rates.push_back(model()->optimizer().learning_rate());
  }
};

const nn::Tensor x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};  // (4, 2)
const nn::Tensor y = {{1}, {2}, {3}, {0}};              // (4, 1)

}  // namespace

TEST_CASE("ExponentialDecay is lr0 * rate^(step / steps), as Keras's formula") {
  // Keras's documentation: decayed = initial * decay_rate ^ (step / decay_steps).
  const nn::ExponentialDecay smooth(0.1, 10, 0.5);
  CHECK(smooth(0) == Approx(0.1));
  CHECK(smooth(10) == Approx(0.05));
  CHECK(smooth(5) == Approx(0.1 * std::sqrt(0.5)));
  const nn::ExponentialDecay stairs(0.1, 10, 0.5, /*staircase=*/true);
  CHECK(stairs(9) == Approx(0.1));
  CHECK(stairs(15) == Approx(0.05));
  CHECK(stairs(20) == Approx(0.025));
  CHECK_THROWS_AS(nn::ExponentialDecay(0.1, 0, 0.5), nn::ValueError);
  CHECK_THROWS_AS(nn::ExponentialDecay(-0.1, 10, 0.5), nn::ValueError);
}

TEST_CASE("PiecewiseConstantDecay: the boundaries belong to the interval before them") {
  // The example of Keras's documentation: 1.0 up to step 100, 0.5 up to 110, then 0.1.
  const nn::PiecewiseConstantDecay schedule({100, 110}, {1.0, 0.5, 0.1});
  CHECK(schedule(0) == 1.0);
  CHECK(schedule(100) == 1.0);
  CHECK(schedule(101) == 0.5);
  CHECK(schedule(110) == 0.5);
  CHECK(schedule(111) == 0.1);
  CHECK_THROWS_AS(nn::PiecewiseConstantDecay({100}, {1.0}), nn::ValueError);
  CHECK_THROWS_AS(nn::PiecewiseConstantDecay({110, 100}, {1.0, 0.5, 0.1}), nn::ValueError);
}

TEST_CASE("OneCycle rises to max_rate, falls back, then ends far below its start") {
  // 100 steps, max 1: start 0.1, a tail of 11 steps, halves of 44 steps, last rate 1e-4.
  const nn::OneCycle cycle(100, 1.0);
  CHECK(cycle(0) == Approx(0.1));
  CHECK(cycle(22) == Approx(0.55));
  CHECK(cycle(44) == Approx(1.0));
  CHECK(cycle(88) == Approx(0.1));
  CHECK(cycle(99) == Approx(0.1 + (1e-4 - 0.1) * 11.0 / 12.0));
  for (int step = 1; step < 44; ++step) CHECK(cycle(step) > cycle(step - 1));
  for (int step = 45; step < 100; ++step) CHECK(cycle(step) < cycle(step - 1));
  CHECK_THROWS_AS(nn::OneCycle(1, 1.0), nn::ValueError);
}

TEST_CASE("StepSchedule sets the rate of every batch, counting steps across epochs") {
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(0.1));
  auto schedule = nn::step_schedule(nn::PiecewiseConstantDecay({2}, {0.1, 0.01}));
  auto probe = std::make_shared<RateProbe>();
  nn::FitOptions options;
  options.epochs = 3;
  options.batch_size = 2;  // two steps per epoch
  options.verbose = 0;
  options.callbacks = {schedule, probe};
  const nn::History history = model.fit(x, y, options);
  CHECK(probe->rates == std::vector<double>{0.1, 0.1, 0.1, 0.01, 0.01, 0.01});
  CHECK(history.history.at("lr") == std::vector<double>{0.1, 0.01, 0.01});
  CHECK(schedule->step() == 6);
}

TEST_CASE("ReduceLROnPlateau cuts the rate after `patience` epochs without improvement") {
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(1.0));
  nn::ReduceLROnPlateau plateau({.monitor = "val_loss",
                                 .factor = 0.5,
                                 .patience = 2,
                                 .min_delta = 0.0,
                                 .cooldown = 1,
                                 .min_lr = 0.2});
  plateau.set_model(&model);
  nn::Logs logs;
  plateau.on_train_begin(logs);
  // Losses: improve, improve, then flat. Epochs 2-3 wait and cut to 0.5 after epoch 3; the
  // cooldown of one epoch ends at once on epoch 4 (as in Keras, the counter is decreased
  // before it is tested), so epochs 4-5 wait and cut to 0.25, epochs 6-7 cut to the floor,
  // 0.2, and after that the rate stays at the floor.
  const std::vector<double> losses = {3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
  std::vector<double> rates;
  for (std::size_t e = 0; e < losses.size(); ++e) {
    nn::Logs epoch_logs{{"val_loss", losses[e]}};
    plateau.on_epoch_end(static_cast<int>(e), epoch_logs);
    rates.push_back(model.optimizer().learning_rate());
  }
  CHECK(plateau.reductions() == std::vector<int>{3, 5, 7});
  CHECK(rates.back() == Approx(0.2));
  CHECK(rates[3] == Approx(0.5));
  CHECK(rates[5] == Approx(0.25));

  nn::Logs no_val{{"loss", 1.0}};
  CHECK_THROWS_WITH(plateau.on_epoch_end(0, no_val), Catch::Contains("val_loss"));
  CHECK_THROWS_AS(nn::ReduceLROnPlateau({.factor = 1.0}), nn::ValueError);
}
