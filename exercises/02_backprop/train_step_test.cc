// Tests for exercise 2.5. Do not edit: `./book grade train_step` runs them.
// Reference values: the loss and the output layer's step worked by hand in the comments
// (chapter 2's tiny network), and the library's tape (nn::dense, nn::sigmoid,
// nn::MeanSquaredError, backward(), nn::SGD), whose gradients are tested against finite
// differences and PyTorch in lib/.
#include "exercises/02_backprop/train_step.h"

#include <catch2/catch.hpp>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/nn.h"

using exercises::train_step;
using exercises::TwoLayerNetwork;
using exercises::testing::check_close;

namespace {

// The same step through the library's tape and nn::SGD; returns the loss before it.
double reference_step(TwoLayerNetwork& net, const nn::Tensor& x, const nn::Tensor& t, float eta) {
  nn::Parameter W1{"W1", net.W1}, b1{"b1", net.b1}, W2{"W2", net.W2}, b2{"b2", net.b2};
  const nn::Var h = nn::sigmoid(nn::dense(nn::Var(x), W1, &b1));
  const nn::Var y = nn::sigmoid(nn::dense(h, W2, &b2));
  const nn::Var loss = nn::MeanSquaredError()(t, y);
  for (nn::Parameter* p : {&W1, &b1, &W2, &b2}) p->zero_grad();
  loss.backward();
  nn::SGD(eta).apply_gradients({&W1, &b1, &W2, &b2});
  net = {W1.value(), b1.value(), W2.value(), b2.value()};
  return loss.item();
}

void check_same(const TwoLayerNetwork& got, const TwoLayerNetwork& expected, double tol) {
  check_close("W1 after the step", got.W1, expected.W1, tol, tol);
  check_close("b1 after the step", got.b1, expected.b1, tol, tol);
  check_close("W2 after the step", got.W2, expected.W2, tol, tol);
  check_close("b2 after the step", got.b2, expected.b2, tol, tol);
}

TwoLayerNetwork tiny_network() {
  return {{{0.2f, -0.3f}, {0.4f, 0.1f}}, {{0.1f, -0.2f}}, {{0.6f}, {-0.5f}}, {{0.05f}}};
}

}  // namespace

TEST_CASE("chapter 2's tiny network: the loss before the step, worked by hand") {
  // z1 = (0.6, −0.25), h = σ(z1) = (0.645656, 0.437823)
  // z2 = 0.645656·0.6 − 0.437823·0.5 + 0.05 = 0.218482, ŷ = σ(z2) = 0.554404
  // L = (0.554404 − 1)² = 0.198556
  TwoLayerNetwork net = tiny_network();
  const double loss = train_step(net, {{0.5f, 1.0f}}, {{1.0f}}, 0.5f);
  CHECK(loss == Approx(0.198556).epsilon(1e-5));
}

TEST_CASE("chapter 2's tiny network: one step with eta = 0.5") {
  // δ2 = 2(ŷ − 1)·ŷ(1 − ŷ) = −0.891192 · 0.247040 = −0.220160, so
  // W2 ← (0.6, −0.5) − 0.5·δ2·h = (0.6 + 0.071074, −0.5 + 0.048196) = (0.671074, −0.451804)
  // b2 ← 0.05 − 0.5·δ2 = 0.160080
  TwoLayerNetwork net = tiny_network();
  train_step(net, {{0.5f, 1.0f}}, {{1.0f}}, 0.5f);
  check_close("W2 after the step", net.W2, nn::Tensor{{0.671074f}, {-0.451804f}}, 1e-5, 1e-5);
  check_close("b2 after the step", net.b2, nn::Tensor{{0.160080f}}, 1e-5, 1e-5);
  TwoLayerNetwork expected = tiny_network();
  reference_step(expected, {{0.5f, 1.0f}}, {{1.0f}}, 0.5f);
  check_same(net, expected, 1e-5);
}

TEST_CASE("a batch of six rows, 3-4-2, against the library's tape and SGD") {
  nn::Rng rng(31);
  const nn::Tensor x = rng.normal_tensor(6, 3);
  nn::Tensor t = rng.normal_tensor(6, 2);
  for (float& v : t) v = v > 0 ? 1.0f : 0.0f;
  const TwoLayerNetwork start{rng.normal_tensor(3, 4), rng.normal_tensor(1, 4, 0.0f, 0.1f),
                              rng.normal_tensor(4, 2), rng.normal_tensor(1, 2, 0.0f, 0.1f)};
  TwoLayerNetwork net = start, expected = start;
  const double loss = train_step(net, x, t, 0.8f);
  const double expected_loss = reference_step(expected, x, t, 0.8f);
  CHECK(loss == Approx(expected_loss).epsilon(1e-5));
  check_same(net, expected, 1e-5);
  // A second step starts from the first one's weights.
  const double second = train_step(net, x, t, 0.8f);
  const double expected_second = reference_step(expected, x, t, 0.8f);
  CHECK(second == Approx(expected_second).epsilon(1e-5));
  check_same(net, expected, 1e-5);
}

TEST_CASE("repeated steps drive the loss down") {
  // Learn y = [x1 > 0] and y = [x2 > x1] from 32 random points with 2-6-2.
  nn::Rng rng(3);
  const nn::Tensor x = rng.normal_tensor(32, 2);
  nn::Tensor t = nn::Tensor::from_shape({32, 2});
  for (std::size_t n = 0; n < 32; ++n) {
    t(n, 0) = x(n, 0) > 0 ? 1.0f : 0.0f;
    t(n, 1) = x(n, 1) > x(n, 0) ? 1.0f : 0.0f;
  }
  TwoLayerNetwork net{rng.normal_tensor(2, 6), xt::zeros<float>({1, 6}), rng.normal_tensor(6, 2),
                      xt::zeros<float>({1, 2})};
  const double first = train_step(net, x, t, 2.0f);
  double last = first;
  for (int step = 0; step < 500; ++step) last = train_step(net, x, t, 2.0f);
  INFO("loss " << first << " at the start, " << last << " after 500 steps");
  CHECK(last < 0.25 * first);
}

TEST_CASE("shapes that do not fit throw nn::ShapeError naming them") {
  TwoLayerNetwork net = tiny_network();  // 2-2-1
  try {
    train_step(net, xt::ones<float>({4, 3}), xt::ones<float>({4, 1}), 0.1f);
    FAIL("x (4, 3) does not fit W1 (2, 2), but nothing was thrown");
  } catch (const nn::ShapeError& error) {
    const std::string message = error.what();
    INFO("message: " << message);
    CHECK(message.find("(4, 3)") != std::string::npos);
    CHECK(message.find("(2, 2)") != std::string::npos);
  }
  CHECK_THROWS_AS(train_step(net, xt::ones<float>({4, 2}), xt::ones<float>({4, 2}), 0.1f),
                  nn::ShapeError);
  CHECK_THROWS_AS(train_step(net, xt::ones<float>({4, 2}), xt::ones<float>({3, 1}), 0.1f),
                  nn::ShapeError);
}
