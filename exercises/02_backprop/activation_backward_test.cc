// Tests for exercise 2.2. Do not edit: `./book grade activation_backward` runs them.
// Reference values: worked by hand in the comments, and central differences of std::exp,
// std::tanh and max(0, z) computed here in double precision.
#include "exercises/02_backprop/activation_backward.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/random.h"

using exercises::relu_backward;
using exercises::sigmoid_backward;
using exercises::tanh_backward;
using exercises::testing::check_close;

namespace {

using Backward = std::function<nn::Tensor(const nn::Tensor&, const nn::Tensor&)>;

// z on a grid, y = f(z), a random dy, and dz = dy·(f(z + h) − f(z − h)) / 2h in double.
void check_against_differences(const std::string& name, const std::function<double(double)>& f,
                               const Backward& backward) {
  nn::Rng rng(7);
  nn::Tensor y = nn::Tensor::from_shape({3, 8}), dy = y, expected = y;
  const double h = 1e-5;
  for (std::size_t k = 0; k < y.size(); ++k) {
    const double z = -2.95 + 0.25 * static_cast<double>(k);  // never exactly 0
    y.data()[k] = static_cast<float>(f(z));
    dy.data()[k] = rng.normal();
    expected.data()[k] = static_cast<float>(dy.data()[k] * (f(z + h) - f(z - h)) / (2 * h));
  }
  check_close(name + " against central differences", backward(y, dy), expected, 1e-4, 1e-3);
}

}  // namespace

TEST_CASE("sigmoid_backward: dz = dy · y(1 − y)") {
  // 1 · 0.5 · 0.5 = 0.25;  2 · 0.8 · 0.2 = 0.32;  −1 · 0.1 · 0.9 = −0.09
  check_close("sigmoid_backward", sigmoid_backward({{0.5f, 0.8f, 0.1f}}, {{1, 2, -1}}),
              nn::Tensor{{0.25f, 0.32f, -0.09f}});
  check_against_differences(
      "sigmoid_backward", [](double z) { return 1 / (1 + std::exp(-z)); }, sigmoid_backward);
}

TEST_CASE("tanh_backward: dz = dy · (1 − y²)") {
  // 3 · (1 − 0) = 3;  2 · (1 − 0.25) = 1.5;  1 · (1 − 0.81) = 0.19
  check_close("tanh_backward", tanh_backward({{0.0f}, {0.5f}, {-0.9f}}, {{3}, {2}, {1}}),
              nn::Tensor{{3}, {1.5f}, {0.19f}});
  check_against_differences(
      "tanh_backward", [](double z) { return std::tanh(z); }, tanh_backward);
}

TEST_CASE("relu_backward: dz = dy where y > 0, else 0") {
  check_close("relu_backward", relu_backward({{0, 0.5f, 3, 0}}, {{1, 2, -1, 5}}),
              nn::Tensor{{0, 2, -1, 0}});
  check_against_differences(
      "relu_backward", [](double z) { return std::max(0.0, z); }, relu_backward);
}

TEST_CASE("shapes that differ throw nn::ShapeError") {
  const nn::Tensor y = xt::zeros<float>({2, 3}), dy = xt::zeros<float>({3, 2});
  CHECK_THROWS_AS(sigmoid_backward(y, dy), nn::ShapeError);
  CHECK_THROWS_AS(tanh_backward(y, dy), nn::ShapeError);
  CHECK_THROWS_AS(relu_backward(y, dy), nn::ShapeError);
  try {
    tanh_backward(y, dy);
  } catch (const nn::ShapeError& error) {
    const std::string message = error.what();
    INFO("message: " << message);
    CHECK(message.find("(2, 3)") != std::string::npos);
    CHECK(message.find("(3, 2)") != std::string::npos);
  }
}
