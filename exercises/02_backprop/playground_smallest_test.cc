// Tests for exercise 2.10. Do not edit: `./book grade playground_smallest` runs them against
// your playground_smallest.cc. The networks are re-trained here, by the statement's recipe,
// and parameter counts are counted from built models, so an answer is checked against what
// training really gives, not against numbers written down once.
#include "exercises/02_backprop/playground_smallest.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "lib/data/playground.h"
#include "lib/data/scaler.h"
#include "lib/data/split.h"
#include "lib/nn.h"

using exercises::playground_accuracy;
using exercises::playground_params;
using exercises::PlaygroundBudget;
using exercises::PlaygroundRun;
using exercises::smallest_network;

namespace {

using Candidates = std::vector<std::vector<int>>;

nn::Sequential network(const std::vector<int>& hidden) {
  nn::Sequential model;
  for (int width : hidden) model.add(nn::Dense(width, "tanh"));
  model.add(nn::Dense(1, "sigmoid"));
  return model;
}

// The statement's recipe, here.
double accuracy_here(const std::string& name, const std::vector<int>& hidden,
                     const PlaygroundBudget& budget) {
  const nn::PlaygroundData data = nn::make_playground(name, budget.points, 0.1f, budget.seed);
  const nn::Split<nn::Labels> split = nn::train_test_split(data.x, data.y, 0.5, budget.seed + 1);
  nn::StandardScaler scaler;
  const nn::Tensor x_train = scaler.fit_transform(split.x_train);
  nn::set_random_seed(budget.seed);
  nn::Sequential model = network(hidden);
  model.compile("binary_crossentropy", nn::SGD(budget.learning_rate), {"accuracy"});
  nn::FitOptions options;
  options.epochs = budget.epochs;
  options.seed = budget.seed;
  options.verbose = 0;
  model.fit(x_train, split.y_train, options);
  return model.evaluate(scaler.transform(split.x_test), split.y_test, 32, 0).at("accuracy");
}

std::size_t params_here(const std::vector<int>& hidden) {
  nn::Sequential model = network(hidden);
  model.build({2});
  return model.count_params();
}

// The answer is a listed candidate that reaches the target, as re-trained here, and no
// candidate before it in size (fewer parameters, or as many and listed earlier) does.
void check_answer(const std::optional<PlaygroundRun>& got, const std::string& name,
                  const Candidates& candidates, double target, const PlaygroundBudget& budget) {
  REQUIRE(got.has_value());
  INFO(name << ": you chose " << Catch::Detail::stringify(got->hidden) << " (" << got->params
            << " parameters, accuracy " << got->accuracy << ")");
  std::size_t chosen = candidates.size();
  for (std::size_t k = 0; k < candidates.size() && chosen == candidates.size(); ++k) {
    if (candidates[k] == got->hidden) chosen = k;
  }
  REQUIRE(chosen < candidates.size());
  CHECK(got->params == params_here(got->hidden));
  const double accuracy = accuracy_here(name, got->hidden, budget);
  CHECK(got->accuracy == Approx(accuracy).margin(1e-9));
  CHECK(accuracy >= target);
  const std::size_t size = params_here(got->hidden);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::size_t other = params_here(candidates[k]);
    if (other < size || (other == size && k < chosen)) {
      const double smaller = accuracy_here(name, candidates[k], budget);
      INFO("the smaller candidate " << Catch::Detail::stringify(candidates[k]) << " (" << other
                                    << " parameters) reaches " << smaller);
      CHECK(smaller < target);
    }
  }
}

}  // namespace

TEST_CASE("parameters of a Playground network, counted from its widths") {
  for (const auto& hidden : Candidates{{}, {1}, {4}, {4, 4}, {3, 7, 2}, {11}}) {
    INFO("hidden layers " << Catch::Detail::stringify(hidden));
    CHECK(playground_params(hidden) == params_here(hidden));
  }
}

TEST_CASE("the test accuracy of one network, trained by the recipe") {
  PlaygroundBudget budget;
  for (const auto& [name, hidden] : std::vector<std::pair<std::string, std::vector<int>>>{
           {"circle", {2}}, {"circle", {4, 4}}, {"xor", {3}}}) {
    INFO(name << " with hidden layers " << Catch::Detail::stringify(hidden));
    CHECK(playground_accuracy(name, hidden, budget) ==
          Approx(accuracy_here(name, hidden, budget)).margin(1e-9));
  }
  budget.seed = 7;
  budget.epochs = 20;
  CHECK(playground_accuracy("gauss", {3}, budget) ==
        Approx(accuracy_here("gauss", {3}, budget)).margin(1e-9));
}

TEST_CASE("circle: the smallest network that reaches the target, from a list in no order") {
  const PlaygroundBudget budget;
  const Candidates candidates = {{8, 8}, {4, 4}, {2, 2}, {6}, {3}, {2}, {}};
  check_answer(smallest_network("circle", candidates, 0.95, budget), "circle", candidates, 0.95,
               budget);
  // Fewer units is not fewer parameters: two layers of 5 have more than one of 11.
  const Candidates wide_or_deep = {{5, 5}, {2, 2}, {11}, {2}};
  check_answer(smallest_network("circle", wide_or_deep, 0.96, budget), "circle", wide_or_deep, 0.96,
               budget);
}

TEST_CASE("xor: sizes that tie go to the one listed first") {
  const PlaygroundBudget budget;
  const Candidates candidates = {{11}, {3, 3}, {6}, {4}, {3}, {2, 2}};
  check_answer(smallest_network("xor", candidates, 0.95, budget), "xor", candidates, 0.95, budget);
}

TEST_CASE("no candidate reaches the target: no answer") {
  const PlaygroundBudget budget;
  CHECK_FALSE(smallest_network("spiral", {{4}, {8, 8}}, 0.9, budget).has_value());
}
