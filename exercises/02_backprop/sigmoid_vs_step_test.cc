// Tests for exercise 2.9. Do not edit: `./book grade sigmoid_vs_step` runs them against your
// sigmoid_vs_step.cc. Reference values: the forward pass and the sigmoid network's gradient
// by hand, in double, with plain loops (δ2 = 2(y − t)/n · y(1 − y), δ1 = δ2 W2ᵀ ⊙ h(1 − h),
// ∂L/∂W1 = xᵀ δ1).
#include "exercises/02_backprop/sigmoid_vs_step.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/nn.h"

using exercises::hidden_slopes;
using exercises::hidden_slopes_on_tape;
using exercises::mlp_loss;
using exercises::TinyMlp;
using exercises::train_hidden_layer;
using exercises::testing::check_close;
using exercises::testing::describe;

namespace {

using Matrix = std::vector<std::vector<double>>;

Matrix to_matrix(const nn::Tensor& a) {
  Matrix m(a.shape(0), std::vector<double>(a.shape(1)));
  for (std::size_t i = 0; i < a.shape(0); ++i) {
    for (std::size_t j = 0; j < a.shape(1); ++j) m[i][j] = a(i, j);
  }
  return m;
}

double sigma(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// z1 = x W1 + b1, by hand.
Matrix hidden_sums(const TinyMlp& net, const nn::Tensor& x) {
  const Matrix X = to_matrix(x), W1 = to_matrix(net.W1), b1 = to_matrix(net.b1);
  Matrix z(X.size(), std::vector<double>(W1[0].size()));
  for (std::size_t r = 0; r < X.size(); ++r) {
    for (std::size_t j = 0; j < W1[0].size(); ++j) {
      z[r][j] = b1[0][j];
      for (std::size_t i = 0; i < W1.size(); ++i) z[r][j] += X[r][i] * W1[i][j];
    }
  }
  return z;
}

struct Forward {
  Matrix h;               // (n, units)
  std::vector<double> y;  // (n)
  double loss = 0.0;
};

Forward forward(const TinyMlp& net, bool step, const nn::Tensor& x, const nn::Tensor& t) {
  Forward f;
  f.h = hidden_sums(net, x);
  for (auto& row : f.h) {
    for (double& v : row) v = step ? (v >= 0 ? 1.0 : 0.0) : sigma(v);
  }
  const Matrix W2 = to_matrix(net.W2);
  for (std::size_t r = 0; r < f.h.size(); ++r) {
    double z = net.b2(0, 0);
    for (std::size_t j = 0; j < W2.size(); ++j) z += f.h[r][j] * W2[j][0];
    f.y.push_back(sigma(z));
    f.loss += std::pow(f.y.back() - t(r, 0), 2) / static_cast<double>(f.h.size());
  }
  return f;
}

// ∂L/∂W1 of the sigmoid network, by backpropagation by hand.
nn::Tensor sigmoid_gradient(const TinyMlp& net, const nn::Tensor& x, const nn::Tensor& t) {
  const Forward f = forward(net, false, x, t);
  const double n = static_cast<double>(x.shape(0));
  nn::Tensor g = xt::zeros<float>(net.W1.shape());
  std::vector<double> dW(net.W1.size(), 0.0);
  for (std::size_t r = 0; r < x.shape(0); ++r) {
    const double d2 = 2.0 * (f.y[r] - t(r, 0)) / n * f.y[r] * (1.0 - f.y[r]);
    for (std::size_t j = 0; j < net.W1.shape(1); ++j) {
      const double d1 = d2 * net.W2(j, 0) * f.h[r][j] * (1.0 - f.h[r][j]);
      for (std::size_t i = 0; i < net.W1.shape(0); ++i) {
        dW[i * net.W1.shape(1) + j] += x(r, i) * d1;
      }
    }
  }
  for (std::size_t k = 0; k < dW.size(); ++k) g.data()[k] = static_cast<float>(dW[k]);
  return g;
}

struct Problem {
  TinyMlp net;
  nn::Tensor x, t;
};

// n points in the plane labelled by the sign of x0·x1, and a 2-`units`-1 network whose hidden
// sums all stay at least 0.05 away from the step's threshold.
Problem problem(std::size_t n, std::size_t units, std::uint64_t seed) {
  Problem p{
      {nn::Rng(seed).normal_tensor(2, units), 0.5f * nn::Rng(seed + 1).normal_tensor(1, units),
       2.0f * nn::Rng(seed + 2).normal_tensor(units, 1), nn::Rng(seed + 3).normal_tensor(1, 1)},
      nn::Rng(seed + 4).normal_tensor(n, 2),
      nn::Tensor::from_shape({n, 1})};
  for (std::size_t r = 0; r < n; ++r) p.t(r, 0) = p.x(r, 0) * p.x(r, 1) > 0 ? 1.0f : 0.0f;
  double closest = 1e9;
  for (const auto& row : hidden_sums(p.net, p.x)) {
    for (double z : row) closest = std::min(closest, std::abs(z));
  }
  INFO("a hidden sum of the test's network lies " << closest << " from the threshold");
  REQUIRE(closest > 0.05);
  return p;
}

}  // namespace

TEST_CASE("the loss with a step and with a sigmoid in the hidden layer") {
  const Problem p = problem(16, 3, 8);
  for (bool step : {true, false}) {
    const double expected = forward(p.net, step, p.x, p.t).loss;
    const double got = mlp_loss(p.net, step ? "step" : "sigmoid", p.x, p.t);
    INFO((step ? "step" : "sigmoid") << ": expected " << expected << ", got " << got);
    CHECK(got == Approx(expected).epsilon(1e-5));
  }
  CHECK(mlp_loss(p.net, "tanh", p.x, p.t) != Approx(mlp_loss(p.net, "sigmoid", p.x, p.t)));
}

TEST_CASE("through a step no hidden weight has a slope; through a sigmoid every one has") {
  for (std::uint64_t seed : {8, 22}) {
    const Problem p = problem(16, 3, seed);
    INFO("network of seed " << seed);
    const nn::Tensor step = hidden_slopes(p.net, "step", p.x, p.t, 0.01);
    REQUIRE(step.shape() == p.net.W1.shape());
    INFO("step slopes " << describe(step));
    for (std::size_t k = 0; k < step.size(); ++k) CHECK(step.data()[k] == 0.0f);
    const nn::Tensor smooth = hidden_slopes(p.net, "sigmoid", p.x, p.t, 0.01);
    check_close("central differences through the sigmoid, against backpropagation by hand", smooth,
                sigmoid_gradient(p.net, p.x, p.t), 2e-5, 1e-3);
    CHECK(xt::amax(xt::abs(smooth))() > 1e-3);
  }
}

TEST_CASE("the tape gives the sigmoid's slopes in one backward pass") {
  const Problem p = problem(16, 3, 22);
  check_close("backward() on the tape against backpropagation by hand",
              hidden_slopes_on_tape(p.net, p.x, p.t), sigmoid_gradient(p.net, p.x, p.t), 1e-6,
              1e-4);
  const Problem q = problem(9, 4, 2);
  check_close("another network, another batch", hidden_slopes_on_tape(q.net, q.x, q.t),
              sigmoid_gradient(q.net, q.x, q.t), 1e-6, 1e-4);
}

TEST_CASE("gradient descent on the hidden layer: stuck with the step, moving with the sigmoid") {
  const Problem p = problem(16, 3, 8);
  TinyMlp step_net = p.net;
  const std::vector<double> step = train_hidden_layer(step_net, "step", p.x, p.t, 2.0, 10, 0.01);
  REQUIRE(step.size() == 11);
  INFO("losses with the step: " << Catch::Detail::stringify(step));
  for (double loss : step) CHECK(loss == Approx(forward(p.net, true, p.x, p.t).loss).epsilon(1e-5));
  check_close("W1 after training through the step", step_net.W1, p.net.W1, 0.0, 0.0);

  TinyMlp net = p.net;
  const std::vector<double> smooth = train_hidden_layer(net, "sigmoid", p.x, p.t, 2.0, 10, 0.01);
  REQUIRE(smooth.size() == 11);
  // The same descent here, with the gradient by hand.
  TinyMlp replay = p.net;
  std::vector<double> expected{forward(replay, false, p.x, p.t).loss};
  for (int k = 0; k < 10; ++k) {
    replay.W1 -= 2.0f * sigmoid_gradient(replay, p.x, p.t);
    expected.push_back(forward(replay, false, p.x, p.t).loss);
  }
  INFO("losses with the sigmoid: " << Catch::Detail::stringify(smooth) << "\nexpected "
                                   << Catch::Detail::stringify(expected));
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CHECK(smooth[k] == Approx(expected[k]).epsilon(1e-4));
  }
  CHECK(smooth.back() < smooth.front() - 1e-3);
  check_close("W1 after training through the sigmoid", net.W1, replay.W1, 1e-4, 1e-3);
}
