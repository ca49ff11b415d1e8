// Tests for exercise 5.2. Do not edit: `./book grade` runs them against your
// auxiliary_output.cc.
#include "exercises/05_functional_subclass/auxiliary_output.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using exercises::compile_weighted;
using exercises::wide_deep_with_aux;

namespace {

nlohmann::json inbound(const nn::Functional& model, const std::string& name) {
  const nlohmann::json config = model.get_config();
  for (const auto& layer : config["layers"]) {
    if (layer["name"] == name) return layer["inbound_nodes"];
  }
  FAIL("no layer named " << name);
  return {};
}

}  // namespace

TEST_CASE("two inputs and two named outputs, wired as Wide & Deep with an auxiliary output") {
  const nn::Functional model = wide_deep_with_aux(5, 6, 20);
  CHECK(model.name() == "wide_deep_aux");
  std::vector<std::string> names;
  for (const auto& layer : model.layers()) names.push_back(layer->name());
  CHECK(names == std::vector<std::string>{"wide_input", "deep_input", "hidden1", "hidden2",
                                          "concat", "main_output", "aux_output"});
  REQUIRE(model.inputs().size() == 2);
  CHECK(model.inputs()[0].shape_string() == "(None, 5)");
  CHECK(model.inputs()[1].shape_string() == "(None, 6)");
  CHECK(model.output_names() == std::vector<std::string>{"main_output", "aux_output"});
  CHECK(inbound(model, "hidden1") == nlohmann::json::parse(R"([[["deep_input", 0, 0, {}]]])"));
  CHECK(inbound(model, "concat") ==
        nlohmann::json::parse(R"([[["wide_input", 0, 0, {}], ["hidden2", 0, 0, {}]]])"));
  CHECK(inbound(model, "main_output") == nlohmann::json::parse(R"([[["concat", 0, 0, {}]]])"));
  CHECK(inbound(model, "aux_output") == nlohmann::json::parse(R"([[["hidden2", 0, 0, {}]]])"));
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
