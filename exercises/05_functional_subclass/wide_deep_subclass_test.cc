// Tests for exercise 5.4. Do not edit: `./book grade` runs them against your
// wide_deep_subclass.cc.
#include "exercises/05_functional_subclass/wide_deep_subclass.h"

#include <catch2/catch.hpp>
#include <xtensor/xbuilder.hpp>

#include "exercises/05_functional_subclass/dense_by_shape_test.h"
#include "lib/error.h"

using exercises::make_wide_and_deep;
using exercises::testing::affine;
using exercises::testing::check_main_and_aux;
using exercises::testing::dense_count;
using exercises::testing::dense_with_kernel;

namespace {

const nn::Tensor kWide = nn::Rng(1).normal_tensor(40, 3), kDeep = nn::Rng(2).normal_tensor(40, 4);
const nn::Tensor kY = nn::Rng(3).normal_tensor(40, 1);

std::unique_ptr<nn::Model> made(int units) {
  std::unique_ptr<nn::Model> model = make_wide_and_deep(units);
  REQUIRE(model != nullptr);
  return model;
}

// Both outputs against the formulas, with the weights of the layers found by shape.
void computes_the_formulas(nn::Model& model, std::size_t u) {
  const std::vector<nn::Tensor> got = model.predict_outputs({kWide, kDeep});
  REQUIRE(got.size() == 2);
  const nn::Tensor h1 = affine(kDeep, *dense_with_kernel(model, 4, u), true);  // (40, u)
  const nn::Tensor h2 = affine(h1, *dense_with_kernel(model, u, u), true);     // (40, u)
  const nn::Tensor joined = xt::concatenate(xt::xtuple(kWide, h1, h2), 1);     // (40, 3 + 2u)
  const nn::Tensor main = affine(joined, *dense_with_kernel(model, 3 + 2 * u, 1), false);
  const nn::Tensor aux = affine(h1, *dense_with_kernel(model, u, 1), false);
  check_main_and_aux(got, main, aux);
}

}  // namespace

TEST_CASE("two outputs, (rows, 1) each, and the variant's parameter count") {
  nn::set_random_seed(1);
  std::unique_ptr<nn::Model> model = made(8);
  const std::vector<nn::Tensor> outputs = model->predict_outputs({kWide, kDeep});
  REQUIRE(outputs.size() == 2);
  CHECK(outputs[0].shape() == std::array<std::size_t, 2>{40, 1});
  CHECK(outputs[1].shape() == std::array<std::size_t, 2>{40, 1});
  CHECK(dense_count(*model) == 4);
  CHECK(model->count_params() == (4 * 8 + 8) + (8 * 8 + 8) + (3 + 16 + 1) + (8 + 1));
}

TEST_CASE("both outputs follow the formulas, before and after training") {
  nn::set_random_seed(7);
  std::unique_ptr<nn::Model> model = made(6);
  model->predict_outputs({kWide, kDeep});  // builds the layers
  CHECK(dense_with_kernel(*model, 4, 6)->activation() == "relu");
  CHECK(dense_with_kernel(*model, 6, 6)->activation() == "relu");
  computes_the_formulas(*model, 6);
  model->compile({"mse", "mse"}, nn::Adam(0.01), {}, {0.9, 0.1});
  nn::FitOptions options;
  options.epochs = 5;
  options.batch_size = 16;
  options.verbose = 0;
  options.seed = 11;
  const nn::History history = model->fit({kWide, kDeep}, {kY, kY}, options);
  CHECK(history.history.at("loss").back() < history.history.at("loss").front());
  computes_the_formulas(*model, 6);
}

TEST_CASE("it refuses a number of inputs other than two") {
  std::unique_ptr<nn::Model> model = made(4);
  CHECK_THROWS_AS(model->call({nn::Var(kWide)}, false), nn::Error);
  CHECK_THROWS_WITH(model->call({nn::Var(kWide)}, false),
                    Catch::Contains("2") && Catch::Contains("1"));
}
