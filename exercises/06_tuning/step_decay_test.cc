// Tests for exercise 6.7. Do not edit: `./book grade step_decay` runs them.
// Reference values: η0 · r^(k / s) for each step k, computed here; the rate the optimizer
// holds at each batch is read by a second callback that runs after yours.
#include "exercises/06_tuning/step_decay.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "lib/nn.h"

using exercises::StepDecay;

namespace {

// Records the optimizer's rate when each batch begins (after StepDecay has set it).
struct Spy : nn::Callback {
  std::vector<double> rates;
  void on_batch_begin(int, nn::Logs&) override {
    rates.push_back(model()->optimizer().learning_rate());
  }
};

struct Run {
  nn::Sequential model{{nn::Dense(1)}};
  nn::Tensor x = nn::Tensor::from_shape({40, 2});
  nn::Tensor y = nn::Tensor::from_shape({40, 1});
  Run() {
    nn::set_random_seed(1);
    nn::Rng rng(2);
    for (std::size_t i = 0; i < 40; ++i) {
      x(i, 0) = rng.normal();
      x(i, 1) = rng.normal();
      y(i, 0) = x(i, 0) - x(i, 1);
    }
    model.compile("mse", nn::SGD(0.5));
  }
  nn::History fit(const std::shared_ptr<StepDecay>& decay, const std::shared_ptr<Spy>& spy,
                  int epochs) {
    nn::FitOptions options;
    options.epochs = epochs;
    options.batch_size = 10;  // 4 steps per epoch
    options.verbose = 0;
    options.seed = 3;
    options.callbacks = {decay, spy};
    return model.fit(x, y, options);
  }
};

}  // namespace

TEST_CASE("the rate falls by r every s steps, smoothly, from the first batch") {
  Run run;
  auto decay = std::make_shared<StepDecay>(0.1, 6, 0.5);
  auto spy = std::make_shared<Spy>();
  const nn::History history = run.fit(decay, spy, 3);
  REQUIRE(spy->rates.size() == 12);
  for (std::size_t k = 0; k < 12; ++k) {
    INFO("step " << k);
    CHECK(spy->rates[k] == Approx(0.1 * std::pow(0.5, k / 6.0)).epsilon(1e-9));
  }
  // History records the rate of each epoch's last batch: steps 3, 7, 11.
  const std::vector<double>& lr = history.history.at("lr");
  REQUIRE(lr.size() == 3);
  CHECK(lr[0] == Approx(0.1 * std::pow(0.5, 3 / 6.0)).epsilon(1e-9));
  CHECK(lr[2] == Approx(0.1 * std::pow(0.5, 11 / 6.0)).epsilon(1e-9));
}

TEST_CASE("a second fit goes on from the optimizer's step count") {
  Run run;
  auto decay = std::make_shared<StepDecay>(0.2, 4, 0.1);
  auto spy = std::make_shared<Spy>();
  run.fit(decay, spy, 1);
  run.fit(decay, spy, 2);  // steps 4 to 11
  REQUIRE(spy->rates.size() == 12);
  for (std::size_t k = 0; k < 12; ++k) {
    INFO("step " << k);
    CHECK(spy->rates[k] == Approx(0.2 * std::pow(0.1, k / 4.0)).epsilon(1e-9));
  }
}

TEST_CASE("a rate of 1 keeps it constant; bad settings are refused") {
  Run run;
  auto spy = std::make_shared<Spy>();
  run.fit(std::make_shared<StepDecay>(0.03, 2, 1.0), spy, 2);
  for (double r : spy->rates) CHECK(r == Approx(0.03).epsilon(1e-12));
  CHECK_THROWS_AS(StepDecay(0.0, 10, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(StepDecay(0.1, 0, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(StepDecay(0.1, 10, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(StepDecay(0.1, 10, 0.0), std::invalid_argument);
}
