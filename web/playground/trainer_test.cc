// The Playground's trainer, natively: the configurations the browser test runs in the page
// (test_configs.json) reach their accuracy here too, the same seed gives the same numbers,
// and a bad config is refused by name.
#include "web/playground/trainer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "lib/error.h"

namespace {

nlohmann::json test_configs() {
  std::ifstream in("web/playground/test_configs.json");
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("the browser test's configurations reach their test accuracy natively") {
  for (const nlohmann::json& run : test_configs()) {
    nn::playground::Trainer trainer(nn::playground::Config::from_json(run.at("config")));
    const double before = trainer.stats().test_accuracy;
    const nn::playground::Stats& s = trainer.train(run.at("epochs").get<int>());
    INFO(run.at("name").get<std::string>()
         << ": test accuracy " << before << " before, " << s.test_accuracy << " after " << s.epoch
         << " epochs; train loss " << s.train_loss);
    CHECK(s.epoch == run.at("epochs").get<int>());
    CHECK(s.test_accuracy >= run.at("min_test_accuracy").get<double>());
    CHECK(s.test_loss < 0.5);  // below the untrained 0.69 (ln 2) by a margin
  }
}

TEST_CASE("the same config and seed give the same numbers; another seed does not") {
  nn::playground::Config config;
  config.dataset = "xor";
  config.points = 200;
  config.learning_rate = 0.1;
  nn::playground::Trainer a(config), b(config);
  a.train(5);
  b.train(3);
  b.train(2);  // in two calls: the epochs' shuffles do not depend on how they were asked for
  CHECK(a.stats().train_loss == b.stats().train_loss);
  CHECK(a.weights() == b.weights());
  config.seed = 2;
  nn::playground::Trainer c(config);
  c.train(5);
  CHECK(a.weights() != c.weights());
}

TEST_CASE("features, surface and weights have the documented shapes") {
  nn::playground::Config config;
  config.hidden = {3, 2};
  config.features = {"x1", "x2", "x1^2", "sin_x2"};
  config.points = 100;
  config.train_ratio = 0.7;
  nn::playground::Trainer trainer(config);
  CHECK(trainer.train_points().x.shape()[0] == 70);
  CHECK(trainer.test_points().x.shape()[0] == 30);
  // (4·3 + 3) + (3·2 + 2) + (2·1 + 1) weights.
  CHECK(trainer.weights().size() == 15 + 8 + 3);
  const nn::Tensor p = trainer.surface(20);
  CHECK(p.shape()[0] == 400);
  CHECK(p.shape()[1] == 1);
  CHECK(xt::all(p > 0.0f && p < 1.0f));
}

TEST_CASE("a bad config is refused, naming what is wrong") {
  using nn::playground::Config;
  CHECK_THROWS_WITH(Config::from_json({{"dataset", "moons"}}), Catch::Contains("moons"));
  CHECK_THROWS_WITH(Config::from_json({{"hidden", {8, 8, 8, 8, 8}}}),
                    Catch::Contains("at most 4 hidden layers"));
  CHECK_THROWS_WITH(Config::from_json({{"hidden", {9}}}), Catch::Contains("1 to 8 units"));
  CHECK_THROWS_WITH(Config::from_json({{"activation", "elu"}}), Catch::Contains("elu"));
  CHECK_THROWS_WITH(Config::from_json({{"features", {"x3"}}}), Catch::Contains("x3"));
  CHECK_THROWS_WITH(Config::from_json({{"learningRate", "fast"}}), Catch::Contains("wrong type"));
  CHECK_THROWS_AS(Config::from_json({{"noise", 0.9}}), nn::ValueError);
  // The page's spellings are read as well.
  const Config c = Config::from_json({{"learningRate", 0.5}, {"batchSize", 7}});
  CHECK(c.learning_rate == 0.5);
  CHECK(c.batch_size == 7);
}

TEST_CASE("the units' pictures are the hidden layers' outputs, and the last one leads to P") {
  nn::playground::Config config;
  config.hidden = {3, 2};
  config.activation = "tanh";
  nn::playground::Trainer trainer(config);
  trainer.train(2);
  const std::vector<nn::Tensor> units = trainer.unit_surfaces(10);
  REQUIRE(units.size() == 2);
  CHECK(units[0].shape()[0] == 100);
  CHECK(units[0].shape()[1] == 3);
  CHECK(units[1].shape()[1] == 2);
  CHECK(xt::all(xt::abs(units[1]) <= 1.0f));  // tanh
  // The output layer on the last hidden layer's outputs gives surface(): sigmoid(h·w + b).
  const std::vector<float> w = trainer.weights();  // 2·3 + 3, 3·2 + 2, then 2·1 + 1
  const nn::Tensor p = trainer.surface(10);
  for (std::size_t i = 0; i < 100; i += 11) {
    const float z = units[1](i, 0) * w[17] + units[1](i, 1) * w[18] + w[19];
    CHECK(p(i, 0) == Approx(1.0f / (1.0f + std::exp(-z))).margin(1e-5));
  }
}
