// Weights are leaves of the tape: backward() fills their grads as it fills any leaf's.
#include "lib/parameter.h"

#include <catch2/catch.hpp>

#include "lib/gradient_check.h"
#include "lib/layers/dense.h"
#include "lib/random.h"

TEST_CASE("a weight is a leaf that backward() reaches through the op it feeds") {
  nn::Rng rng(3);
  nn::Parameter W{"kernel", rng.normal_tensor(3, 2)}, b{"bias", rng.normal_tensor(1, 2)};
  const nn::Var x(rng.normal_tensor(4, 3));  // data: asks for no gradient
  const nn::Var z = nn::dense(x, W, &b);
  REQUIRE(z.parent_count() == 3);  // x, W and b are the op's inputs
  CHECK(z.parent(1).node() == W.node());
  CHECK(z.parent(1).op() == "leaf");
  const nn::Tensor ones = xt::ones<float>({4, 2});
  nn::weighted_sum(z, ones).backward();
  // dW = xᵀ·1 (column sums of x, in every column), db = Σ rows of 1 = 4.
  for (std::size_t i = 0; i < 3; ++i) {
    double column = 0.0;
    for (std::size_t r = 0; r < 4; ++r) column += x.value()(r, i);
    CHECK(W.grad()(i, 0) == Approx(column).margin(1e-5));
    CHECK(W.grad()(i, 1) == Approx(column).margin(1e-5));
  }
  CHECK(b.grad()(0, 0) == 4.0f);
  // Leaves keep what arrived: a second backward adds, zero_grad forgets.
  nn::weighted_sum(nn::dense(x, W, &b), ones).backward();
  CHECK(b.grad()(0, 1) == 8.0f);
  b.zero_grad();
  CHECK_FALSE(b.has_grad());
  CHECK(b.grad()(0, 1) == 0.0f);
}

TEST_CASE(
    "a frozen weight asks for no gradient, and an op on frozen weights and data records none") {
  nn::Parameter W{"kernel", xt::ones<float>({2, 2}), false};
  const nn::Var x(xt::ones<float>({1, 2}));
  const nn::Var z = nn::dense(x, W, nullptr);
  CHECK_FALSE(z.requires_grad());
  W.set_trainable(true);
  CHECK(nn::dense(x, W, nullptr).requires_grad());
  CHECK(W.name() == "kernel");
}
