// Tests for exercise 1.1. Do not edit: `./book grade` runs them against your tlu.cc.
#include "exercises/01_perceptron/tlu.h"

#include <catch2/catch.hpp>

using exercises::heaviside;
using exercises::tlu_output;

TEST_CASE("heaviside is 0 below zero and 1 from zero up") {
  CHECK(heaviside(-3.5f) == 0);
  CHECK(heaviside(-1e-6f) == 0);
  CHECK(heaviside(0.0f) == 1);  // the perceptron's convention: it fires at exactly zero
  CHECK(heaviside(1e-6f) == 1);
  CHECK(heaviside(42.0f) == 1);
}

TEST_CASE("a TLU fires when w.x + b reaches zero") {
  // The AND gate: w = (1, 1), b = -1.5 fires only for (1, 1).
  const std::vector<float> w = {1.0f, 1.0f};
  CHECK(tlu_output(w, -1.5f, {0, 0}) == 0);
  CHECK(tlu_output(w, -1.5f, {0, 1}) == 0);
  CHECK(tlu_output(w, -1.5f, {1, 0}) == 0);
  CHECK(tlu_output(w, -1.5f, {1, 1}) == 1);
  // Negative weights count: z = 2*0.5 - 3*1 + 1 = -1 < 0, then z = 2*2 - 3*1 + 1 = 2.
  CHECK(tlu_output({2.0f, -3.0f}, 1.0f, {0.5f, 1.0f}) == 0);
  CHECK(tlu_output({2.0f, -3.0f}, 1.0f, {2.0f, 1.0f}) == 1);
  // The bias alone decides when there are no inputs worth anything.
  CHECK(tlu_output({0.0f, 0.0f, 0.0f}, 0.0f, {5, 6, 7}) == 1);
  CHECK(tlu_output({0.0f, 0.0f, 0.0f}, -0.1f, {5, 6, 7}) == 0);
}

TEST_CASE("a TLU refuses inputs of the wrong length, naming both lengths") {
  CHECK_THROWS_AS(tlu_output({1.0f, 2.0f}, 0.0f, {1.0f}), std::invalid_argument);
  CHECK_THROWS_WITH(tlu_output({1.0f, 2.0f}, 0.0f, {1.0f, 2.0f, 3.0f}),
                    Catch::Contains("2") && Catch::Contains("3"));
}
