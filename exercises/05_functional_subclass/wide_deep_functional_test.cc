// Tests for exercise 5.1. Do not edit: `./book grade` runs them against your
// wide_deep_functional.cc.
#include "exercises/05_functional_subclass/wide_deep_functional.h"

#include <catch2/catch.hpp>
#include <xtensor/xbuilder.hpp>

#include "exercises/05_functional_subclass/dense_by_shape_test.h"

using exercises::wide_and_deep;
using exercises::testing::affine;
using exercises::testing::dense_count;
using exercises::testing::dense_with_kernel;

TEST_CASE("one input of f numbers, one output, and three Dense layers of the right shapes") {
  nn::Functional model = wide_and_deep(8, 30);
  REQUIRE(model.inputs().size() == 1);
  CHECK(model.inputs()[0].shape_string() == "(None, 8)");
  REQUIRE(model.outputs().size() == 1);
  CHECK(model.outputs()[0].shape_string() == "(None, 1)");
  CHECK(dense_count(model) == 3);
  CHECK(dense_with_kernel(model, 8, 30)->activation() == "relu");    // the first hidden layer
  CHECK(dense_with_kernel(model, 30, 30)->activation() == "relu");   // the second
  CHECK(dense_with_kernel(model, 38, 1)->activation() == "linear");  // on input and hidden
}

TEST_CASE("parameter counts: (f·u + u) + (u² + u) + (f + u + 1)") {
  CHECK(wide_and_deep(8, 30).count_params() == 1239);
  CHECK(wide_and_deep(3, 4).count_params() == (12 + 4) + (16 + 4) + (3 + 4 + 1));
}

TEST_CASE("its predictions are the Wide & Deep formula, computed by hand") {
  for (auto [features, units] : {std::pair<std::size_t, int>{4, 6}, {7, 3}}) {
    nn::set_random_seed(5);
    nn::Functional model = wide_and_deep(features, units);
    const std::size_t u = static_cast<std::size_t>(units);
    const nn::Tensor x = nn::Rng(6).normal_tensor(10, features);
    const nn::Tensor h = affine(affine(x, *dense_with_kernel(model, features, u), true),
                                *dense_with_kernel(model, u, u), true);  // (10, u)
    const nn::Tensor both = xt::concatenate(xt::xtuple(x, h), 1);        // (10, f + u)
    const nn::Tensor expected = affine(both, *dense_with_kernel(model, features + u, 1), false);
    const nn::Tensor got = model.predict(x);
    REQUIRE(got.shape() == expected.shape());
    for (std::size_t r = 0; r < 10; ++r) {
      INFO(features << " features, " << units << " units, row " << r << ": expected "
                    << expected(r, 0) << ", got " << got(r, 0));
      CHECK(got(r, 0) == Approx(expected(r, 0)).margin(1e-5));
    }
  }
}
