// Tests for exercise 2.4. Do not edit: `./book grade numerical_gradient` runs them.
// Reference values: worked by hand in the comments (the cube's differences are exact in
// floating point for the inputs chosen), and the derivative of sin, cos.
#include "exercises/02_backprop/numerical_gradient.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "exercises/02_backprop/tensor_checks.h"

using exercises::max_relative_error;
using exercises::numerical_gradient;
using exercises::relative_error;
using exercises::testing::check_close;

namespace {

double sum_of_cubes(const nn::Tensor& x) {
  double sum = 0;
  for (float v : x) sum += double{v} * v * v;
  return sum;
}

}  // namespace

TEST_CASE("central differences of x³ give 3x² + h² exactly") {
  // h = 1/64 and inputs that are small multiples of 1/64: x ± h are exact in float, and
  // ((x + h)³ − (x − h)³) / 2h = 3x² + h². A one-sided difference would give 3x² + 3xh + h²;
  // dividing by h instead of 2h, twice the right value.
  const double h = 1.0 / 64;
  const nn::Tensor x = {{1, -2, 0.5f}, {0, 3, -1.5f}};
  nn::Tensor expected = nn::Tensor::from_shape({2, 3});
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double v = x.data()[k];
    expected.data()[k] = static_cast<float>(3 * v * v + h * h);
  }
  check_close("numerical_gradient of Σ x³, h = 1/64", numerical_gradient(sum_of_cubes, x, h),
              expected, 1e-6, 1e-6);
}

TEST_CASE("each call nudges exactly one entry, by +h then -h, and puts it back") {
  const nn::Tensor x = {{0.25f, -1.0f}, {2.0f, 4.0f}};
  const double h = 1.0 / 32;
  std::vector<nn::Tensor> calls;
  numerical_gradient(
      [&](const nn::Tensor& seen) {
        calls.push_back(seen);
        return 0.0;
      },
      x, h);
  REQUIRE(calls.size() == 2 * x.size());
  for (std::size_t c = 0; c < calls.size(); ++c) {
    INFO("call " << c << " saw " << exercises::testing::describe(calls[c]));
    REQUIRE(calls[c].shape() == x.shape());
    const std::size_t k = c / 2;  // the entry being nudged
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double offset = i == k ? (c % 2 == 0 ? h : -h) : 0.0;
      INFO("entry " << i);
      CHECK(calls[c].data()[i] == Approx(x.data()[i] + offset).margin(1e-7));
    }
  }
}

TEST_CASE("the default step is 1e-3") {
  const nn::Tensor x = {{1.0f}};
  std::vector<float> seen;
  numerical_gradient(
      [&](const nn::Tensor& t) {
        seen.push_back(t(0, 0));
        return 0.0;
      },
      x);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == Approx(1.001).epsilon(1e-6));
  CHECK(seen[1] == Approx(0.999).epsilon(1e-6));
}

TEST_CASE("the gradient of Σ c·sin(x) is c·cos(x)") {
  const nn::Tensor x = {{0.3f, -1.2f, 2.0f}, {0.0f, 1.0f, -0.7f}};
  const nn::Tensor c = {{1, 2, -1}, {0.5f, -3, 4}};
  auto f = [&](const nn::Tensor& t) {
    double sum = 0;
    for (std::size_t k = 0; k < t.size(); ++k) sum += c.data()[k] * std::sin(double{t.data()[k]});
    return sum;
  };
  const nn::Tensor expected = c * xt::cos(x);
  check_close("numerical_gradient of Σ c·sin(x), h = 1e-3", numerical_gradient(f, x), expected,
              1e-4, 1e-3);
}

TEST_CASE("relative_error") {
  CHECK(relative_error(1.0, 1.01) == Approx(0.01 / 1.01));
  CHECK(relative_error(1.01, 1.0) == Approx(0.01 / 1.01));
  CHECK(relative_error(-2.0, -1.0) == Approx(0.5));
  CHECK(relative_error(1.0, -1.0) == Approx(2.0));
  CHECK(relative_error(0.0, 5.0) == Approx(1.0));
  CHECK(relative_error(3e-9, 3e-9) == 0.0);
  CHECK(relative_error(0.0, 0.0) == 0.0);
}

TEST_CASE("max_relative_error") {
  const nn::Tensor a = {{1.0f, 2.0f}, {0.0f, -4.0f}};
  const nn::Tensor n = {{1.0f, 2.2f}, {0.0f, -4.0f}};
  CHECK(max_relative_error(a, n) == Approx(0.2 / 2.2).epsilon(1e-6));
  CHECK(max_relative_error(a, a) == 0.0);
  CHECK(max_relative_error(nn::Tensor{{1, 5}}, nn::Tensor{{-1, 5}}) == Approx(2.0));
  try {
    max_relative_error(xt::zeros<float>({2, 3}), xt::zeros<float>({3, 2}));
    FAIL("shapes (2, 3) and (3, 2) differ, but nothing was thrown");
  } catch (const nn::ShapeError& error) {
    const std::string message = error.what();
    INFO("message: " << message);
    CHECK(message.find("(2, 3)") != std::string::npos);
    CHECK(message.find("(3, 2)") != std::string::npos);
  }
}
