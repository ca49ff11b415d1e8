// Tests for exercise 4.3. Do not edit: `./book grade softmax_crossentropy` runs them.
#include "exercises/04_classification_mlp/softmax_crossentropy.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <xtensor/xview.hpp>

using exercises::crossentropy_gradient;
using exercises::softmax;
using exercises::sparse_categorical_crossentropy;

namespace {

void check_close(const nn::Tensor& got, const nn::Tensor& expected, double tolerance) {
  INFO("expected shape " << nn::shape_string(expected) << ", got " << nn::shape_string(got));
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.shape(0); ++i) {
    for (std::size_t k = 0; k < got.shape(1); ++k) {
      INFO("at (" << i << ", " << k << "): expected " << expected(i, k) << ", got " << got(i, k));
      CHECK(got(i, k) == Approx(expected(i, k)).margin(tolerance));
    }
  }
}

}  // namespace

TEST_CASE("softmax: positive, rows summing to one, bigger logits bigger probabilities") {
  // e^(k - 3) / (e^-2 + e^-1 + 1) for k = 1, 2, 3.
  check_close(softmax(nn::Tensor{{1, 2, 3}}), nn::Tensor{{0.0900306f, 0.2447285f, 0.6652410f}},
              1e-6);
  const nn::Tensor p = softmax(nn::Tensor{{0.5f, -1, 2, 0}, {3, 3, -2, 1}});
  REQUIRE(p.shape() == (std::array<std::size_t, 2>{2, 4}));
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(xt::sum(xt::row(p, i))() == Approx(1.0).epsilon(1e-6));
  }
  CHECK(p(1, 0) == Approx(p(1, 1)));  // equal logits, equal probabilities
  CHECK(p(0, 2) > p(0, 0));
}

TEST_CASE("softmax: adding a constant changes nothing, even a huge one") {
  const nn::Tensor z = {{1, 2, 3}};
  check_close(softmax(z + 1000.0f), softmax(z), 1e-6);
  const nn::Tensor huge = softmax(nn::Tensor{{1000, 1000}, {-1000, 0}});
  INFO("softmax of (1000, 1000) and (-1000, 0): " << huge(0, 0) << " " << huge(0, 1) << "; "
                                                  << huge(1, 0) << " " << huge(1, 1));
  check_close(huge, nn::Tensor{{0.5f, 0.5f}, {0.0f, 1.0f}}, 1e-6);
}

TEST_CASE("sparse_categorical_crossentropy: -log of the true class's probability") {
  // log(e^2 + e^1 + e^0.1) - 2 = 0.4170300163; with class 2: 2.3170300163.
  CHECK(sparse_categorical_crossentropy(nn::Labels{0}, nn::Tensor{{2, 1, 0.1f}}) ==
        Approx(0.4170300163).epsilon(1e-6));
  CHECK(sparse_categorical_crossentropy(nn::Labels{2}, nn::Tensor{{2, 1, 0.1f}}) ==
        Approx(2.3170300163).epsilon(1e-6));
  // The mean over rows; reference from PyTorch's cross_entropy in double precision.
  CHECK(sparse_categorical_crossentropy(nn::Labels{2, 0},
                                        nn::Tensor{{0.5f, -1, 2, 0}, {3, 3, -2, 1}}) ==
        Approx(0.5520618708).epsilon(1e-6));
}

TEST_CASE("sparse_categorical_crossentropy: finite when the true class is hopeless") {
  // p_1 = e^-1000 / (1 + e^-1000) underflows to 0 in any float; the loss is still 1000.
  const double loss = sparse_categorical_crossentropy(nn::Labels{1}, nn::Tensor{{1000, 0}});
  INFO("loss = " << loss);
  REQUIRE(std::isfinite(loss));
  CHECK(loss == Approx(1000.0).epsilon(1e-6));
}

TEST_CASE("crossentropy_gradient: (p - onehot) / N, as PyTorch computes it") {
  const nn::Tensor z = {{0.5f, -1, 2, 0}, {3, 3, -2, 1}};
  const nn::Tensor expected = {{0.0792224f, 0.0176769f, -0.1449500f, 0.0480508f},
                               {-0.2665813f, 0.2334187f, 0.0015728f, 0.0315898f}};
  check_close(crossentropy_gradient(nn::Labels{2, 0}, z), expected, 1e-6);
}

TEST_CASE("crossentropy_gradient agrees with finite differences of the loss") {
  const nn::Labels y = {1, 3, 0};
  nn::Tensor z = {{0.2f, -0.4f, 1.1f, 0.0f}, {-2.0f, 0.5f, 0.3f, 0.9f}, {1.5f, 1.4f, -1.0f, 0.2f}};
  const nn::Tensor grad = crossentropy_gradient(y, z);
  REQUIRE(grad.shape() == z.shape());
  const float h = 1e-2f;
  for (std::size_t i = 0; i < z.shape(0); ++i) {
    for (std::size_t k = 0; k < z.shape(1); ++k) {
      const float keep = z(i, k);
      z(i, k) = keep + h;
      const double up = sparse_categorical_crossentropy(y, z);
      z(i, k) = keep - h;
      const double down = sparse_categorical_crossentropy(y, z);
      z(i, k) = keep;
      const double numeric = (up - down) / (2 * h);
      INFO("dL/dz(" << i << ", " << k << "): finite differences " << numeric << ", yours "
                    << grad(i, k));
      CHECK(grad(i, k) == Approx(numeric).margin(2e-4));
    }
  }
  // Each row of the gradient sums to zero: the probabilities always sum to one.
  for (std::size_t i = 0; i < z.shape(0); ++i) {
    CHECK(xt::sum(xt::row(grad, i))() == Approx(0.0).margin(1e-6));
  }
}

TEST_CASE("bad inputs are refused") {
  const nn::Tensor z = {{1, 2, 3}, {0, 0, 0}};
  CHECK_THROWS_AS(sparse_categorical_crossentropy(nn::Labels{0}, z), std::invalid_argument);
  CHECK_THROWS_AS(sparse_categorical_crossentropy(nn::Labels{0, 3}, z), std::invalid_argument);
  CHECK_THROWS_AS(sparse_categorical_crossentropy(nn::Labels{-1, 0}, z), std::invalid_argument);
  CHECK_THROWS_AS(crossentropy_gradient(nn::Labels{0, 1, 2}, z), std::invalid_argument);
  CHECK_THROWS_AS(crossentropy_gradient(nn::Labels{0, 7}, z), std::invalid_argument);
  CHECK_THROWS_AS(sparse_categorical_crossentropy(nn::Labels{0}, nn::Tensor::from_shape({1, 0})),
                  std::invalid_argument);
}
