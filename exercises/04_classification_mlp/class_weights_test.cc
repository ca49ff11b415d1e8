// Tests for exercise 4.7. Do not edit: `./book grade class_weights` runs them.
// Reference values: scikit-learn 1.2.1's compute_class_weight("balanced"), printed by
// tools/class_weight_reference.py; the losses worked by hand in the comments.
#include "exercises/04_classification_mlp/class_weights.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

using exercises::balanced_class_weights;
using exercises::weighted_crossentropy;

namespace {

nn::Labels labels(const std::vector<int>& counts) {
  nn::Labels y = nn::Labels::from_shape({0});
  std::vector<int> all;
  for (std::size_t c = 0; c < counts.size(); ++c) all.insert(all.end(), counts[c], int(c));
  y.resize({all.size()});
  std::copy(all.begin(), all.end(), y.begin());
  return y;
}

void check_weights(const std::vector<double>& got, const std::vector<double>& expected) {
  INFO("expected " << Catch::Detail::stringify(expected) << ", got "
                   << Catch::Detail::stringify(got));
  REQUIRE(got.size() == expected.size());
  for (std::size_t c = 0; c < got.size(); ++c) CHECK(got[c] == Approx(expected[c]).epsilon(1e-12));
}

}  // namespace

TEST_CASE("balanced weights, as scikit-learn computes them") {
  check_weights(balanced_class_weights(labels({8, 2}), 2), {0.625, 2.5});
  check_weights(balanced_class_weights(nn::Labels{2, 0, 2, 2, 1, 2, 2, 0, 2, 2, 2, 2}, 3),
                {2.0, 4.0, 0.4444444444444444});
  check_weights(balanced_class_weights(labels({990, 10}), 2), {0.5050505050505051, 50.0});
}

TEST_CASE("every class carries n / k in total, and all of them n") {
  const nn::Labels y = labels({500, 37, 3, 60});
  const std::vector<double> w = balanced_class_weights(y, 4);
  REQUIRE(w.size() == 4);
  double all = 0;
  for (std::size_t c = 0; c < 4; ++c) {
    const double counts[4] = {500, 37, 3, 60};
    CHECK(counts[c] * w[c] == Approx(600.0 / 4).epsilon(1e-12));
    all += counts[c] * w[c];
  }
  CHECK(all == Approx(600.0).epsilon(1e-12));
}

TEST_CASE("labels out of range and classes without examples are refused") {
  CHECK_THROWS_AS(balanced_class_weights(nn::Labels{0, 1, 3}, 3), std::invalid_argument);
  CHECK_THROWS_AS(balanced_class_weights(nn::Labels{0, -1}, 2), std::invalid_argument);
  CHECK_THROWS_AS(balanced_class_weights(nn::Labels{0, 0, 2}, 3), std::invalid_argument);
  CHECK_THROWS_WITH(balanced_class_weights(nn::Labels{0, 0, 2}, 3), Catch::Contains("1"));
}

TEST_CASE("the weighted cross-entropy divides by n, as Keras does") {
  const nn::Tensor p = {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}};
  const nn::Labels y = {0, 1, 1};
  // (0.5 · −ln 0.9 + 2 · −ln 0.8 + 2 · −ln 0.4) / 3, with p's float values.
  const double expected =
      (0.5 * -std::log(double{0.9f}) + 2 * -std::log(double{0.8f}) + 2 * -std::log(double{0.4f})) /
      3;
  CHECK(weighted_crossentropy(p, y, {0.5, 2.0}) == Approx(expected).epsilon(1e-9));
  // Weights of 1 give the plain mean cross-entropy.
  const double plain =
      (-std::log(double{0.9f}) - std::log(double{0.8f}) - std::log(double{0.4f})) / 3;
  CHECK(weighted_crossentropy(p, y, {1.0, 1.0}) == Approx(plain).epsilon(1e-9));
  // A probability of 0 is clipped to 1e-7: −ln 1e-7 = 16.118..., times the weight 3, over 1.
  CHECK(weighted_crossentropy(nn::Tensor{{1.0f, 0.0f}}, nn::Labels{1}, {1.0, 3.0}) ==
        Approx(3 * -std::log(1e-7)).epsilon(1e-9));
}

TEST_CASE("with balanced weights, the rare class's mistakes weigh as much as the common one's") {
  // 9 examples of class 0 predicted at 0.9, 1 example of class 1 predicted at 0.1. Unweighted,
  // the one rare mistake (−ln 0.1 = 2.30) is 71% of the loss (9 · 0.105 = 0.95 for the rest);
  // balanced (w = 10/18 and 10/2) it is 96%.
  nn::Tensor p = nn::Tensor::from_shape({10, 2});
  for (std::size_t i = 0; i < 10; ++i) {
    p(i, 0) = 0.9f;
    p(i, 1) = 0.1f;
  }
  const nn::Labels y = labels({9, 1});
  const std::vector<double> w = balanced_class_weights(y, 2);
  const double common = 9 * w[0] * -std::log(double{0.9f}) / 10;
  const double rare = w[1] * -std::log(double{0.1f}) / 10;
  CHECK(weighted_crossentropy(p, y, w) == Approx(common + rare).epsilon(1e-9));
  CHECK(rare / (common + rare) > 0.9);
}

TEST_CASE("shapes that do not fit are refused") {
  const nn::Tensor p = {{0.5f, 0.5f}, {0.5f, 0.5f}};
  CHECK_THROWS_AS(weighted_crossentropy(p, nn::Labels{0, 1, 1}, {1.0, 1.0}), nn::ShapeError);
  CHECK_THROWS_AS(weighted_crossentropy(p, nn::Labels{0, 1}, {1.0, 1.0, 1.0}), nn::ShapeError);
}
