// Tests for exercise 4.8. Do not edit: `./book grade he_init` runs them.
// Reference values: the formulas by hand, nn::Rng's own draws, a two-layer case by hand,
// and the statement's variance argument (He keeps the mean square; 1/fan_in halves it).
#include "exercises/04_classification_mlp/he_init.h"

#include <catch2/catch.hpp>
#include <cmath>

using exercises::activation_rms;
using exercises::he_stddev;
using exercises::he_uniform;
using exercises::he_uniform_limit;

TEST_CASE("He's standard deviation and uniform limit come from the fan-in") {
  CHECK(he_stddev(100) == Approx(std::sqrt(0.02)).epsilon(1e-12));
  CHECK(he_stddev(2) == Approx(1.0).epsilon(1e-12));
  CHECK(he_uniform_limit(600) == Approx(0.1).epsilon(1e-12));
  CHECK(he_uniform_limit(6) == Approx(1.0).epsilon(1e-12));
  CHECK_THROWS_AS(he_stddev(0), std::invalid_argument);
  CHECK_THROWS_AS(he_uniform_limit(0), std::invalid_argument);
}

TEST_CASE("he_uniform: shape, order of draws, and He's variance") {
  nn::Rng rng(5), same(5);
  const nn::Tensor w = he_uniform(3, 4, rng);
  REQUIRE(nn::shape_string(w) == "(3, 4)");
  const float limit = static_cast<float>(std::sqrt(6.0 / 3));
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      INFO("entry (" << i << ", " << j << ")");
      CHECK(w(i, j) == same.uniform(-limit, limit));
    }
  }
  // 256 × 512 draws: the variance is 2 / 256 to within 2%.
  const nn::Tensor big = he_uniform(256, 512, rng);
  double squares = 0;
  for (float v : big) squares += double{v} * v;
  CHECK(squares / big.size() == Approx(2.0 / 256).epsilon(0.02));
}

TEST_CASE("activation_rms by hand: relu after each product, no bias") {
  // x = [[1, -2]], W1 = [[1, 0, 2], [-1, -1, 1]]: x W1 = [1 + 2, 2, 2 - 2] = [3, 2, 0], which
  // relu keeps: RMS √(13 / 3). W2 = [[1], [-1], [5]]: 3 − 2 + 0 = 1, RMS 1.
  const nn::Tensor x = {{1, -2}};
  const nn::Tensor W1 = {{1, 0, 2}, {-1, -1, 1}}, W2 = {{1}, {-1}, {5}};
  const std::vector<double> rms = activation_rms(x, {W1, W2});
  REQUIRE(rms.size() == 2);
  CHECK(rms[0] == Approx(std::sqrt(13.0 / 3)).epsilon(1e-6));
  CHECK(rms[1] == Approx(1.0).epsilon(1e-6));
  const nn::Tensor negative = {{-1}, {1}, {-1}};  // 3·(−1) + 2·1 + 0 = −1 → relu → 0
  CHECK(activation_rms(x, {W1, negative})[1] == 0.0);
  CHECK_THROWS_AS(activation_rms(x, {W2}), nn::ShapeError);
}

TEST_CASE("through 20 ReLU layers, He keeps the signal and 1/fan_in loses it") {
  const std::size_t width = 256, depth = 20;
  nn::Rng rng(11);
  const nn::Tensor x = rng.normal_tensor(64, width);  // mean square 1
  std::vector<nn::Tensor> he, lecun;
  for (std::size_t l = 0; l < depth; ++l) {
    he.push_back(he_uniform(width, width, rng));
    lecun.push_back(he.back() / std::sqrt(2.0f));  // variance 1 / fan_in
  }
  const std::vector<double> kept = activation_rms(x, he), lost = activation_rms(x, lecun);
  REQUIRE(kept.size() == depth);
  REQUIRE(lost.size() == depth);
  INFO("He: " << Catch::Detail::stringify(kept)
              << "\n1/fan_in: " << Catch::Detail::stringify(lost));
  for (double r : kept) {
    CHECK(r > 0.5);
    CHECK(r < 2.0);
  }
  // Each layer multiplies the mean square by 1/2: the RMS by 2^(-1/2), 2^-10 after 20.
  CHECK(lost.back() / kept.back() == Approx(std::pow(2.0, -10)).epsilon(1e-4));
}
