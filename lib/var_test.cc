#include "lib/var.h"

#include <catch2/catch.hpp>
#include <thread>

#include "lib/activations.h"
#include "lib/error.h"
#include "lib/gradient_check.h"

namespace {

nn::Tensor t(std::initializer_list<std::initializer_list<float>> rows) { return nn::Tensor(rows); }

}  // namespace

TEST_CASE("backward seeds 1 and runs the closures newest first") {
  // y = a + b; z = y + a: dz/da = 2, dz/db = 1. Needs y's gradient complete before y runs.
  nn::Var a(t({{1, 2}}), true), b(t({{3, 4}}), true);
  nn::Var y = a + b;
  nn::Var z = nn::weighted_sum(y + a, t({{1, 1}}));
  z.backward();
  CHECK(z.item() == 1 + 2 + 3 + 4 + 1 + 2);
  CHECK(a.grad()(0, 0) == 2.0f);
  CHECK(a.grad()(0, 1) == 2.0f);
  CHECK(b.grad()(0, 0) == 1.0f);
  CHECK(y.grad()(0, 1) == 1.0f);
}

TEST_CASE("a Var used twice gets the sum of both gradients, and gradients add up over calls") {
  nn::Var x(t({{0.5f, -1.0f}}), true);
  nn::Var loss = nn::weighted_sum(nn::concat({x, nn::scale(x, 3.0f)}), t({{1, 2, 3, 4}}));
  loss.backward();
  CHECK(x.grad()(0, 0) == Approx(1 + 3 * 3));
  CHECK(x.grad()(0, 1) == Approx(2 + 3 * 4));
  loss.backward();  // accumulates, as in PyTorch
  CHECK(x.grad()(0, 0) == Approx(2 * (1 + 3 * 3)));
  x.zero_grad();
  CHECK(x.grad()(0, 0) == 0.0f);
}

TEST_CASE("leaves without requires_grad get no gradient and record nothing") {
  nn::Var data(t({{1, 2}}));
  nn::Var w(t({{1, 1}}), true);
  nn::Var y = data + w;
  CHECK(y.requires_grad());
  nn::weighted_sum(y, t({{1, 1}})).backward();
  CHECK_FALSE(data.has_grad());
  CHECK(w.grad()(0, 1) == 1.0f);
  nn::Var c = nn::sigmoid(data);
  CHECK_FALSE(c.requires_grad());
  CHECK_FALSE(c.node()->backward);
}

TEST_CASE("NoGradGuard: no closures are recorded, but the graph still links to its inputs") {
  nn::Var x(t({{1, -2}}), true);
  {
    nn::NoGradGuard no_grad;
    CHECK_FALSE(nn::grad_enabled());
    nn::Var y = nn::softmax(x);
    CHECK_FALSE(y.requires_grad());
    CHECK_FALSE(y.node()->backward);
    CHECK(y.op() == "softmax");
    CHECK(y.parent(0).node() == x.node());  // a loss after it can still find the logits
    { nn::NoGradGuard nested; }
    CHECK_FALSE(nn::grad_enabled());
    CHECK_THROWS_AS(nn::weighted_sum(y, t({{1, 1}})).backward(), nn::Error);
  }
  CHECK(nn::grad_enabled());
}

TEST_CASE("backward needs a (1, 1) loss") {
  nn::Var x(t({{1, 2}}), true);
  CHECK_THROWS_AS((x + x).backward(), nn::ShapeError);
  CHECK_THROWS_WITH((x + x).backward(), Catch::Contains("(1, 2)"));
}

TEST_CASE("add and concat check shapes and name them") {
  nn::Var a(t({{1, 2}}), true), b(t({{1, 2, 3}}), true), c(t({{1}, {2}}), true);
  CHECK_THROWS_WITH(a + b, Catch::Contains("(1, 2)") && Catch::Contains("(1, 3)"));
  CHECK_THROWS_WITH(nn::concat({a, c}), Catch::Contains("part 1") && Catch::Contains("(2, 1)"));
  nn::Var ab = nn::concat({a, b});
  CHECK((ab.value() == t({{1, 2, 1, 2, 3}})));
}

TEST_CASE("each thread has its own tape and grad mode") {
  // Two threads build and differentiate at the same time; a NoGradGuard in one does not
  // reach the other.
  auto work = [](float scale, bool guard, float* out) {
    std::unique_ptr<nn::NoGradGuard> no_grad;
    if (guard) no_grad = std::make_unique<nn::NoGradGuard>();
    for (int i = 0; i < 2000; ++i) {
      nn::Var x(nn::Tensor({{scale, 2 * scale}}), true);
      nn::Var y = nn::tanh(nn::scale(x, 0.5f));
      if (guard) {
        *out = y.requires_grad() ? -1.0f : 1.0f;
      } else {
        nn::weighted_sum(y, nn::Tensor({{1, 1}})).backward();
        *out = x.grad()(0, 0);
      }
    }
  };
  float a = 0, b = 0;
  std::thread first(work, 0.3f, false, &a), second(work, 0.7f, true, &b);
  first.join();
  second.join();
  CHECK(a == Approx(0.5 * (1 - std::tanh(0.15) * std::tanh(0.15))));
  CHECK(b == 1.0f);
}
