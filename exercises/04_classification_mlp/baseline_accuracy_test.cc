// Tests for exercise 4.9. Do not edit: `./book grade baseline_accuracy` runs them.
// Reference values: counted by hand in the comments.
#include "exercises/04_classification_mlp/baseline_accuracy.h"

#include <catch2/catch.hpp>
#include <stdexcept>

using exercises::frequency_baseline;
using exercises::majority_baseline;
using exercises::majority_class;

namespace {

// Training labels: five 2s, three 0s, two 1s. Test labels: four 0s, one 1, three 2s: the test
// set's own majority (0) is not the training set's (2).
const nn::Labels train = {2, 0, 2, 1, 2, 0, 2, 1, 0, 2};
const nn::Labels test = {0, 0, 1, 2, 0, 2, 0, 2};

}  // namespace

TEST_CASE("the majority class comes from the training labels") {
  CHECK(majority_class(train, 3) == 2);
  CHECK(majority_class(test, 3) == 0);
  // A tie between 1 and 3 (two each) goes to 1; class 4 has none.
  CHECK(majority_class(nn::Labels{3, 1, 0, 3, 1}, 5) == 1);
}

TEST_CASE("the majority baseline scores the training majority on the test set") {
  // Always 2: right on 3 of the 8 test labels.
  CHECK(majority_baseline(train, test, 3) == Approx(3.0 / 8).epsilon(1e-12));
  // A rare positive class: 95 negatives in training, 97 of 100 at test.
  nn::Labels rare_train = xt::zeros<int>({100}), rare_test = xt::zeros<int>({100});
  for (int i = 0; i < 5; ++i) rare_train(i * 20) = 1;
  for (int i = 0; i < 3; ++i) rare_test(i * 30) = 1;
  CHECK(majority_baseline(rare_train, rare_test, 2) == Approx(0.97).epsilon(1e-12));
}

TEST_CASE("the frequency baseline: sum of training frequency times test frequency") {
  // q = (0.3, 0.2, 0.5), p = (4/8, 1/8, 3/8): 0.15 + 0.025 + 0.1875 = 0.3625.
  CHECK(frequency_baseline(train, test, 3) == Approx(0.3625).epsilon(1e-12));
  // Against itself: Σ q², 0.09 + 0.04 + 0.25.
  CHECK(frequency_baseline(train, train, 3) == Approx(0.38).epsilon(1e-12));
  // A class that never occurs in training is never guessed.
  CHECK(frequency_baseline(nn::Labels{0, 0}, nn::Labels{1, 1}, 2) == 0.0);
}

TEST_CASE("labels out of range and empty lists are refused") {
  CHECK_THROWS_AS(majority_class(nn::Labels{0, 3}, 3), std::invalid_argument);
  CHECK_THROWS_AS(majority_baseline(train, nn::Labels{0, -1}, 3), std::invalid_argument);
  CHECK_THROWS_AS(frequency_baseline(train, xt::zeros<int>({0}), 3), std::invalid_argument);
}
