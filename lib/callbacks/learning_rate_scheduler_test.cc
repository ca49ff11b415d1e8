#include "lib/callbacks/learning_rate_scheduler.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"

namespace {

// Records the optimizer's rate at the start of every batch, and the weights after each epoch.
struct Probe : nn::Callback {
  std::vector<double> rates;
  std::vector<std::vector<nn::Tensor>> weights;
  void on_batch_begin(int, nn::Logs&) override {
    rates.push_back(model()->optimizer().learning_rate());
  }
  void on_epoch_end(int, nn::Logs&) override { weights.push_back(model()->get_weights()); }
};

const nn::Tensor x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
const nn::Tensor y = {{1}, {2}, {3}, {0}};

}  // namespace

TEST_CASE("LearningRateScheduler sets the rate the optimizer uses in each epoch") {
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(0.1));
  // Epoch 1 trains with a rate of 0: its weights must not move. The others halve the rate.
  auto scheduler = std::make_shared<nn::LearningRateScheduler>([](int epoch, double lr) {
    return epoch == 1 ? 0.0 : epoch == 2 ? 0.05 : lr / 2;
  });
  auto probe = std::make_shared<Probe>();
  nn::FitOptions options;
  options.epochs = 4;
  options.batch_size = 2;
  options.verbose = 0;
  options.callbacks = {scheduler, probe};
  nn::History history = model.fit(x, y, options);
  CHECK(probe->rates == std::vector<double>{0.05, 0.05, 0.0, 0.0, 0.05, 0.05, 0.025, 0.025});
  CHECK(history.history["lr"] == std::vector<double>{0.05, 0.0, 0.05, 0.025});
  REQUIRE(probe->weights.size() == 4);
  CHECK((probe->weights[0][0] == probe->weights[1][0]));        // rate 0: no step
  CHECK_FALSE((probe->weights[1][0] == probe->weights[2][0]));  // rate 0.05: steps
  CHECK(model.optimizer().learning_rate() == 0.025);
}

TEST_CASE("LearningRateScheduler: verbose prints the rate; a bad rate names its epoch") {
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(0.1));
  std::ostringstream out;
  auto verbose =
      std::make_shared<nn::LearningRateScheduler>([](int, double lr) { return lr; }, 1, out);
  nn::FitOptions options;
  options.verbose = 0;
  options.callbacks = {verbose};
  model.fit(x, y, options);
  CHECK(out.str() == "Epoch 1: LearningRateScheduler setting learning rate to 0.1.\n");

  options.epochs = 3;
  options.callbacks = {std::make_shared<nn::LearningRateScheduler>(
      [](int epoch, double lr) { return epoch == 2 ? -1.0 : lr; })};
  CHECK_THROWS_WITH(model.fit(x, y, options), Catch::Contains("epoch 2"));
  CHECK_THROWS_AS(nn::LearningRateScheduler(nullptr), nn::ValueError);
}

TEST_CASE("exponential_decay divides the rate by ten every `steps` epochs") {
  const nn::Schedule decay = nn::exponential_decay(0.01, 20);
  CHECK(decay(0, 123.0) == Approx(0.01));
  CHECK(decay(20, 0.0) == Approx(0.001));
  CHECK(decay(10, 0.0) == Approx(0.01 / std::sqrt(10.0)));
  CHECK(nn::exponential_decay(1.0, 1, 0.5)(3, 0.0) == Approx(0.125));
  CHECK_THROWS_AS(nn::exponential_decay(0.01, 0), nn::ValueError);
}
