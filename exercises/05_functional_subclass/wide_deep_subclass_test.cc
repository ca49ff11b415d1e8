// Tests for exercise 5.4. Do not edit: `./book grade` runs them against your
// wide_deep_subclass.cc.
#include "exercises/05_functional_subclass/wide_deep_subclass.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"

using exercises::WideAndDeep;

namespace {

// The reference: the same network with the functional API, layers made in the same order.
nn::Functional functional(int units) {
  nn::Dense hidden1(units, "relu"), hidden2(units, "relu"), main_output(1), aux_output(1);
  const nn::SymbolicTensor wide = nn::Input({3}), deep = nn::Input({4});
  const nn::SymbolicTensor hidden = hidden2(hidden1(deep));
  return nn::Functional({wide, deep},
                        {main_output(nn::concatenate({wide, hidden})), aux_output(hidden)});
}

double max_difference(const nn::Tensor& a, const nn::Tensor& b) {
  REQUIRE(a.shape() == b.shape());
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, double(std::abs(a.data()[i] - b.data()[i])));
  }
  return worst;
}

nn::FitOptions quiet(int epochs) {
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = 16;
  options.verbose = 0;
  options.seed = 11;
  return options;
}

const nn::Tensor kWide = nn::Rng(1).normal_tensor(40, 3), kDeep = nn::Rng(2).normal_tensor(40, 4);
const nn::Tensor kY = nn::Rng(3).normal_tensor(40, 1);

}  // namespace

TEST_CASE("two outputs, (rows, 1) each") {
  nn::set_random_seed(1);
  WideAndDeep model(8);
  const std::vector<nn::Tensor> outputs = model.predict_outputs({kWide, kDeep});
  REQUIRE(outputs.size() == 2);
  CHECK(outputs[0].shape() == std::array<std::size_t, 2>{40, 1});
  CHECK(outputs[1].shape() == std::array<std::size_t, 2>{40, 1});
  CHECK(model.count_params() == (4 * 8 + 8) + (8 * 8 + 8) + (3 + 8 + 1) + (8 + 1));
}

TEST_CASE("same seed as the functional model: the same predictions, bit for bit") {
  nn::set_random_seed(7);
  nn::Functional reference = functional(8);
  nn::set_random_seed(7);
  WideAndDeep model(8);
  const std::vector<nn::Tensor> expected = reference.predict_outputs({kWide, kDeep});
  const std::vector<nn::Tensor> got = model.predict_outputs({kWide, kDeep});
  REQUIRE(got.size() == 2);
  CHECK(max_difference(got[0], expected[0]) == 0.0);  // the main output (wide and deep)
  CHECK(max_difference(got[1], expected[1]) == 0.0);  // the auxiliary output (deep only)
  // Trained the same way, they stay the same.
  reference.compile({"mse", "mse"}, nn::Adam(0.01), {}, {0.9, 0.1});
  model.compile({"mse", "mse"}, nn::Adam(0.01), {}, {0.9, 0.1});
  const nn::History a = reference.fit({kWide, kDeep}, {kY, kY}, quiet(3));
  const nn::History b = model.fit({kWide, kDeep}, {kY, kY}, quiet(3));
  CHECK(a.history.at("loss") == b.history.at("loss"));
  CHECK(b.history.at("loss").back() < b.history.at("loss").front());
  CHECK(max_difference(model.predict_outputs({kWide, kDeep})[0],
                       reference.predict_outputs({kWide, kDeep})[0]) == 0.0);
}

TEST_CASE("it refuses a number of inputs other than two") {
  WideAndDeep model(4);
  CHECK_THROWS_AS(model.call({nn::Var(kWide)}, false), nn::Error);
  CHECK_THROWS_WITH(model.call({nn::Var(kWide)}, false),
                    Catch::Contains("2") && Catch::Contains("1"));
}
