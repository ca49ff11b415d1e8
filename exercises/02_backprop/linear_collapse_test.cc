// Tests for exercise 2.7. Do not edit: `./book grade linear_collapse` runs them.
// Reference values: the stack itself, run layer by layer through the library's Dense layers
// (nn::Sequential without activations, weights set by hand), and a 2 × 2 case by hand.
#include "exercises/02_backprop/linear_collapse.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/nn.h"

using exercises::Affine;
using exercises::collapse;
using exercises::testing::check_close;

namespace {

std::vector<Affine> random_stack(const std::vector<std::size_t>& widths, std::uint64_t seed) {
  nn::Rng rng(seed);
  std::vector<Affine> layers;
  for (std::size_t i = 0; i + 1 < widths.size(); ++i) {
    layers.push_back(
        {rng.normal_tensor(widths[i], widths[i + 1]), rng.normal_tensor(1, widths[i + 1])});
  }
  return layers;
}

nn::Tensor apply(const Affine& layer, const nn::Tensor& x) {
  nn::Tensor y = nn::Tensor::from_shape({x.shape(0), layer.W.shape(1)});
  for (std::size_t n = 0; n < x.shape(0); ++n) {
    for (std::size_t j = 0; j < layer.W.shape(1); ++j) {
      double z = layer.b(0, j);
      for (std::size_t i = 0; i < x.shape(1); ++i) z += double{x(n, i)} * layer.W(i, j);
      y(n, j) = static_cast<float>(z);
    }
  }
  return y;
}

}  // namespace

TEST_CASE("two 2 x 2 layers by hand") {
  // W1 = [[1, 2], [0, 1]], b1 = [1, -1]; W2 = [[2, 0], [1, 3]], b2 = [0, 5].
  // W1 W2 = [[4, 6], [1, 3]]; b1 W2 + b2 = [2 - 1, -3] + [0, 5] = [1, 2].
  const Affine one{{{1, 2}, {0, 1}}, {{1, -1}}}, two{{{2, 0}, {1, 3}}, {{0, 5}}};
  const Affine both = collapse({one, two});
  check_close("W", both.W, {{4, 6}, {1, 3}});
  check_close("b", both.b, {{1, 2}});
  const Affine reversed = collapse({two, one});  // W2 W1 = [[2, 4], [1, 5]]
  check_close("W of the other order", reversed.W, {{2, 4}, {1, 5}});
  check_close("b of the other order", reversed.b, {{1, 4}});  // [0, 5] W1 + b1 = [0, 5] + [1, -1]
}

TEST_CASE("a stack 5 → 7 → 3 → 4 → 2 gives what the library's Dense layers give") {
  const std::vector<Affine> layers = random_stack({5, 7, 3, 4, 2}, 3);
  nn::Sequential model;
  for (std::size_t i = 0; i < layers.size(); ++i)
    model.add(nn::Dense(static_cast<int>(layers[i].W.shape(1))));
  model.build({5});
  std::vector<nn::Tensor> weights;
  for (const Affine& layer : layers) {
    weights.push_back(layer.W);
    weights.push_back(layer.b);
  }
  model.set_weights(weights);
  const nn::Tensor x = nn::Rng(4).normal_tensor(6, 5);
  const Affine one = collapse(layers);
  REQUIRE(nn::shape_string(one.W) == "(5, 2)");
  REQUIRE(nn::shape_string(one.b) == "(1, 2)");
  check_close("one layer against the stack", apply(one, x), model.predict(x), 1e-4, 1e-4);
  check_close("a single layer is itself", collapse({layers[0]}).W, layers[0].W);
}

TEST_CASE("a 4 → 1 → 4 stack is a rank-1 map") {
  const Affine one = collapse(random_stack({4, 1, 4}, 7));
  REQUIRE(nn::shape_string(one.W) == "(4, 4)");
  // Every 2 × 2 minor of a rank-1 matrix is 0.
  double largest_minor = 0, largest_entry = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      largest_entry = std::max(largest_entry, std::abs(double{one.W(i, j)}));
      for (std::size_t k = i + 1; k < 4; ++k) {
        for (std::size_t l = j + 1; l < 4; ++l) {
          const double minor =
              double{one.W(i, j)} * one.W(k, l) - double{one.W(i, l)} * one.W(k, j);
          largest_minor = std::max(largest_minor, std::abs(minor));
        }
      }
    }
  }
  CHECK(largest_entry > 0.1);
  CHECK(largest_minor < 1e-4 * largest_entry * largest_entry);
}

TEST_CASE("layers that do not chain are refused, naming the shapes") {
  const std::vector<Affine> layers = random_stack({3, 4, 2}, 1);
  const Affine wrong_input{nn::Tensor::from_shape({3, 2}), nn::Tensor::from_shape({1, 2})};
  CHECK_THROWS_AS(collapse({layers[0], wrong_input}), nn::ShapeError);
  CHECK_THROWS_WITH(collapse({layers[0], wrong_input}),
                    Catch::Contains("(3, 2)") && Catch::Contains("(3, 4)"));
  const Affine wrong_bias{nn::Tensor::from_shape({4, 2}), nn::Tensor::from_shape({1, 3})};
  CHECK_THROWS_AS(collapse({layers[0], wrong_bias}), nn::ShapeError);
  CHECK_THROWS_AS(collapse({}), std::invalid_argument);
}
