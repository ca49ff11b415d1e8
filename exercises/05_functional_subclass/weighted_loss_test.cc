// Tests for exercise 5.3. Do not edit: `./book grade` runs them against your weighted_loss.cc.
#include "exercises/05_functional_subclass/weighted_loss.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "lib/nn.h"

using exercises::weighted_mse;

namespace {

// Two outputs whose MSEs are easy to work out by hand:
//   output 0: errors 1, 0, 2            → (1 + 0 + 4) / 3 = 5/3
//   output 1: errors 1, -1, 0, 2 (2×2)  → (1 + 1 + 0 + 4) / 4 = 3/2
const std::vector<nn::Tensor> kTrue = {nn::Tensor{{1}, {2}, {3}}, nn::Tensor{{0, 0}, {1, 1}}};
const std::vector<nn::Tensor> kPred = {nn::Tensor{{2}, {2}, {5}}, nn::Tensor{{1, -1}, {1, 3}}};

}  // namespace

TEST_CASE("one output: the mean squared error over rows and columns") {
  CHECK(weighted_mse({kTrue[0]}, {kPred[0]}, {}) == Approx(5.0 / 3.0));
  CHECK(weighted_mse({kTrue[1]}, {kPred[1]}, {}) == Approx(1.5));
  CHECK(weighted_mse({kTrue[1]}, {kPred[1]}, {2.0}) == Approx(3.0));
}

TEST_CASE("several outputs: weighted, or summed when no weights are given") {
  CHECK(weighted_mse(kTrue, kPred, {0.9, 0.1}) == Approx(0.9 * 5.0 / 3.0 + 0.1 * 1.5));
  CHECK(weighted_mse(kTrue, kPred, {}) == Approx(5.0 / 3.0 + 1.5));
  CHECK(weighted_mse(kTrue, kPred, {0.0, 1.0}) == Approx(1.5));
  CHECK(weighted_mse(kTrue, kTrue, {0.9, 0.1}) == 0.0);
}

TEST_CASE("it agrees with what evaluate() reports for a compiled two-output model") {
  nn::set_random_seed(2);
  const nn::SymbolicTensor x = nn::Input({4});
  const nn::SymbolicTensor h = nn::Dense(8, "tanh")(x);
  nn::Functional model({x}, {nn::Dense(1)(h), nn::Dense(2)(h)});
  model.compile({"mse", "mse"}, nn::SGD(0.0), {}, {0.7, 0.3});
  const nn::Tensor inputs = nn::Rng(3).normal_tensor(50, 4);
  const std::vector<nn::Tensor> targets = {nn::Rng(4).normal_tensor(50, 1),
                                           nn::Rng(5).normal_tensor(50, 2)};
  const double reported = model.evaluate(inputs, targets, 50, 0).at("loss");
  const double computed = weighted_mse(targets, model.predict_outputs(inputs), {0.7, 0.3});
  INFO("evaluate() says " << reported << ", weighted_mse says " << computed);
  CHECK(computed == Approx(reported).epsilon(1e-5));
}

TEST_CASE("mismatched counts and shapes are refused with the numbers and shapes") {
  CHECK_THROWS_AS(weighted_mse(kTrue, {kPred[0]}, {}), std::invalid_argument);
  CHECK_THROWS_WITH(weighted_mse(kTrue, kPred, {0.5, 0.3, 0.2}),
                    Catch::Contains("2") && Catch::Contains("3"));
  CHECK_THROWS_AS(weighted_mse({kTrue[0], kTrue[1]}, {kPred[0], kPred[0]}, {}),
                  std::invalid_argument);
  CHECK_THROWS_WITH(
      weighted_mse({kTrue[0], kTrue[1]}, {kPred[0], kPred[0]}, {}),
      Catch::Contains("output 1") && Catch::Contains("(2, 2)") && Catch::Contains("(3, 1)"));
}
