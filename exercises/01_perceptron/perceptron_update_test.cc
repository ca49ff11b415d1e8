// Tests for exercise 1.2. Do not edit: `./book grade perceptron_update` runs them.
#include "exercises/01_perceptron/perceptron_update.h"

#include <catch2/catch.hpp>

using exercises::perceptron_update;

TEST_CASE("a right answer changes nothing") {
  std::vector<float> w = {0.5f, -1.0f};
  float b = 0.25f;
  // z = 0.5*2 - 1*0.5 + 0.25 = 0.75 >= 0: the unit fires, and y = 1 agrees.
  CHECK_FALSE(perceptron_update(w, b, {2.0f, 0.5f}, 1, 0.1f));
  CHECK(w == std::vector<float>{0.5f, -1.0f});
  CHECK(b == 0.25f);
  // z = 0.5*0 - 1*1 + 0.25 = -0.75 < 0: silent, and y = 0 agrees.
  CHECK_FALSE(perceptron_update(w, b, {0.0f, 1.0f}, 0, 0.1f));
  CHECK(w == std::vector<float>{0.5f, -1.0f});
  CHECK(b == 0.25f);
}

TEST_CASE("a missed positive pulls the weights towards the input") {
  std::vector<float> w = {0.0f, 0.0f};
  float b = -1.0f;  // z = -1 < 0 for any input: silent, but y = 1
  REQUIRE(perceptron_update(w, b, {3.0f, -2.0f}, 1, 0.5f));
  CHECK(w[0] == Approx(1.5f));   // 0 + 0.5 * (+1) * 3
  CHECK(w[1] == Approx(-1.0f));  // 0 + 0.5 * (+1) * (-2)
  CHECK(b == Approx(-0.5f));     // -1 + 0.5 * (+1)
}

TEST_CASE("a false alarm pushes the weights away from the input") {
  std::vector<float> w = {1.0f, 2.0f, 0.0f};
  float b = 0.0f;  // z = 1 + 4 + 0 = 5 >= 0: fires, but y = 0
  REQUIRE(perceptron_update(w, b, {1.0f, 2.0f, 4.0f}, 0, 0.25f));
  CHECK(w[0] == Approx(0.75f));
  CHECK(w[1] == Approx(1.5f));
  CHECK(w[2] == Approx(-1.0f));
  CHECK(b == Approx(-0.25f));
}

TEST_CASE("a score of exactly zero counts as firing") {
  std::vector<float> w = {1.0f, -1.0f};
  float b = 0.0f;  // z = 2 - 2 = 0: step(0) = 1, so y = 1 is right and y = 0 is a mistake
  CHECK_FALSE(perceptron_update(w, b, {2.0f, 2.0f}, 1, 1.0f));
  REQUIRE(perceptron_update(w, b, {2.0f, 2.0f}, 0, 1.0f));
  CHECK(w[0] == Approx(-1.0f));
  CHECK(w[1] == Approx(-3.0f));
  CHECK(b == Approx(-1.0f));
}

TEST_CASE("repeated updates separate AND") {
  // Cycling over AND's four cases with eta = 1 must end with all four right.
  const std::vector<std::vector<float>> inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  const std::vector<int> labels = {0, 0, 0, 1};
  std::vector<float> w = {0.0f, 0.0f};
  float b = 0.0f;
  int updates = 0;
  for (int epoch = 0; epoch < 20; ++epoch) {
    for (std::size_t i = 0; i < 4; ++i) updates += perceptron_update(w, b, inputs[i], labels[i], 1);
  }
  CHECK(updates > 0);
  for (std::size_t i = 0; i < 4; ++i) {
    const float z = w[0] * inputs[i][0] + w[1] * inputs[i][1] + b;
    INFO("input " << i << ": z = " << z);
    CHECK((z >= 0 ? 1 : 0) == labels[i]);
  }
}

TEST_CASE("bad inputs are refused") {
  std::vector<float> w = {1.0f, 1.0f};
  float b = 0.0f;
  CHECK_THROWS_AS(perceptron_update(w, b, {1.0f}, 1, 1.0f), std::invalid_argument);
  CHECK_THROWS_AS(perceptron_update(w, b, {1.0f, 1.0f}, 2, 1.0f), std::invalid_argument);
  CHECK_THROWS_AS(perceptron_update(w, b, {1.0f, 1.0f}, -1, 1.0f), std::invalid_argument);
}
