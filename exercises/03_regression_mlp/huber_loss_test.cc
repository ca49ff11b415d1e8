// Tests for exercise 3.5. Do not edit: `./book grade huber_loss` runs them.
#include "exercises/03_regression_mlp/huber_loss.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/losses/regression.h"
#include "lib/random.h"

using exercises::huber_gradient;
using exercises::huber_loss;

namespace {

// Errors 0.5, -0.2, 2.5, -2.5, 0, -0.3 over N = 6 entries.
const nn::Tensor kTrue = {{1, -2}, {0.5f, 3}, {4, 0}};
const nn::Tensor kPred = {{1.5f, -2.2f}, {3, 0.5f}, {4, -0.3f}};

void check_close(const nn::Tensor& got, const nn::Tensor& expected, double tolerance) {
  INFO("expected shape " << nn::shape_string(expected) << ", got " << nn::shape_string(got));
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("entry " << i << ": expected " << expected.data()[i] << ", got " << got.data()[i]);
    CHECK(got.data()[i] == Approx(expected.data()[i]).margin(tolerance));
  }
}

}  // namespace

TEST_CASE("PyTorch's values: loss and gradient for three thresholds") {
  // torch 1.13, torch.nn.HuberLoss(delta=d)(y_pred, y_true) in float64, and y_pred.grad
  // after backward().
  CHECK(huber_loss(kTrue, kPred, 1.0) == Approx(0.6983333333333333));
  CHECK(huber_loss(kTrue, kPred) == Approx(0.6983333333333333));  // δ = 1 by default
  CHECK(huber_loss(kTrue, kPred, 0.4) == Approx(0.33749999999999997));
  CHECK(huber_loss(kTrue, kPred, 3.0) == Approx(1.0733333333333333));
  check_close(huber_gradient(kTrue, kPred, 1.0),
              {{0.0833333333f, -0.0333333333f}, {0.1666666667f, -0.1666666667f}, {0, -0.05f}},
              1e-7);
  check_close(huber_gradient(kTrue, kPred, 0.4),
              {{0.0666666667f, -0.0333333333f}, {0.0666666667f, -0.0666666667f}, {0, -0.05f}},
              1e-7);
  check_close(huber_gradient(kTrue, kPred, 3.0),
              {{0.0833333333f, -0.0333333333f}, {0.4166666667f, -0.4166666667f}, {0, -0.05f}},
              1e-7);
}

TEST_CASE("the two pieces meet at |e| = delta") {
  // h(δ) = δ²/2 from both formulas: δ = 2, e = ±2, one entry each.
  CHECK(huber_loss(nn::Tensor{{0}}, nn::Tensor{{2}}, 2.0) == Approx(2.0));
  CHECK(huber_loss(nn::Tensor{{0}}, nn::Tensor{{-2}}, 2.0) == Approx(2.0));
  // Just beyond: δ(|e| − δ/2) = 2 · (3 − 1) = 4, where e²/2 would give 4.5.
  CHECK(huber_loss(nn::Tensor{{0}}, nn::Tensor{{3}}, 2.0) == Approx(4.0));
}

TEST_CASE("the gradient is the slope of the loss: central differences") {
  nn::Rng rng(11);
  nn::Tensor y_true = nn::Tensor::from_shape({8, 2}), y_pred = nn::Tensor::from_shape({8, 2});
  for (float& v : y_true) v = rng.normal(0.0f, 3.0f);
  for (float& v : y_pred) v = rng.normal(0.0f, 3.0f);
  const double delta = 1.5, h = 1e-3;
  const nn::Tensor g = huber_gradient(y_true, y_pred, delta);
  REQUIRE(g.shape() == y_pred.shape());
  for (std::size_t i = 0; i < y_pred.size(); ++i) {
    const double e = std::abs(y_pred.data()[i] - y_true.data()[i]);
    if (std::abs(e - delta) < 10 * h) continue;  // too close to the seam
    nn::Tensor plus = y_pred, minus = y_pred;
    plus.data()[i] += static_cast<float>(h);
    minus.data()[i] -= static_cast<float>(h);
    const double numeric = (huber_loss(y_true, plus, delta) - huber_loss(y_true, minus, delta)) /
                           (static_cast<double>(plus.data()[i]) - minus.data()[i]);
    INFO("entry " << i << ": analytic " << g.data()[i] << ", numeric " << numeric);
    CHECK(g.data()[i] == Approx(numeric).margin(2e-4));
  }
}

TEST_CASE("the same numbers as the library's nn::Huber") {
  nn::Rng rng(5);
  nn::Tensor y_true = nn::Tensor::from_shape({32, 1}), y_pred = nn::Tensor::from_shape({32, 1});
  for (float& v : y_true) v = rng.uniform(10.0f, 45.0f);
  for (float& v : y_pred) v = rng.uniform(10.0f, 45.0f);
  const nn::Huber reference(2.0);
  CHECK(huber_loss(y_true, y_pred, 2.0) == Approx(reference.forward(y_true, y_pred)));
  nn::Tensor expected;
  reference.backward(y_true, y_pred, expected);
  check_close(huber_gradient(y_true, y_pred, 2.0), expected, 1e-7);
}

TEST_CASE("the limits: a huge delta is half the MSE, a tiny one delta times the MAE") {
  // Errors 0.5, -0.2, 2.5, -2.5, 0, -0.3: Σe² = 12.88, Σ|e| = 6.
  CHECK(huber_loss(kTrue, kPred, 1e6) == Approx(0.5 * 12.88 / 6));
  CHECK(huber_loss(kTrue, kPred, 1e-4) == Approx(1e-4 * 6.0 / 6).epsilon(1e-3));
}

TEST_CASE("a bad delta or different shapes are refused") {
  CHECK_THROWS_AS(huber_loss(kTrue, kPred, 0.0), nn::ValueError);
  CHECK_THROWS_AS(huber_gradient(kTrue, kPred, -1.0), nn::ValueError);
  const nn::Tensor two = {{1}, {2}};
  CHECK_THROWS_AS(huber_loss(kTrue, two), nn::ShapeError);
  CHECK_THROWS_WITH(huber_gradient(kTrue, two),
                    Catch::Contains("(3, 2)") && Catch::Contains("(2, 1)"));
}
