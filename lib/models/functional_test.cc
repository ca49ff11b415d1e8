// The functional API: graphs of layer calls as models (wiring checks, replay, several inputs
// and outputs, summary, config), and the same network written as a subclass.
#include "lib/models/functional.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "lib/error.h"
#include "lib/gradient_check.h"
#include "lib/initializers.h"
#include "lib/layers/concatenate.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

namespace {

nn::FitOptions quiet(int epochs, std::uint64_t seed) {
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = 16;
  options.verbose = 0;
  options.seed = seed;
  return options;
}

// Wide & Deep, functional: the input goes through two hidden layers, and is concatenated
// with their output before the output layer.
nn::Functional functional_wide_deep(std::uint64_t seed) {
  nn::set_random_seed(seed);
  nn::Dense hidden1(30, "relu"), hidden2(30, "relu"), output(1);  // weights drawn in this order
  const nn::SymbolicTensor input = nn::Input({8});
  const nn::SymbolicTensor hidden = hidden2(hidden1(input));
  const nn::SymbolicTensor both = nn::Concatenate()({input, hidden});
  return nn::Functional({input}, {output(both)});
}

// The same network as a subclass: the same layers made in the same order, and call().
class WideDeep : public nn::Model {
 public:
  explicit WideDeep(std::uint64_t seed) : nn::Model("wide_deep") {}
  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool) override {
    const nn::Var& x = inputs.at(0);
    return {output_(nn::concat({x, hidden2_(hidden1_(x))}))};
  }

 private:
  nn::Dense hidden1_ = track(nn::Dense(30, "relu"));
  nn::Dense hidden2_ = track(nn::Dense(30, "relu"));
  nn::Dense output_ = track(nn::Dense(1));
};

double max_difference(const nn::Tensor& a, const nn::Tensor& b) {
  REQUIRE(a.shape() == b.shape());
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, static_cast<double>(std::abs(a.data()[i] - b.data()[i])));
  }
  return worst;
}

std::string summary_of(nn::Model& model) {
  std::ostringstream out;
  model.summary(out);
  return out.str();
}

}  // namespace

TEST_CASE("functional and subclassed Wide & Deep, same seed: the same predictions, bit for bit") {
  nn::Functional functional = functional_wide_deep(42);
  nn::set_random_seed(42);
  WideDeep subclass(42);
  const nn::Tensor x = nn::Rng(1).normal_tensor(64, 8), y = nn::Rng(2).normal_tensor(64, 1);
  CHECK(max_difference(functional.predict(x), subclass.predict(x)) == 0.0);
  // Trained the same way (same optimizer, same shuffles), they stay identical.
  functional.compile("mse", nn::Adam(0.01));
  subclass.compile("mse", nn::Adam(0.01));
  const nn::History a = functional.fit(x, y, quiet(5, 7));
  const nn::History b = subclass.fit(x, y, quiet(5, 7));
  CHECK(a.history.at("loss") == b.history.at("loss"));
  CHECK(a.history.at("loss").back() < a.history.at("loss").front());
  CHECK(max_difference(functional.predict(x), subclass.predict(x)) == 0.0);
  CHECK(functional.count_params() == subclass.count_params());
  // A different seed gives a different network: the comparison above can fail.
  nn::Functional other = functional_wide_deep(43);
  CHECK(max_difference(other.predict(x), subclass.predict(x)) > 0.0);
}

TEST_CASE("the replayed graph computes what the layers compute by hand") {
  nn::Functional model = functional_wide_deep(3);
  const nn::Tensor x = nn::Rng(4).normal_tensor(5, 8);
  auto dense = [&](const std::string& name) {
    return std::dynamic_pointer_cast<nn::DenseLayer>(model.get_layer(name));
  };
  nn::NoGradGuard no_tape;
  const nn::Var h1 = (*dense("dense"))(nn::Var(x), false);
  const nn::Var expected =
      (*dense("dense_2"))(nn::concat({nn::Var(x), (*dense("dense_1"))(h1, false)}), false);
  CHECK(max_difference(model.predict(x), expected.value()) == 0.0);
}

