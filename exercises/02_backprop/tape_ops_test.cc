// Tests for exercise 2.6. Do not edit: `./book grade tape_ops` runs them.
// Reference values: the forward values by hand; every gradient against central differences
// (nn::gradient_check, with the library's tolerances), inputs kept away from the kink at 0.
#include "exercises/02_backprop/tape_ops.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "exercises/02_backprop/tensor_checks.h"
#include "lib/activations.h"
#include "lib/error.h"
#include "lib/gradient_check.h"
#include "lib/random.h"

using exercises::leaky_relu;
using exercises::multiply;
using exercises::testing::check_close;

namespace {

// Uniform in [low, high), at least 0.05 away from 0.
nn::Tensor random(std::size_t rows, std::size_t cols, float low, float high, std::uint64_t seed) {
  nn::Rng rng(seed);
  nn::Tensor t = nn::Tensor::from_shape({rows, cols});
  for (float& v : t) {
    do {
      v = rng.uniform(low, high);
    } while (std::abs(v) < 0.05f);
  }
  return t;
}

void require_passes(const nn::GradientCheckResult& result) {
  INFO("worst: " << result.worst << ", max error " << result.max_error);
  REQUIRE(result.checked > 0);
  REQUIRE(result.passed);
}

}  // namespace

TEST_CASE("leaky_relu: values, the default slope, and the node it leaves") {
  const nn::Var z(nn::Tensor{{-2.0f, 3.0f}, {0.5f, -0.25f}});
  const nn::Var y = leaky_relu(z, 0.1f);
  check_close("leaky_relu(z, 0.1)", y.value(), {{-0.2f, 3.0f}, {0.5f, -0.025f}});
  check_close("leaky_relu(z), slope 0.3", leaky_relu(z).value(), {{-0.6f, 3.0f}, {0.5f, -0.075f}});
  CHECK(y.op() == "leaky_relu");
  REQUIRE(y.parent_count() == 1);
  CHECK(y.parent(0).node() == z.node());
}

TEST_CASE("leaky_relu's gradient: dy where z > 0, alpha dy elsewhere") {
  nn::Var z(nn::Tensor{{-2.0f, 3.0f, -0.5f}}, true);
  leaky_relu(z, 0.2f);  // nothing flows until backward
  nn::weighted_sum(leaky_relu(z, 0.2f), nn::Tensor{{1.0f, 2.0f, -4.0f}}).backward();
  check_close("dL/dz for dy = (1, 2, -4)", z.grad(), {{0.2f, 2.0f, -0.8f}});
  nn::Var x(random(4, 5, -3, 3, 1), true);
  const nn::Tensor w = random(4, 5, -1, 1, 2);
  for (float alpha : {0.01f, 0.3f, 1.5f}) {
    INFO("alpha " << alpha);
    require_passes(
        nn::gradient_check([&] { return nn::weighted_sum(leaky_relu(x, alpha), w); }, {x}));
  }
}

TEST_CASE("multiply: values, both gradients, and a Var that feeds it twice") {
  nn::Var a(random(3, 4, -2, 2, 3), true), b(random(3, 4, -2, 2, 4), true);
  const nn::Tensor w = random(3, 4, -1, 1, 5);
  const nn::Var y = multiply(a, b);
  check_close("a * b", y.value(), a.value() * b.value());
  CHECK(y.op() == "multiply");
  CHECK(y.parent_count() == 2);
  require_passes(nn::gradient_check([&] { return nn::weighted_sum(multiply(a, b), w); }, {a, b}));
  // x ⊙ x = x²: the two uses add up to 2x dy.
  require_passes(nn::gradient_check([&] { return nn::weighted_sum(multiply(a, a), w); }, {a}));
  // A gate: tanh(a) ⊙ sigmoid(b), then a leaky unit; gradients through three ops.
  require_passes(nn::gradient_check(
      [&] { return nn::weighted_sum(leaky_relu(multiply(nn::tanh(a), nn::sigmoid(b)), 0.1f), w); },
      {a, b}));
}

TEST_CASE("gradients add up when a Var feeds two ops") {
  nn::Var x(nn::Tensor{{1.5f, -2.0f}}, true);
  const nn::Var twice = nn::add(leaky_relu(x, 0.5f), multiply(x, x));
  nn::weighted_sum(twice, nn::Tensor{{1.0f, 1.0f}}).backward();
  // d/dx of leaky(x) + x²: 1 + 3 = 4 at 1.5, 0.5 - 4 = -3.5 at -2.
  check_close("dL/dx", x.grad(), {{4.0f, -3.5f}});
}

TEST_CASE("multiply refuses tensors of different shapes, naming both") {
  const nn::Var a(nn::Tensor::from_shape({2, 3})), b(nn::Tensor::from_shape({3, 2}));
  CHECK_THROWS_AS(multiply(a, b), nn::ShapeError);
  CHECK_THROWS_WITH(multiply(a, b), Catch::Contains("(2, 3)") && Catch::Contains("(3, 2)"));
}
