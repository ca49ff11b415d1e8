// Tests for exercise 5.2. Do not edit: `./book grade` runs them against your
// auxiliary_output.cc.
#include "exercises/05_functional_subclass/auxiliary_output.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>
#include <xtensor/xbuilder.hpp>

#include "exercises/05_functional_subclass/dense_by_shape_test.h"

using exercises::compile_weighted;
using exercises::wide_deep_with_aux;

using exercises::testing::affine;
using exercises::testing::dense_count;
using exercises::testing::dense_with_kernel;

TEST_CASE("two inputs and two named outputs, wired as Wide & Deep with an auxiliary output") {
  const nn::Functional model = wide_deep_with_aux(5, 6, 20);
  REQUIRE(model.inputs().size() == 2);
  CHECK(model.inputs()[0].shape_string() == "(None, 5)");
  CHECK(model.inputs()[1].shape_string() == "(None, 6)");
  CHECK(model.output_names() == std::vector<std::string>{"main_output", "aux_output"});
  CHECK(dense_count(model) == 4);
  CHECK(dense_with_kernel(model, 6, 20)->activation() == "relu");    // on the deep input
  CHECK(dense_with_kernel(model, 20, 20)->activation() == "relu");   // the deep path's second
  CHECK(dense_with_kernel(model, 25, 1)->activation() == "linear");  // main: wide + deep path
  CHECK(dense_with_kernel(model, 20, 1)->activation() == "linear");  // aux: the deep path
}

TEST_CASE("both outputs are the formulas, computed by hand") {
  nn::set_random_seed(8);
  nn::Functional model = wide_deep_with_aux(3, 4, 5);
  const nn::Tensor x_wide = nn::Rng(1).normal_tensor(12, 3),
                   x_deep = nn::Rng(2).normal_tensor(12, 4);
  const nn::Tensor h = affine(affine(x_deep, *dense_with_kernel(model, 4, 5), true),
                              *dense_with_kernel(model, 5, 5), true);  // (12, 5)
  const nn::Tensor both = xt::concatenate(xt::xtuple(x_wide, h), 1);   // (12, 8)
  const nn::Tensor main = affine(both, *dense_with_kernel(model, 8, 1), false);
  const nn::Tensor aux = affine(h, *dense_with_kernel(model, 5, 1), false);
  const std::vector<nn::Tensor> got = model.predict_outputs({x_wide, x_deep});
  REQUIRE(got.size() == 2);
  REQUIRE(got[0].shape() == main.shape());
  REQUIRE(got[1].shape() == aux.shape());
  for (std::size_t r = 0; r < 12; ++r) {
    INFO("row " << r << ": main " << got[0](r, 0) << " (expected " << main(r, 0) << "), aux "
                << got[1](r, 0) << " (expected " << aux(r, 0) << ")");
    CHECK(got[0](r, 0) == Approx(main(r, 0)).margin(1e-5));
    CHECK(got[1](r, 0) == Approx(aux(r, 0)).margin(1e-5));
  }
}

TEST_CASE("parameter counts of the two-output model") {
  // hidden1: 6·20 + 20, hidden2: 20·20 + 20, main_output: (5 + 20) + 1, aux_output: 20 + 1.
  CHECK(wide_deep_with_aux(5, 6, 20).count_params() == 140 + 420 + 26 + 21);
}

TEST_CASE("compile_weighted: MSE per output, Adam, mae, loss weights 0.9 and 0.1") {
  nn::Functional model = wide_deep_with_aux(3, 4, 8);
  compile_weighted(model, 0.02);
  CHECK(model.loss_weights() == std::vector<double>{0.9, 0.1});
  CHECK(model.optimizer().name() == "Adam");
  CHECK(model.optimizer().learning_rate() == Approx(0.02));
  REQUIRE(!model.compiled_losses().empty());
  for (const auto& loss : model.compiled_losses()) CHECK(loss->name() == "mean_squared_error");
  CHECK(model.metrics_names() == std::vector<std::string>{"loss", "main_output_loss",
                                                          "aux_output_loss", "main_output_mae",
                                                          "aux_output_mae"});
}

TEST_CASE("the loss fit reports is 0.9 x main + 0.1 x aux, epoch after epoch") {
  nn::set_random_seed(3);
  nn::Functional model = wide_deep_with_aux(3, 4, 8);
  compile_weighted(model, 0.01);
  const nn::Tensor x_wide = nn::Rng(1).normal_tensor(64, 3),
                   x_deep = nn::Rng(2).normal_tensor(64, 4);
  const nn::Tensor y = nn::Rng(3).normal_tensor(64, 1);
  nn::FitOptions options;
  options.epochs = 3;
  options.batch_size = 16;
  options.verbose = 0;
  options.seed = 4;
  const nn::History history = model.fit({x_wide, x_deep}, {y, y}, options);
  for (std::size_t epoch = 0; epoch < 3; ++epoch) {
    const double main = history.history.at("main_output_loss").at(epoch);
    const double aux = history.history.at("aux_output_loss").at(epoch);
    const double loss = history.history.at("loss").at(epoch);
    INFO("epoch " << epoch << ": loss " << loss << ", main " << main << ", aux " << aux);
    CHECK(loss == Approx(0.9 * main + 0.1 * aux).epsilon(1e-5));
    CHECK(main != Approx(aux).epsilon(1e-3));
  }
  CHECK(history.history.count("main_output_mae") == 1);
  const std::vector<nn::Tensor> predictions = model.predict_outputs({x_wide, x_deep});
  REQUIRE(predictions.size() == 2);
  CHECK(predictions[1].shape() == std::array<std::size_t, 2>{64, 1});
}
