// Tests for exercise 3.7. Do not edit: `./book grade optimizer_steps` runs them.
// Reference values: worked by hand in the comments, and the library's own nn::SGD and
// nn::Adam (written from Keras's formulas, and tested against PyTorch in lib/) run on the
// same gradients.
#include "exercises/03_regression_mlp/optimizer_steps.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "lib/optimizers/adam.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

using exercises::adam_step;
using exercises::AdamState;
using exercises::momentum_step;

namespace {

// The library's optimizer, stepped on the same gradients from the same start.
nn::Tensor library_steps(nn::Optimizer& optimizer, const nn::Tensor& w0,
                         const std::vector<nn::Tensor>& gradients) {
  nn::Parameter p{"w", w0};
  for (const nn::Tensor& g : gradients) {
    p.zero_grad();
    p.accumulate_grad(g);  // as backward() would leave it
    optimizer.apply_gradients({&p});
  }
  return p.value();
}

std::vector<nn::Tensor> gradients(std::size_t steps, std::uint64_t seed) {
  nn::Rng rng(seed);
  std::vector<nn::Tensor> out;
  for (std::size_t k = 0; k < steps; ++k) {
    nn::Tensor g = rng.normal_tensor(2, 3, 0.0f, 2.0f);
    g(0, 0) = 0.5f + 0.1f * k;  // one weight with a steady slope
    out.push_back(g);
  }
  return out;
}

// |got − expected| <= tolerance · max(1, |expected|), entry by entry.
void check_near(const nn::Tensor& got, const nn::Tensor& expected, double tolerance) {
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("entry " << i << ": expected " << expected.data()[i] << ", got " << got.data()[i]);
    const double e = expected.data()[i];
    CHECK(std::abs(got.data()[i] - e) <= tolerance * std::max(1.0, std::abs(e)));
  }
}

}  // namespace

TEST_CASE("momentum by hand: a steady slope speeds up") {
  nn::Tensor w = {{1.0f}}, v = {{0.0f}};
  momentum_step(w, v, {{1.0f}}, 0.1, 0.9);  // v = -0.1, w = 0.9
  CHECK(w(0, 0) == Approx(0.9f));
  CHECK(v(0, 0) == Approx(-0.1f));
  momentum_step(w, v, {{1.0f}}, 0.1, 0.9);  // v = -0.09 - 0.1 = -0.19, w = 0.71
  CHECK(w(0, 0) == Approx(0.71f));
  CHECK(v(0, 0) == Approx(-0.19f));
  momentum_step(w, v, {{0.0f}}, 0.1, 0.9);  // no slope: still moves, v = -0.171
  CHECK(w(0, 0) == Approx(0.539f));
}

TEST_CASE("momentum agrees with nn::SGD(lr, momentum) over eight steps") {
  const nn::Tensor w0 = nn::Rng(1).normal_tensor(2, 3);
  const std::vector<nn::Tensor> g = gradients(8, 2);
  nn::Tensor w = w0, v = xt::zeros_like(w0);
  for (const nn::Tensor& gk : g) momentum_step(w, v, gk, 0.05, 0.8);
  nn::SGD sgd(0.05, 0.8);
  check_near(w, library_steps(sgd, w0, g), 1e-5);
}

TEST_CASE("Adam's first step moves every weight by the learning rate, whatever its gradient") {
  nn::Tensor w = {{1.0f, 1.0f, 1.0f, 1.0f, 1.0f}};
  const nn::Tensor g = {{0.001f, 0.5f, -3.0f, 40.0f, -1e-2f}};
  AdamState state{xt::zeros_like(w), xt::zeros_like(w), 0};
  adam_step(w, state, g, 0.01);
  CHECK(state.t == 1);
  // m̂ = g and ŝ = g²: the step is lr · g / (|g| + ε) = ±0.01 to within 1e-4 of a step.
  const std::vector<float> expected = {0.99f, 0.99f, 1.01f, 0.99f, 1.01f};
  for (std::size_t j = 0; j < 5; ++j) {
    INFO("gradient " << g(0, j));
    CHECK(w(0, j) == Approx(expected[j]).margin(1e-6));
  }
  // (1 − β) is not exact in float: 1 − 0.999f = 0.00100004.
  check_near(state.m, 0.1f * g, 1e-6);
  check_near(state.s, 0.001f * g * g, 1e-4);
}

TEST_CASE("Adam agrees with nn::Adam over ten steps, and counts them") {
  const nn::Tensor w0 = nn::Rng(3).normal_tensor(2, 3);
  std::vector<nn::Tensor> g = gradients(10, 4);
  g[6] = xt::zeros_like(w0);  // a step with no gradient still moves (m remembers)
  nn::Tensor w = w0;
  AdamState state{xt::zeros_like(w0), xt::zeros_like(w0), 0};
  for (const nn::Tensor& gk : g) adam_step(w, state, gk, 0.02, 0.8, 0.99);
  CHECK(state.t == 10);
  nn::Adam adam(0.02, 0.8, 0.99);
  // 10 steps of 0.02 at most: agreement to 2e-6 is 1e-4 of a step.
  check_near(w, library_steps(adam, w0, g), 2e-6);
}

TEST_CASE("shapes that do not match the weights are refused") {
  nn::Tensor w = nn::Tensor::from_shape({2, 3}), v = xt::zeros_like(w);
  const nn::Tensor wrong = nn::Tensor::from_shape({3, 2});
  CHECK_THROWS_AS(momentum_step(w, v, wrong, 0.1, 0.9), nn::ShapeError);
  AdamState state{xt::zeros_like(w), xt::zeros_like(w), 0};
  CHECK_THROWS_AS(adam_step(w, state, wrong, 0.1), nn::ShapeError);
  AdamState bad{xt::zeros_like(wrong), xt::zeros_like(w), 0};
  CHECK_THROWS_WITH(adam_step(w, bad, w, 0.1),
                    Catch::Contains("(3, 2)") && Catch::Contains("(2, 3)"));
}
