#include "lib/tuning/hyperband.h"

#include <catch2/catch.hpp>
#include <mutex>

#include "lib/error.h"

using nn::tuning::Distribution;
using nn::tuning::Trial;

namespace {

// A stand-in for training: the score is the point's x, scaled by how long it "trained", so
// every rung ranks the trials the same way. It also counts the epochs it was asked for.
struct FakeTraining {
  std::mutex mutex;
  int epochs = 0;
  nn::Logs operator()(const Trial& trial, int budget) {
    std::lock_guard<std::mutex> lock(mutex);
    epochs += budget;
    return {{"val_accuracy", nn::tuning::get_double(trial.params, "x") * budget / 9.0}};
  }
};

const nn::tuning::SearchSpace kSpace = {{"x", Distribution::uniform(0.0, 1.0)}};

double x_of(const nn::tuning::TrialResult& trial) {
  return nn::tuning::get_double(trial.params, "x");
}

}  // namespace

TEST_CASE("Hyperband with max_epochs 9 and factor 3 runs Li et al.'s three brackets") {
  FakeTraining training;
  const nn::tuning::HyperbandResult result = nn::tuning::hyperband(
      kSpace, 9, 3, [&](const Trial& t, int e) { return training(t, e); }, {.seed = 7});
  // Bracket 2: 9 trials for 1 epoch, 3 for 3, 1 for 9. Bracket 1: 5 for 3, 1 for 9.
  // Bracket 0: 3 for 9 (random search). 9 + 9 + 9 + 15 + 9 + 27 = 78 epochs.
  std::vector<std::pair<int, std::size_t>> shape;
  for (const auto& rung : result.rungs) shape.emplace_back(rung.epochs, rung.result.trials.size());
  CHECK(shape ==
        std::vector<std::pair<int, std::size_t>>{{1, 9}, {3, 3}, {9, 1}, {3, 5}, {9, 1}, {9, 3}});
  CHECK(result.epochs_used == 78);
  CHECK(training.epochs == 78);
  CHECK(result.trials_started == 17);
}

TEST_CASE("Each rung keeps the best third of the one before, and best() is a full-budget trial") {
  const nn::tuning::HyperbandResult result = nn::tuning::hyperband(
      kSpace, 9, 3, [](const Trial& t, int e) { return FakeTraining()(t, e); }, {.seed = 11});
  for (std::size_t i = 0; i + 1 < result.rungs.size(); ++i) {
    const auto& now = result.rungs[i];
    const auto& next = result.rungs[i + 1];
    if (next.bracket != now.bracket) continue;
    REQUIRE(next.result.trials.size() == now.result.trials.size() / 3);
    for (std::size_t k = 0; k < next.result.trials.size(); ++k) {  // both sorted best first
      CHECK(x_of(next.result.trials[k]) == x_of(now.result.trials[k]));
    }
  }
  double best_full = 0;
  for (std::size_t i = 0; i < result.rungs.size(); ++i) {
    if (result.rungs[i].epochs != 9) continue;
    for (const auto& trial : result.rungs[i].result.trials)
      best_full = std::max(best_full, x_of(trial));
  }
  CHECK(x_of(result.best()) == best_full);
}

TEST_CASE("Hyperband gives the same rungs on two threads as on one") {
  const auto run = [](int jobs) {
    return nn::tuning::hyperband(kSpace, 9, 3,
                                 [](const Trial& t, int e) { return FakeTraining()(t, e); },
                                 {.jobs = jobs, .seed = 5});
  };
  const auto serial = run(1), parallel = run(2);
  REQUIRE(serial.rungs.size() == parallel.rungs.size());
  for (std::size_t i = 0; i < serial.rungs.size(); ++i) {
    CHECK(serial.rungs[i].result.trials == parallel.rungs[i].result.trials);
  }
}

TEST_CASE("Hyperband and successive halving refuse budgets they cannot halve") {
  const nn::tuning::BudgetObjective objective = [](const Trial&, int) {
    return nn::Logs{{"val_accuracy", 0.5}};
  };
  CHECK_THROWS_AS(nn::tuning::hyperband(kSpace, 0, 3, objective), nn::ValueError);
  CHECK_THROWS_AS(nn::tuning::hyperband(kSpace, 9, 1, objective), nn::ValueError);
  nn::tuning::HyperbandResult result;
  CHECK_THROWS_AS(nn::tuning::successive_halving({}, 0, 9, 3, objective, {}, 0, result),
                  nn::ValueError);
  CHECK_THROWS_AS(result.best(), nn::Error);
}
