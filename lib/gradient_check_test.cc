// Every op, activation, layer and loss against finite differences (see gradient_check.h
// for the tolerances and why).
#include "lib/gradient_check.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/activations.h"
#include "lib/layers/dense.h"
#include "lib/losses/crossentropy.h"
#include "lib/losses/regression.h"
#include "lib/random.h"

namespace {

// Uniform in [low, high), but at least `gap` away from 0 (kinks live there).
nn::Tensor random(std::size_t rows, std::size_t cols, float low, float high, std::uint64_t seed,
                  float gap = 0.0f) {
  nn::Rng rng(seed);
  nn::Tensor t = nn::Tensor::from_shape({rows, cols});
  for (float& v : t) {
    do {
      v = rng.uniform(low, high);
    } while (std::abs(v) < gap);
  }
  return t;
}

void require_passes(const nn::GradientCheckResult& result) {
  INFO("worst: " << result.worst << ", max error " << result.max_error);
  REQUIRE(result.checked > 0);
  REQUIRE(result.passed);
}

using Unary = nn::Var (*)(const nn::Var&);

}  // namespace

TEST_CASE("activations: sigmoid, tanh, relu, softplus, softmax") {
  const nn::Tensor w = random(4, 5, -1, 1, 2);
  for (auto [name, f] : {std::pair<const char*, Unary>{"sigmoid", &nn::sigmoid},
                         {"tanh", &nn::tanh},
                         {"relu", &nn::relu},
                         {"softplus", &nn::softplus},
                         {"softmax", &nn::softmax}}) {
    SECTION(name) {
      nn::Var x(random(4, 5, -3, 3, 1, 0.05f), true);
      require_passes(nn::gradient_check([&] { return nn::weighted_sum(f(x), w); }, {x}));
    }
  }
}

TEST_CASE("ops: add, scale, concat") {
  nn::Var a(random(3, 2, -1, 1, 3), true), b(random(3, 2, -1, 1, 4), true);
  nn::Var c(random(3, 4, -1, 1, 5), true);
  const nn::Tensor w2 = random(3, 2, -1, 1, 6), w8 = random(3, 8, -1, 1, 7);
  require_passes(
      nn::gradient_check([&] { return nn::weighted_sum(a + nn::scale(b, -2.5f), w2); }, {a, b}));
  require_passes(nn::gradient_check(
      [&] {
        return nn::weighted_sum(nn::concat({a, nn::tanh(c), b}), w8);
      },
      {a, b, c}));
}

TEST_CASE("Dense: x, W and b; with and without bias") {
  nn::Parameter W{"kernel", random(4, 3, -1, 1, 8), true};
  nn::Parameter b{"bias", random(1, 3, -1, 1, 9), true};
  nn::Var x(random(5, 4, -2, 2, 10), true);
  const nn::Tensor w = random(5, 3, -1, 1, 11);
  require_passes(
      nn::gradient_check([&] { return nn::weighted_sum(nn::dense(x, W, &b), w); }, {x}, {&W, &b}));
  require_passes(
      nn::gradient_check([&] { return nn::weighted_sum(nn::dense(x, W, nullptr), w); }, {x}, {&W}));
}

TEST_CASE("regression losses") {
  const nn::Tensor t = random(6, 2, -2, 2, 12);
  nn::Tensor p0 = t + random(6, 2, -1.5f, 1.5f, 13, 0.05f);  // |e| >= 0.05: off MAE's kink
  nn::Var p(p0, true);
  require_passes(nn::gradient_check([&] { return nn::MeanSquaredError()(t, p); }, {p}));
  require_passes(nn::gradient_check([&] { return nn::MeanAbsoluteError()(t, p); }, {p}));
  require_passes(nn::gradient_check([&] { return nn::Huber(1.0)(t, p); }, {p}));
  require_passes(nn::gradient_check([&] { return nn::Huber(0.3)(t, p); }, {p}));
}

