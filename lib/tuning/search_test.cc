#include "lib/tuning/search.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "lib/error.h"
#include "lib/gemm.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/sgd.h"

using nn::tuning::Distribution;
using nn::tuning::Trial;

namespace {

// Two overlapping blobs of points, (rows, 2), labels 0 and 1.
struct Blobs {
  nn::Tensor x;
  nn::Labels y;
};

Blobs blobs(std::size_t rows, std::uint64_t seed) {
  nn::Rng rng(seed);
  Blobs b{nn::Tensor::from_shape({rows, 2}), nn::Labels::from_shape({rows})};
  for (std::size_t r = 0; r < rows; ++r) {
    const int label = static_cast<int>(r % 2);
    b.x(r, 0) = rng.normal(label ? 1.0f : -1.0f, 1.0f);
    b.x(r, 1) = rng.normal(label ? 0.5f : -0.5f, 1.0f);
    b.y(r) = label;
  }
  return b;
}

const Blobs train = blobs(160, 1), valid = blobs(80, 2);

// A real objective: a fresh MLP from the trial's hyperparameters, trained with its seed.
nn::Logs train_mlp(const Trial& trial) {
  nn::Sequential model;
  for (int i = 0; i < nn::tuning::get_int(trial.params, "hidden_layers"); ++i) {
    model.add(nn::Dense(nn::tuning::get_int(trial.params, "neurons"), "relu"));
  }
  model.add(nn::Dense(2, "softmax"));
  const double rate = nn::tuning::get_double(trial.params, "learning_rate");
  if (nn::tuning::get_string(trial.params, "optimizer") == "adam") {
    model.compile("sparse_categorical_crossentropy", nn::Adam(rate), {"accuracy"});
  } else {
    model.compile("sparse_categorical_crossentropy", nn::SGD(rate), {"accuracy"});
  }
  nn::FitOptions options;
  options.epochs = 4;
  options.batch_size = 16;
  options.verbose = 0;
  options.seed = trial.seed;
  model.fit(train.x, train.y, options);
  const nn::Logs logs = model.evaluate(valid.x, valid.y, 32, 0);
  return {{"val_loss", logs.at("loss")}, {"val_accuracy", logs.at("accuracy")}};
}

const nn::tuning::SearchSpace kSpace = {{"hidden_layers", Distribution::int_uniform(0, 3)},
                                        {"neurons", Distribution::int_uniform(2, 16)},
                                        {"learning_rate", Distribution::log_uniform(1e-3, 0.3)},
                                        {"optimizer", Distribution::choice({"sgd", "adam"})}};

}  // namespace

TEST_CASE("a parallel search gives the same trials, number for number, as a serial one") {
  nn::tuning::SearchOptions options;
  options.seed = 7;
  const nn::tuning::SearchResult serial = nn::tuning::random_search(kSpace, 8, train_mlp, options);
  options.jobs = 3;
  const nn::tuning::SearchResult parallel =
      nn::tuning::random_search(kSpace, 8, train_mlp, options);
  REQUIRE(serial.trials.size() == 8);
  CHECK(serial.trials == parallel.trials);
  CHECK(serial.table() == parallel.table());
  // The trials really differ from one another, and another search seed gives other trials.
  std::set<double> losses;
  for (const auto& t : serial.trials) losses.insert(t.logs.at("val_loss"));
  CHECK(losses.size() == 8);
  options.seed = 8;
  CHECK_FALSE(nn::tuning::random_search(kSpace, 8, train_mlp, options).trials == serial.trials);
  // Best first: the scores never increase down the list.
  for (std::size_t i = 1; i < serial.trials.size(); ++i) {
    CHECK(serial.trials[i - 1].score >= serial.trials[i].score);
  }
  CHECK(serial.best().score == serial.trials[0].score);
  CHECK(serial.maximize);
}

TEST_CASE("with jobs = 2, two trials run at the same time on two threads") {
  std::mutex mutex;
  std::condition_variable both;
  int started = 0;
  bool overlapped = false;
  std::set<std::thread::id> threads;
  const nn::tuning::Objective objective = [&](const Trial& trial) -> nn::Logs {
    std::unique_lock<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
    ++started;
    both.notify_all();
    // A safety net, not a measurement: a serial runner would wait here in vain.
    overlapped = both.wait_for(lock, std::chrono::seconds(20), [&] { return started >= 2; });
    return {{"val_accuracy", 0.5 + trial.index}};
  };
  nn::tuning::SearchOptions options;
  options.jobs = 2;
  nn::tuning::grid_search({{"k", {1, 2}}}, objective, options);
  CHECK(overlapped);
  CHECK(threads.size() == 2);
}

