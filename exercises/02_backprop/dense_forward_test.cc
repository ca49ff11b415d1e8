// Tests for exercise 2.1. Do not edit: `./book grade dense_forward` runs them.
// Reference values: worked by hand in the comments, and the library's nn::dense_forward
// (tested in lib/layers/dense_test.cc and against PyTorch in lib/torch_reference_test.cc).
#include "exercises/02_backprop/dense_forward.h"

#include <catch2/catch.hpp>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/layers/dense.h"
#include "lib/random.h"

using exercises::dense_forward;
using exercises::testing::check_close;

TEST_CASE("the first layer of chapter 2's tiny network") {
  // z1 = (0.5·0.2 + 1·0.4 + 0.1, 0.5·(−0.3) + 1·0.1 − 0.2) = (0.6, −0.25)
  const nn::Tensor x = {{0.5f, 1.0f}};
  const nn::Tensor W = {{0.2f, -0.3f}, {0.4f, 0.1f}};
  const nn::Tensor b = {{0.1f, -0.2f}};
  check_close("z = x·W + b", dense_forward(x, W, b), nn::Tensor{{0.6f, -0.25f}});
}

TEST_CASE("a batch of three rows, three inputs, two units") {
  const nn::Tensor x = {{1, 2, 3}, {0, -1, 2}, {4, 0, -2}};
  const nn::Tensor W = {{1, 0}, {-1, 2}, {0.5f, 1}};
  const nn::Tensor b = {{0.5f, -1}};
  // Row 0: 1 − 2 + 1.5 + 0.5 = 1;   0 + 4 + 3 − 1 = 6
  // Row 1: 0 + 1 + 1 + 0.5 = 2.5;   0 − 2 + 2 − 1 = −1
  // Row 2: 4 + 0 − 1 + 0.5 = 3.5;   0 + 0 − 2 − 1 = −3
  check_close("z = x·W + b", dense_forward(x, W, b), nn::Tensor{{1, 6}, {2.5f, -1}, {3.5f, -3}});
}

TEST_CASE("the bias is added to every row") {
  const nn::Tensor zeros = xt::zeros<float>({4, 3});
  const nn::Tensor W = {{1, 2}, {3, 4}, {5, 6}};
  const nn::Tensor b = {{-7, 0.25f}};
  check_close("zero inputs give the bias in every row", dense_forward(zeros, W, b),
              nn::Tensor{{-7, 0.25f}, {-7, 0.25f}, {-7, 0.25f}, {-7, 0.25f}});
}

TEST_CASE("random shapes against the library's dense_forward") {
  nn::Rng rng(2024);
  for (auto [batch, in, units] : {std::array<std::size_t, 3>{1, 1, 1}, {7, 5, 3}, {16, 3, 10}}) {
    const nn::Tensor x = rng.normal_tensor(batch, in);
    const nn::Tensor W = rng.normal_tensor(in, units);
    const nn::Tensor b = rng.normal_tensor(1, units);
    nn::Tensor expected = nn::Tensor::from_shape({batch, units});
    nn::dense_forward(x, W, &b, expected);
    check_close("x " + nn::shape_string(x) + ", W " + nn::shape_string(W), dense_forward(x, W, b),
                expected, 1e-5, 1e-4);
  }
}

TEST_CASE("shapes that do not fit throw nn::ShapeError naming them") {
  const nn::Tensor x = xt::ones<float>({3, 4});
  const nn::Tensor W = xt::ones<float>({2, 5});
  const nn::Tensor b = xt::ones<float>({1, 5});
  try {
    dense_forward(x, W, b);
    FAIL("x (3, 4) and W (2, 5) do not fit, but nothing was thrown");
  } catch (const nn::ShapeError& error) {
    const std::string message = error.what();
    INFO("message: " << message);
    CHECK(message.find("(3, 4)") != std::string::npos);
    CHECK(message.find("(2, 5)") != std::string::npos);
  }
  const nn::Tensor W45 = xt::ones<float>({4, 5});
  CHECK_NOTHROW(dense_forward(x, W45, b));
  CHECK_THROWS_AS(dense_forward(x, W45, xt::ones<float>({1, 4})), nn::ShapeError);
  CHECK_THROWS_AS(dense_forward(x, W45, xt::ones<float>({2, 5})), nn::ShapeError);
}
