// Tests for exercise 2.3. Do not edit: `./book grade dense_backward` runs them.
// Reference values: worked by hand in the comments; central differences of a loss computed
// here in double precision; and the library's nn::dense_backward (tested in
// lib/layers/dense_test.cc and against PyTorch in lib/torch_reference_test.cc).
#include "exercises/02_backprop/dense_backward.h"

#include <catch2/catch.hpp>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/layers/dense.h"
#include "lib/random.h"

using exercises::dense_backward;
using exercises::DenseGradients;
using exercises::testing::check_close;

namespace {

// L = Σ_nj w_nj z_nj with z = x·W + b, in double: ∂L/∂z = w exactly.
double probe_loss(const nn::Tensor& x, const nn::Tensor& W, const nn::Tensor& b,
                  const nn::Tensor& w) {
  double loss = 0;
  for (std::size_t n = 0; n < x.shape(0); ++n) {
    for (std::size_t j = 0; j < W.shape(1); ++j) {
      double z = b(0, j);
      for (std::size_t i = 0; i < W.shape(0); ++i) z += double{x(n, i)} * W(i, j);
      loss += w(n, j) * z;
    }
  }
  return loss;
}

// Central differences of `loss` with respect to every entry of `target` (the loss is linear
// in each entry, so they are exact up to rounding).
nn::Tensor numeric_gradient(nn::Tensor& target, const std::function<double()>& loss) {
  nn::Tensor g = xt::zeros_like(target);
  for (std::size_t k = 0; k < target.size(); ++k) {
    const float saved = target.data()[k];
    const float up = saved + 1.0f / 64, down = saved - 1.0f / 64;
    target.data()[k] = up;
    const double loss_up = loss();
    target.data()[k] = down;
    const double loss_down = loss();
    target.data()[k] = saved;
    g.data()[k] = static_cast<float>((loss_up - loss_down) / (double{up} - down));
  }
  return g;
}

}  // namespace

TEST_CASE("a batch of two rows, worked by hand") {
  const nn::Tensor x = {{1, 2}, {3, 4}};          // (2, 2)
  const nn::Tensor W = {{1, 0, -1}, {2, 1, 0}};   // (2, 3)
  const nn::Tensor dz = {{1, 0, 2}, {-1, 1, 0}};  // (2, 3)
  const DenseGradients g = dense_backward(x, W, dz);
  // dW = xᵀ·dz: (1·1 + 3·(−1), 1·0 + 3·1, 1·2 + 3·0) = (−2, 3, 2)
  //             (2·1 + 4·(−1), 2·0 + 4·1, 2·2 + 4·0) = (−2, 4, 4)
  check_close("dW = xᵀ·dz", g.dW, nn::Tensor{{-2, 3, 2}, {-2, 4, 4}});
  // db = (1 − 1, 0 + 1, 2 + 0)
  check_close("db = Σ_rows dz", g.db, nn::Tensor{{0, 1, 2}});
  // dx = dz·Wᵀ: row 0 (1·1 + 0·0 + 2·(−1), 1·2 + 0·1 + 2·0) = (−1, 2)
  //             row 1 (−1·1 + 1·0 + 0·(−1), −1·2 + 1·1 + 0·0) = (−1, −1)
  check_close("dx = dz·Wᵀ", g.dx, nn::Tensor{{-1, 2}, {-1, -1}});
}

TEST_CASE("the output layer of chapter 2's tiny network") {
  // h = (0.6457, 0.4378), W2 = (0.6, −0.5)ᵀ, δ2 = −0.2202:
  // dW2 = (0.6457·(−0.2202), 0.4378·(−0.2202)) = (−0.14218, −0.09640)
  // dh = δ2·W2ᵀ = (−0.2202·0.6, −0.2202·(−0.5)) = (−0.13212, 0.1101)
  const DenseGradients g =
      dense_backward({{0.6457f, 0.4378f}}, {{0.6f}, {-0.5f}}, nn::Tensor{{-0.2202f}});
  check_close("dW2", g.dW, nn::Tensor{{-0.14218f}, {-0.09640f}}, 1e-5);
  check_close("db2", g.db, nn::Tensor{{-0.2202f}});
  check_close("dh", g.dx, nn::Tensor{{-0.13212f, 0.1101f}});
}

TEST_CASE("gradients against central differences") {
  nn::Rng rng(11);
  nn::Tensor x = rng.normal_tensor(4, 3), W = rng.normal_tensor(3, 5);
  nn::Tensor b = rng.normal_tensor(1, 5);
  const nn::Tensor w = rng.normal_tensor(4, 5);  // ∂L/∂z
  const DenseGradients g = dense_backward(x, W, w);
  auto loss = [&] { return probe_loss(x, W, b, w); };
  check_close("dW against central differences", g.dW, numeric_gradient(W, loss), 1e-4, 1e-4);
  check_close("db against central differences", g.db, numeric_gradient(b, loss), 1e-4, 1e-4);
  check_close("dx against central differences", g.dx, numeric_gradient(x, loss), 1e-4, 1e-4);
}

TEST_CASE("random shapes against the library's dense_backward") {
  nn::Rng rng(5);
  for (auto [batch, in, units] : {std::array<std::size_t, 3>{1, 1, 1}, {6, 4, 3}, {32, 7, 10}}) {
    const nn::Tensor x = rng.normal_tensor(batch, in), W = rng.normal_tensor(in, units);
    const nn::Tensor dz = rng.normal_tensor(batch, units);
    nn::Tensor dW = xt::zeros<float>({in, units}), db = xt::zeros<float>({std::size_t{1}, units});
    nn::Tensor dx = xt::zeros<float>({batch, in});
    nn::dense_backward(x, W, dz, &dW, &db, &dx);
    const DenseGradients g = dense_backward(x, W, dz);
    const std::string shapes = "x " + nn::shape_string(x) + ", W " + nn::shape_string(W);
    check_close("dW for " + shapes, g.dW, dW, 1e-4, 1e-4);
    check_close("db for " + shapes, g.db, db, 1e-4, 1e-4);
    check_close("dx for " + shapes, g.dx, dx, 1e-4, 1e-4);
  }
}

TEST_CASE("shapes that do not fit throw nn::ShapeError naming them") {
  const nn::Tensor x = xt::ones<float>({3, 4}), W = xt::ones<float>({2, 5});
  try {
    dense_backward(x, W, xt::ones<float>({3, 5}));
    FAIL("x (3, 4) and W (2, 5) do not fit, but nothing was thrown");
  } catch (const nn::ShapeError& error) {
    const std::string message = error.what();
    INFO("message: " << message);
    CHECK(message.find("(3, 4)") != std::string::npos);
    CHECK(message.find("(2, 5)") != std::string::npos);
  }
  const nn::Tensor W45 = xt::ones<float>({4, 5});
  CHECK_NOTHROW(dense_backward(x, W45, xt::ones<float>({3, 5})));
  CHECK_THROWS_AS(dense_backward(x, W45, xt::ones<float>({3, 4})), nn::ShapeError);
  CHECK_THROWS_AS(dense_backward(x, W45, xt::ones<float>({2, 5})), nn::ShapeError);
}
