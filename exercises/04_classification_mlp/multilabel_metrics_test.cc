// Tests for exercise 4.1. Do not edit: `./book grade multilabel_metrics` runs them.
#include "exercises/04_classification_mlp/multilabel_metrics.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

using exercises::binary_accuracy;
using exercises::binary_crossentropy;
using exercises::exact_match_ratio;

TEST_CASE("binary_crossentropy: the mean over every answer") {
  // By hand: (-log 0.9 - log 0.8 - log 0.7 - log 0.6) / 4 = 0.2990011587.
  const nn::Tensor t = {{1, 0}, {0, 1}}, p = {{0.9f, 0.2f}, {0.3f, 0.6f}};
  CHECK(binary_crossentropy(t, p) == Approx(0.2990011587).epsilon(1e-6));
  // Keras's documentation of BinaryCrossentropy: y_true [[0, 1], [0, 0]],
  // y_pred [[0.6, 0.4], [0.4, 0.6]] gives 0.815.
  const nn::Tensor keras_t = {{0, 1}, {0, 0}}, keras_p = {{0.6f, 0.4f}, {0.4f, 0.6f}};
  CHECK(binary_crossentropy(keras_t, keras_p) == Approx(0.8149).epsilon(1e-3));
}

TEST_CASE("binary_crossentropy: right and sure costs almost nothing, wrong and sure a lot") {
  const nn::Tensor t = {{1, 0, 1}};
  CHECK(binary_crossentropy(t, nn::Tensor{{0.999f, 0.001f, 0.999f}}) < 0.0011);
  CHECK(binary_crossentropy(t, nn::Tensor{{0.001f, 0.999f, 0.001f}}) > 6.9);
  // A half-hearted answer costs log 2 whatever the target.
  CHECK(binary_crossentropy(t, nn::Tensor{{0.5f, 0.5f, 0.5f}}) == Approx(std::log(2.0)));
}

TEST_CASE("binary_crossentropy: probabilities of exactly 0 and 1 are clipped") {
  // -log(1e-7) = 16.1180956510: finite, the same for both kinds of certain mistake.
  const double missed = binary_crossentropy(nn::Tensor{{1}}, nn::Tensor{{0}});
  const double false_alarm = binary_crossentropy(nn::Tensor{{0}}, nn::Tensor{{1}});
  INFO("p = 0 for a yes costs " << missed << ", p = 1 for a no costs " << false_alarm);
  REQUIRE(std::isfinite(missed));
  REQUIRE(std::isfinite(false_alarm));
  CHECK(missed == Approx(16.1180956510).epsilon(1e-6));
  CHECK(false_alarm == Approx(16.1180956510).epsilon(1e-6));
  // And a certain right answer costs -log(1 - 1e-7), about 1e-7, not exactly 0.
  CHECK(binary_crossentropy(nn::Tensor{{1, 0}}, nn::Tensor{{1, 0}}) == Approx(1e-7).margin(1e-9));
}

TEST_CASE("binary_accuracy: every answer counts once; yes means p > threshold") {
  // Keras's documentation of BinaryAccuracy: [[1], [1], [0], [0]] against
  // [[0.98], [1], [0], [0.6]] gives 0.75.
  CHECK(binary_accuracy(nn::Tensor{{1}, {1}, {0}, {0}}, nn::Tensor{{0.98f}, {1}, {0}, {0.6f}}) ==
        Approx(0.75));
  // 0.5 is not above 0.5: a no.
  CHECK(binary_accuracy(nn::Tensor{{0, 1}}, nn::Tensor{{0.5f, 0.5f}}) == Approx(0.5));
  CHECK(binary_accuracy(nn::Tensor{{0, 0}}, nn::Tensor{{0.5f, 0.5f}}) == Approx(1.0));
  CHECK(exact_match_ratio(nn::Tensor{{0, 0}, {1, 0}}, nn::Tensor{{0.5f, 0.5f}, {0.5f, 0.5f}}) ==
        Approx(0.5));
  // Another threshold.
  CHECK(binary_accuracy(nn::Tensor{{0, 1}}, nn::Tensor{{0.6f, 0.8f}}, 0.7f) == Approx(1.0));
  CHECK(binary_accuracy(nn::Tensor{{0, 1}}, nn::Tensor{{0.6f, 0.8f}}) == Approx(0.5));
}

TEST_CASE("exact_match_ratio is stricter than binary_accuracy") {
  const nn::Tensor t = {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}, {0, 0, 0}};
  const nn::Tensor p = {{0.9f, 0.1f, 0.8f},   // all three right
                        {0.2f, 0.7f, 0.6f},   // the third wrong
                        {0.6f, 0.4f, 0.1f},   // the second wrong
                        {0.1f, 0.2f, 0.3f}};  // all right
  CHECK(binary_accuracy(t, p) == Approx(10.0 / 12.0));
  CHECK(exact_match_ratio(t, p) == Approx(0.5));
  // At 0.65, row 2's 0.6 becomes a no, which is right; row 3's 0.6 a no, which is wrong.
  CHECK(exact_match_ratio(t, p, 0.65f) == Approx(0.75));
  CHECK(binary_accuracy(t, p, 0.65f) == Approx(10.0 / 12.0));
}

TEST_CASE("shapes that differ are refused, naming both") {
  const nn::Tensor t = nn::Tensor::from_shape({4, 3}), p = nn::Tensor::from_shape({4, 2});
  for (auto* f : {&exercises::binary_accuracy, &exercises::exact_match_ratio}) {
    CHECK_THROWS_AS(f(t, p, 0.5f), std::invalid_argument);
  }
  try {
    binary_crossentropy(t, p);
    FAIL("binary_crossentropy accepted targets (4, 3) and probabilities (4, 2)");
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    INFO("message: " << message);
    CHECK(message.find("(4, 3)") != std::string::npos);
    CHECK(message.find("(4, 2)") != std::string::npos);
  }
  const nn::Tensor empty = nn::Tensor::from_shape({0, 3});
  CHECK_THROWS_AS(binary_crossentropy(empty, empty), std::invalid_argument);
  CHECK_THROWS_AS(binary_accuracy(empty, empty), std::invalid_argument);
  CHECK_THROWS_AS(exact_match_ratio(empty, empty), std::invalid_argument);
}