TEST_CASE("summary: Keras 2's table with 'Connected to', or without it for a chain") {
  nn::Functional model = functional_wide_deep(1);
  // The layout of Keras 2.15's print_summary for a non-sequential graph (98 characters,
  // columns at 32, 53 and 65); parameter counts by hand: 8·30 + 30, 30·30 + 30, 38 + 1.
  const std::string expected =
      "Model: \"model\"\n"
      "____________________________________________________________________________________________"
      "______\n"
      " Layer (type)                   Output Shape         Param #     Connected to               "
      "      \n"
      "============================================================================================"
      "======\n"
      " input_layer (InputLayer)       [(None, 8)]          0           []                         "
      "      \n"
      "                                                                                            "
      "      \n"
      " dense (Dense)                  (None, 30)           270         ['input_layer[0][0]']      "
      "      \n"
      "                                                                                            "
      "      \n"
      " dense_1 (Dense)                (None, 30)           930         ['dense[0][0]']            "
      "      \n"
      "                                                                                            "
      "      \n"
      " concatenate (Concatenate)      (None, 38)           0           ['input_layer[0][0]',      "
      "      \n"
      "                                                                  'dense_1[0][0]']          "
      "      \n"
      "                                                                                            "
      "      \n"
      " dense_2 (Dense)                (None, 1)            39          ['concatenate[0][0]']      "
      "      \n"
      "                                                                                            "
      "      \n"
      "============================================================================================"
      "======\n"
      "Total params: 1,239\n"
      "Trainable params: 1,239\n"
      "Non-trainable params: 0\n"
      "____________________________________________________________________________________________"
      "______\n";
  CHECK(summary_of(model) == expected);

  // A chain prints as Sequential does, with the input layer first.
  nn::set_random_seed(1);
  const nn::SymbolicTensor x = nn::Input({4}, "x");
  nn::Functional chain(x, nn::Dense(2, "linear", "glorot_uniform", "zeros", "out")(x), "chain");
  const std::string text = summary_of(chain);
  CHECK_THAT(text,
             Catch::Contains(" x (InputLayer)              [(None, 4)]               0 ") &&
                 Catch::Contains(" out (Dense)                 (None, 2)                 10 ") &&
                 !Catch::Contains("Connected to"));
}