TEST_CASE("binary cross-entropy: on probabilities, on logits, and fused after a sigmoid") {
  const nn::Tensor t = {{0, 1}, {1, 1}, {0, 0}, {1, 0}};
  nn::Var p(random(4, 2, 0.05f, 0.95f, 14), true);
  nn::Var z(random(4, 2, -4, 4, 15), true);
  require_passes(nn::gradient_check([&] { return nn::BinaryCrossentropy()(t, p); }, {p}));
  require_passes(nn::gradient_check([&] { return nn::BinaryCrossentropy(true)(t, z); }, {z}));
  require_passes(
      nn::gradient_check([&] { return nn::BinaryCrossentropy()(t, nn::sigmoid(z)); }, {z}));
}

TEST_CASE("categorical cross-entropies: on probabilities, on logits, fused after a softmax") {
  const nn::Tensor one_hot = {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0, 0, 1}};
  const nn::Tensor labels = {{0}, {2}, {1}, {2}};
  nn::Var p(random(4, 3, 0.1f, 1.0f, 16), true);  // not normalised: Keras scales the rows
  nn::Var z(random(4, 3, -4, 4, 17), true);
  const nn::CategoricalCrossentropy cce, cce_logits(true);
  const nn::SparseCategoricalCrossentropy scce, scce_logits(true);
  require_passes(nn::gradient_check([&] { return cce(one_hot, p); }, {p}));
  require_passes(nn::gradient_check([&] { return cce_logits(one_hot, z); }, {z}));
  require_passes(nn::gradient_check([&] { return cce(one_hot, nn::softmax(z)); }, {z}));
  require_passes(nn::gradient_check([&] { return scce(labels, p); }, {p}));
  require_passes(nn::gradient_check([&] { return scce_logits(labels, z); }, {z}));
  require_passes(nn::gradient_check([&] { return scce(labels, nn::softmax(z)); }, {z}));
}

TEST_CASE("fused and unfused paths give the same gradient on the logits") {
  const nn::Tensor labels = {{0}, {2}, {1}};
  nn::Var z(random(3, 3, -3, 3, 18), true);
  const nn::SparseCategoricalCrossentropy scce;
  nn::Var fused = scce(labels, nn::softmax(z));
  fused.backward();
  const nn::Tensor fused_grad = z.grad();
  z.zero_grad();
  // scale(·, 1) hides the softmax from the loss: clipped probabilities, then its Jacobian.
  nn::Var unfused = scce(labels, nn::scale(nn::softmax(z), 1.0f));
  unfused.backward();
  CHECK(fused.item() == Approx(unfused.item()).epsilon(1e-5));
  for (std::size_t i = 0; i < fused_grad.size(); ++i) {
    CHECK(z.grad().data()[i] == Approx(fused_grad.data()[i]).margin(1e-6));
  }
}

TEST_CASE("a small network end to end: every weight and the input") {
  nn::Parameter W1{"kernel", random(4, 6, -1, 1, 19), true};
  nn::Parameter b1{"bias", random(1, 6, -0.5f, 0.5f, 20), true};
  nn::Parameter W2{"kernel", random(6, 3, -1, 1, 21), true};
  nn::Parameter b2{"bias", random(1, 3, -0.5f, 0.5f, 22), true};
  nn::Var x(random(5, 4, -1, 1, 23), true);
  const nn::Tensor labels = {{0}, {1}, {2}, {1}, {0}};
  auto loss = [&] {
    nn::Var h = nn::tanh(nn::dense(x, W1, &b1));
    return nn::SparseCategoricalCrossentropy()(labels, nn::softmax(nn::dense(h, W2, &b2)));
  };
  require_passes(nn::gradient_check(loss, {x}, {&W1, &b1, &W2, &b2}));
}

TEST_CASE("the check catches a gradient that is 5% off, and reports where") {
  nn::Var x(random(3, 3, -1, 1, 24), true);
  const nn::Tensor w = random(3, 3, -1, 1, 25);
  auto wrong_square = [](const nn::Var& v) {  // y = v², with backward 2.1·v instead of 2v
    nn::Tensor y = v.value() * v.value();
    return nn::Var::from_op(y, {v}, "wrong_square", [v](const nn::Tensor&, const nn::Tensor& dy) {
      v.accumulate_grad(2.1f * v.value() * dy);
    });
  };
  const nn::GradientCheckResult result =
      nn::gradient_check([&] { return nn::weighted_sum(wrong_square(x), w); }, {x});
  CHECK_FALSE(result.passed);
  CHECK_THAT(result.worst, Catch::Contains("input 0") && Catch::Contains("analytic"));
}