TEST_CASE("each trial's seed comes from the search seed and its index only") {
  std::set<std::uint64_t> seeds;
  for (int i = 0; i < 100; ++i) seeds.insert(nn::tuning::trial_seed(42, i));
  CHECK(seeds.size() == 100);
  CHECK(nn::tuning::trial_seed(42, 3) == nn::tuning::trial_seed(42, 3));
  CHECK(nn::tuning::trial_seed(42, 3) != nn::tuning::trial_seed(43, 3));
  std::vector<std::uint64_t> given;
  nn::tuning::SearchOptions options;
  options.seed = 42;
  options.jobs = 2;
  std::mutex mutex;
  const auto result = nn::tuning::grid_search(
      {{"k", {1, 2, 3}}},
      [&](const Trial& trial) -> nn::Logs {
        std::lock_guard<std::mutex> lock(mutex);
        given.push_back(trial.seed);
        CHECK(trial.seed == nn::tuning::trial_seed(42, trial.index));
        return {{"val_accuracy", 1.0}};
      },
      options);
  CHECK(given.size() == 3);
}

TEST_CASE("trials are ranked by the objective, in its direction, ties in trial order") {
  const nn::tuning::Objective objective = [](const Trial& trial) -> nn::Logs {
    return {{"loss", nn::tuning::get_double(trial.params, "v")}};
  };
  const nn::tuning::Grid grid = {{"v", {3, 1, 2, 1}}};
  nn::tuning::SearchOptions options;
  options.objective = "loss";  // auto: smaller is better
  std::vector<int> order;
  for (const auto& t : nn::tuning::grid_search(grid, objective, options).trials) {
    order.push_back(t.index);
  }
  CHECK(order == std::vector<int>{1, 3, 2, 0});
  options.mode = "max";
  order.clear();
  for (const auto& t : nn::tuning::grid_search(grid, objective, options).trials) {
    order.push_back(t.index);
  }
  CHECK(order == std::vector<int>{0, 2, 1, 3});
  options.mode = "upwards";
  CHECK_THROWS_AS(nn::tuning::grid_search(grid, objective, options), nn::ValueError);
  options.mode = "auto";
  options.jobs = 0;
  CHECK_THROWS_AS(nn::tuning::grid_search(grid, objective, options), nn::ValueError);
}

TEST_CASE("a trial that fails with nn::Error is recorded and ranked last; others stop the search") {
  nn::tuning::SearchOptions options;
  options.jobs = 2;
  int reported = 0;
  options.on_trial_end = [&](const nn::tuning::TrialResult&) { ++reported; };
  const auto result = nn::tuning::grid_search(
      {{"k", {1, 2, 3}}},
      [](const Trial& trial) -> nn::Logs {
        if (trial.index == 0) throw nn::Error("fit: the loss became NaN at epoch 1");
        return {{"val_accuracy", 0.1 * trial.index}};
      },
      options);
  CHECK(reported == 3);
  REQUIRE(result.trials.size() == 3);
  CHECK(result.trials[0].index == 2);
  CHECK(result.trials[2].index == 0);
  CHECK(std::isnan(result.trials[2].score));
  CHECK(result.trials[2].error == "fit: the loss became NaN at epoch 1");
  CHECK_THAT(result.table(), Catch::Contains("failed: fit: the loss became NaN"));

  CHECK_THROWS_AS(nn::tuning::grid_search(
                      {{"k", {1, 2, 3}}},
                      [](const Trial&) -> nn::Logs { throw std::logic_error("a bug"); }, options),
                  std::logic_error);
  CHECK_THROWS_WITH(nn::tuning::grid_search(
                        {{"k", {1}}},
                        [](const Trial&) -> nn::Logs {
                          return {{"accuracy", 1.0}};
                        },
                        options),
                    Catch::Contains("trial 0") && Catch::Contains("\"val_accuracy\"") &&
                        Catch::Contains("\"accuracy\""));
  const auto all_failed = nn::tuning::grid_search(
      {{"k", {1}}}, [](const Trial&) -> nn::Logs { throw nn::Error("no"); }, options);
  CHECK_THROWS_AS(all_failed.best(), nn::Error);
}

TEST_CASE("the table lists the trials best first, one column per hyperparameter") {
  const auto result = nn::tuning::grid_search({{"layers", {1, 2}}, {"optimizer", {"sgd", "adam"}}},
                                              [](const Trial& trial) -> nn::Logs {
                                                return {{"val_accuracy", 0.5 + 0.1 * trial.index}};
                                              });
  const std::string table = result.table({"optimizer", "layers"});
  INFO(table);
  CHECK(table.rfind("rank  trial  optimizer  layers  val_accuracy\n", 0) == 0);
  CHECK_THAT(table, Catch::Contains("\n1     3      adam       2       0.8000\n"));
  CHECK_THAT(table, Catch::EndsWith("4     0      sgd        1       0.5000\n"));
}

TEST_CASE("trials run with one BLAS thread each, and the caller's setting comes back after") {
  const int saved = nn::blas_threads();
  nn::set_blas_threads(2);
  nn::tuning::SearchOptions options;
  options.jobs = 2;
  std::vector<int> seen;
  std::mutex mutex;
  nn::tuning::grid_search(
      {{"k", {1, 2}}},
      [&](const Trial&) -> nn::Logs {
        std::lock_guard<std::mutex> lock(mutex);
        seen.push_back(nn::blas_threads());
        return {{"val_accuracy", 1.0}};
      },
      options);
  CHECK(seen == std::vector<int>{1, 1});
  CHECK(nn::blas_threads() == 2);
  nn::set_blas_threads(saved);
}