TEST_CASE("several inputs and outputs: fit({x_wide, x_deep}, {y, y}), losses named by output") {
  nn::set_random_seed(5);
  const nn::SymbolicTensor wide = nn::Input({5}, "wide_input");
  const nn::SymbolicTensor deep = nn::Input({6}, "deep_input");
  const nn::SymbolicTensor hidden =
      nn::Dense(20, "relu")(nn::Dense(20, "relu")(deep));  // the deep path
  const nn::SymbolicTensor main = nn::Dense(1, "linear", "glorot_uniform", "zeros",
                                            "main_output")(nn::concatenate({wide, hidden}));
  const nn::SymbolicTensor aux =
      nn::Dense(1, "linear", "glorot_uniform", "zeros", "aux_output")(hidden);
  nn::Functional model({wide, deep}, {main, aux}, "wide_deep_aux");
  CHECK(model.output_names() == std::vector<std::string>{"main_output", "aux_output"});
  CHECK(model.get_layer("aux_output")->count_params() == 21);
  model.compile({"mse", "mse"}, nn::Adam(0.01), {"mae"}, {0.9, 0.1});
  CHECK(model.metrics_names() == std::vector<std::string>{"loss", "main_output_loss",
                                                          "aux_output_loss", "main_output_mae",
                                                          "aux_output_mae"});
  const nn::Tensor x_wide = nn::Rng(6).normal_tensor(80, 5),
                   x_deep = nn::Rng(7).normal_tensor(80, 6);
  const nn::Tensor y = nn::Rng(8).normal_tensor(80, 1);
  const nn::History history = model.fit({x_wide, x_deep}, {y, y}, quiet(4, 9));
  // What fit reports each epoch is the weighted sum of the outputs' losses (running means
  // over the same batches, so the identity holds up to float rounding).
  for (std::size_t epoch = 0; epoch < 4; ++epoch) {
    const double main_loss = history.history.at("main_output_loss")[epoch];
    const double aux_loss = history.history.at("aux_output_loss")[epoch];
    CHECK(history.history.at("loss")[epoch] ==
          Approx(0.9 * main_loss + 0.1 * aux_loss).epsilon(1e-5));
    CHECK(main_loss != Approx(aux_loss));  // two different outputs, so the test can fail
  }
  const nn::Logs logs = model.evaluate({x_wide, x_deep}, {y, y}, 32, 0);
  CHECK(logs.at("loss") ==
        Approx(0.9 * logs.at("main_output_loss") + 0.1 * logs.at("aux_output_loss")));
  const std::vector<nn::Tensor> predictions = model.predict_outputs({x_wide, x_deep});
  REQUIRE(predictions.size() == 2);
  CHECK(predictions[0].shape() == std::array<std::size_t, 2>{80, 1});
  // One loss for all outputs: applied to each, and the results summed (as Keras does).
  model.compile("mse", nn::SGD(0.0));
  const nn::Logs summed = model.evaluate({x_wide, x_deep}, {y, y}, 32, 0);
  CHECK(summed.at("loss") == Approx(summed.at("main_output_loss") + summed.at("aux_output_loss")));
  // Inputs of different row counts are refused by fit, naming the shapes.
  CHECK_THROWS_AS(model.fit({x_wide, nn::Rng(1).normal_tensor(70, 6)}, {y, y}, quiet(1, 1)),
                  nn::ShapeError);
  CHECK_THROWS_WITH(model.fit({x_wide, nn::Rng(1).normal_tensor(70, 6)}, {y, y}, quiet(1, 1)),
                    Catch::Contains("80 rows") && Catch::Contains("(70, 6)"));
}

TEST_CASE("wiring errors are caught when the model is built, naming layers and shapes") {
  const nn::SymbolicTensor a = nn::Input({3}, "a"), b = nn::Input({2}, "b");
  const nn::SymbolicTensor h = nn::Dense(4, "relu", "glorot_uniform", "zeros", "h")(b);
  const nn::SymbolicTensor out = nn::Dense(1)(nn::Concatenate("cat")({a, h}));
  // An output that needs an input the model was not given: the graph is disconnected.
  CHECK_THROWS_AS(nn::Functional({a}, {out}), nn::ValueError);
  CHECK_THROWS_WITH(nn::Functional({a}, {out}, "m"),
                    Catch::Contains("graph disconnected") && Catch::Contains("h (Dense)") &&
                        Catch::Contains("input b, (None, 2)") && Catch::Contains("(a)"));
  // An input that no output uses.
  CHECK_THROWS_WITH(nn::Functional({a, b}, {nn::Dense(1)(a)}),
                    Catch::Contains("input b, (None, 2)") && Catch::Contains("not connected"));
  // A model input that is not an nn::Input, and one given twice.
  CHECK_THROWS_WITH(nn::Functional({h}, {out}),
                    Catch::Contains("h (Dense), (None, 4)") && Catch::Contains("nn::Input()"));
  CHECK_THROWS_WITH(nn::Functional({a, a, b}, {out}), Catch::Contains("twice"));
  // Two layers with one name.
  const nn::SymbolicTensor x = nn::Input({3}, "x");
  const nn::SymbolicTensor twice = nn::Dense(2, "linear", "glorot_uniform", "zeros", "same")(
      nn::Dense(2, "linear", "glorot_uniform", "zeros", "same")(x));
  CHECK_THROWS_WITH(nn::Functional(x, twice), Catch::Contains("'same'"));
  // The well-wired model builds, and refuses data of the wrong width or count.
  nn::Functional model({a, b}, {out}, "m");
  CHECK_THROWS_AS(model.predict({nn::Rng(1).normal_tensor(4, 7), nn::Rng(1).normal_tensor(4, 2)}),
                  nn::ShapeError);
  CHECK_THROWS_WITH(
      model.predict({nn::Rng(1).normal_tensor(4, 7), nn::Rng(1).normal_tensor(4, 2)}),
      Catch::Contains("input a") && Catch::Contains("(None, 3)") && Catch::Contains("7 features"));
  CHECK_THROWS_WITH(model.call({nn::Var(nn::Rng(1).normal_tensor(4, 3))}, false),
                    Catch::Contains("takes 2 inputs (a, b), got 1"));
  CHECK(model.predict({nn::Rng(1).normal_tensor(4, 3), nn::Rng(1).normal_tensor(4, 2)}).shape(0) ==
        4);
}

