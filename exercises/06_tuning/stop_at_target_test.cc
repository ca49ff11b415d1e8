// Tests for exercise 6.5. Do not edit: `./book grade stop_at_target` runs them.
#include "exercises/06_tuning/stop_at_target.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <stdexcept>

#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

using exercises::StopAtTarget;

namespace {

// Two classes on either side of the line x1 + x2 = 0, easy to learn but not at once.
struct Data {
  nn::Tensor x;
  nn::Labels y;
};

Data separable(std::size_t rows) {
  nn::Rng rng(3);
  Data d{nn::Tensor::from_shape({rows, 2}), nn::Labels::from_shape({rows})};
  for (std::size_t r = 0; r < rows; ++r) {
    d.x(r, 0) = rng.normal();
    d.x(r, 1) = rng.normal();
    d.y(r) = d.x(r, 0) + d.x(r, 1) > 0 ? 1 : 0;
  }
  return d;
}

const Data data = separable(200);

nn::History train(const std::shared_ptr<nn::Callback>& callback, int epochs,
                  bool validation = false) {
  nn::set_random_seed(2);
  nn::Sequential model({nn::Dense(8, "relu"), nn::Dense(2, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.02), {"accuracy"});
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = 20;
  options.verbose = 0;
  options.seed = 4;
  if (validation) options.validation_data = {{data.x, data.y}};
  options.callbacks = {callback};
  return model.fit(data.x, data.y, options);
}

}  // namespace

TEST_CASE("training stops after the first epoch that reaches the accuracy") {
  auto stop = std::make_shared<StopAtTarget>("accuracy", 0.9);
  const nn::History history = train(stop, 100);
  const std::vector<double>& accuracy = history.history.at("accuracy");
  INFO("accuracy per epoch: " << Catch::Detail::stringify(accuracy));
  REQUIRE(accuracy.size() >= 2);  // 0.9 takes a few epochs at this rate
  CHECK(accuracy.size() < 100);
  CHECK(accuracy.back() >= 0.9);
  for (std::size_t e = 0; e + 1 < accuracy.size(); ++e) CHECK(accuracy[e] < 0.9);
  CHECK(stop->stopped_epoch() == static_cast<int>(accuracy.size()) - 1);
}

TEST_CASE("a target met exactly is reached") {
  // The same training (same seeds) gives the same accuracies: take one that a run met for
  // the first time as the target; the run must stop at that very epoch.
  auto never = std::make_shared<StopAtTarget>("accuracy", 1.01);
  const std::vector<double> accuracy = train(never, 20).history.at("accuracy");
  std::size_t k = 1;
  auto best_before = [&](std::size_t e) {
    return *std::max_element(accuracy.begin(), accuracy.begin() + e);
  };
  while (k < accuracy.size() && !(accuracy[k] > best_before(k))) ++k;
  REQUIRE(k < accuracy.size());
  INFO("accuracy per epoch: " << Catch::Detail::stringify(accuracy) << "; target " << accuracy[k]
                              << ", first met at epoch " << k);
  auto exact = std::make_shared<StopAtTarget>("accuracy", accuracy[k]);
  CHECK(train(exact, 20).epoch.size() == k + 1);
  CHECK(exact->stopped_epoch() == static_cast<int>(k));
}

TEST_CASE("mode min watches a loss coming down") {
  auto stop = std::make_shared<StopAtTarget>("val_loss", 0.4, "min");
  const nn::History history = train(stop, 100, true);
  const std::vector<double>& loss = history.history.at("val_loss");
  INFO("val_loss per epoch: " << Catch::Detail::stringify(loss));
  REQUIRE(loss.size() >= 2);
  CHECK(loss.size() < 100);
  CHECK(loss.back() <= 0.4);
  for (std::size_t e = 0; e + 1 < loss.size(); ++e) CHECK(loss[e] > 0.4);
  CHECK(stop->stopped_epoch() == static_cast<int>(loss.size()) - 1);
}

TEST_CASE("a target never reached lets every epoch run; a reused callback starts afresh") {
  auto stop = std::make_shared<StopAtTarget>("accuracy", 0.9);
  train(stop, 100);
  REQUIRE(stop->stopped_epoch() >= 0);
  const nn::History short_run = train(stop, 1);  // one epoch is not enough for 0.9
  CHECK(short_run.epoch.size() == 1);
  CHECK(stop->stopped_epoch() == -1);
  auto never = std::make_shared<StopAtTarget>("accuracy", 1.01);
  CHECK(train(never, 5).epoch.size() == 5);
  CHECK(never->stopped_epoch() == -1);
}

TEST_CASE("a missing key and an unknown mode are refused") {
  auto typo = std::make_shared<StopAtTarget>("val_acuracy", 0.9);
  CHECK_THROWS_AS(train(typo, 3, true), std::invalid_argument);
  CHECK_THROWS_WITH(train(typo, 3, true), Catch::Contains("val_acuracy"));
  CHECK_THROWS_AS(StopAtTarget("loss", 0.1, "lowest"), std::invalid_argument);
}