TEST_CASE("a shared layer: two nodes, one set of weights, gradients from both calls") {
  nn::set_random_seed(11);
  const nn::SymbolicTensor x = nn::Input({3});
  nn::Dense shared(3, "tanh");
  const nn::SymbolicTensor h1 = shared(x), h2 = shared(h1);
  nn::Functional model(x, nn::Dense(1)(nn::Concatenate()({h1, h2})));
  CHECK(model.layers().size() == 4);
  CHECK(model.nodes().size() == 5);
  CHECK(model.tensor_name(2) == "dense[1][0]");
  CHECK_THAT(summary_of(model), Catch::Contains("['input_layer[0][0]',") &&
                                    Catch::Contains("'dense[0][0]']") &&
                                    Catch::Contains("Total params: 19\n"));
  const nlohmann::json config = model.get_config();
  CHECK(config["layers"][1]["inbound_nodes"] ==
        nlohmann::json::parse(R"([[["input_layer", 0, 0, {}]], [["dense", 0, 0, {}]]])"));
  CHECK(config["layers"][2]["inbound_nodes"] ==
        nlohmann::json::parse(R"([[["dense", 0, 0, {}], ["dense", 1, 0, {}]]])"));
  CHECK(config["input_layers"] == nlohmann::json::parse(R"([["input_layer", 0, 0]])"));
  CHECK(config["output_layers"] == nlohmann::json::parse(R"([["dense_1", 0, 0]])"));
  CHECK(config["layers"][0]["class_name"] == "InputLayer");
  // Finite differences through the replayed graph, wrt the input and every weight.
  nn::Var input(nn::Rng(12).normal_tensor(4, 3), true);
  const nn::Tensor w = nn::Rng(13).normal_tensor(4, 1);
  const nn::GradientCheckResult result =
      nn::gradient_check([&] { return nn::weighted_sum(model.call({input}, false)[0], w); },
                         {input}, model.parameters());
  INFO(result.worst);
  CHECK(result.passed);
  CHECK(result.checked == 12 + 19);
}

TEST_CASE("graph networks can be written down; a subclass says it cannot") {
  nn::Functional functional = functional_wide_deep(1);
  CHECK(functional.is_graph_network());
  CHECK(functional.get_config()["layers"].size() == 5);
  CHECK(functional.get_config()["layers"][3]["config"]["axis"] == -1);
  nn::Sequential sequential({nn::Dense(1)});
  CHECK(sequential.is_graph_network());
  WideDeep subclass(1);
  CHECK_FALSE(subclass.is_graph_network());
  CHECK_THROWS_AS(subclass.get_config(), nn::Error);
  CHECK_THROWS_WITH(subclass.get_config(), Catch::Contains("wide_deep") &&
                                               Catch::Contains("subclassed") &&
                                               Catch::Contains("functional"));
}
