// compile() per output, as a Keras user writes it: losses, metrics and loss weights keyed by
// the outputs' names, a wrong count or name caught at compile(), and nn::Model(inputs,
// outputs) as Keras spells the functional API.
#include "lib/models/per_output.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/functional.h"
#include "lib/models/model.h"
#include "lib/random.h"

namespace {

// Iris-like data: 4 features, a class out of 3 (from the first feature's sign pattern) and a
// width to regress (the mean of the features).
struct TwoHeads {
  nn::Tensor x = nn::Tensor::from_shape({60, 4});
  nn::Tensor species = nn::Tensor::from_shape({60, 1});
  nn::Tensor width = nn::Tensor::from_shape({60, 1});
  TwoHeads() {
    nn::Rng rng(7);
    for (std::size_t i = 0; i < 60; ++i) {
      float sum = 0.0f;
      for (std::size_t j = 0; j < 4; ++j) sum += x(i, j) = static_cast<float>(rng.normal());
      species(i, 0) = static_cast<float>(i % 3);
      width(i, 0) = sum / 4.0f;
    }
  }
};

// A functional model with two named outputs, "species" and "width", spelled as in Keras.
nn::Model iris_model() {
  nn::set_random_seed(3);
  const nn::SymbolicTensor input = nn::Input({4}, "measurements");
  const nn::SymbolicTensor hidden = nn::Dense(8, "relu")(input);
  const nn::SymbolicTensor species =
      nn::Dense(3, {.activation = "softmax", .name = "species"})(hidden);
  const nn::SymbolicTensor width = nn::Dense(1, {.name = "width"})(hidden);
  return nn::Model({input}, {species, width}, "iris");
}

}  // namespace

TEST_CASE("losses, metrics and loss weights keyed by output name reach the right outputs") {
  const TwoHeads data;
  nn::Model model = iris_model();
  model.compile({{"width", "mse"}, {"species", "sparse_categorical_crossentropy"}}, "adam",
                {{"species", {"accuracy"}}, {"width", "mae"}}, {{"width", 0.5}});
  // Resolved in output order (species, width), whatever order they were given in.
  const auto losses = model.compiled_losses();
  REQUIRE(losses.size() == 2);
  CHECK(losses[0]->name() == "sparse_categorical_crossentropy");
  CHECK(losses[1]->name() == "mean_squared_error");
  CHECK(model.loss_weights() == std::vector<double>{1.0, 0.5});
  const nn::Logs logs = model.evaluate({data.x}, {data.species, data.width}, 32, 0);
  // Each metric only on its own output: no accuracy of the regression head.
  CHECK(logs.count("species_accuracy") == 1);
  CHECK(logs.count("width_mae") == 1);
  CHECK(logs.count("width_accuracy") == 0);
  CHECK(logs.count("species_mae") == 0);
  // The total is the weighted sum of the outputs' losses.
  CHECK(logs.at("loss") ==
        Approx(logs.at("species_loss") + 0.5 * logs.at("width_loss")).epsilon(1e-5));
  // And it trains: the width is a linear function of x, so its loss must fall.
  const double before = logs.at("width_loss");
  model.fit({data.x}, {data.species, data.width}, {.epochs = 30, .seed = 1, .verbose = 0});
  CHECK(model.evaluate({data.x}, {data.species, data.width}, 32, 0).at("width_loss") < before);
}

TEST_CASE("a flat metrics list still applies to every output, as Keras 2 did") {
  // (Which is why the keyed form exists: mae on the 3-class head would compare (n, 3)
  // probabilities with (n, 1) labels and fail.)
  nn::Model model = iris_model();
  model.compile({"sparse_categorical_crossentropy", "mse"}, "sgd", {"mae"});
  const std::vector<std::string> names = model.metrics_names();
  CHECK(names ==
        std::vector<std::string>{"loss", "species_loss", "width_loss", "species_mae", "width_mae"});
}

TEST_CASE("a wrong number of losses or an unknown output name fails at compile()") {
  nn::Model model = iris_model();
  CHECK_THROWS_WITH(model.compile({"mse", "mse", "mse"}, "sgd"),
                    Catch::Contains("3 losses given") && Catch::Contains("'species', 'width'"));
  CHECK_THROWS_WITH(
      model.compile({{"species", "mse"}, {"height", "mse"}}, "sgd"),
      Catch::Contains("'height', which is not an output") && Catch::Contains("'species', 'width'"));
  CHECK_THROWS_WITH(model.compile({{"species", "mse"}}, "sgd"),
                    Catch::Contains("no loss for output 'width'"));
  CHECK_THROWS_WITH(model.compile("mse", "sgd", {}, {1.0}), Catch::Contains("1 loss weight given"));
  CHECK_THROWS_WITH(model.compile("mse", "sgd", {{"petal", {"mae"}}}),
                    Catch::Contains("'petal', which is not an output"));
  CHECK_THROWS_WITH(model.compile({{"species", "mse"}, {"species", "mae"}}, "sgd"),
                    Catch::Contains("names output 'species' twice"));
}

TEST_CASE("nn::Model(inputs, outputs) is a functional model") {
  nn::Model model = iris_model();
  CHECK(model.is_graph_network());
  REQUIRE(model.graph() != nullptr);
  CHECK(model.graph()->outputs().size() == 2);
  CHECK(model.get_layer("species")->class_name() == "Dense");
  CHECK(model.count_params() == (4 * 8 + 8) + (8 * 3 + 3) + (8 * 1 + 1));
  CHECK(model.get_config()["output_layers"][1][0] == "width");
  const TwoHeads data;
  const std::vector<nn::Tensor> outputs = model.predict_outputs(data.x);
  REQUIRE(outputs.size() == 2);
  CHECK(outputs[0].shape()[1] == 3);
  CHECK(outputs[1].shape()[1] == 1);
  // The same as nn::Functional on the same graph: the same predictions.
  nn::set_random_seed(3);
  const nn::SymbolicTensor input = nn::Input({4});
  const nn::SymbolicTensor hidden = nn::Dense(8, "relu")(input);
  nn::Functional same({input}, {nn::Dense(3, "softmax")(hidden), nn::Dense(1)(hidden)});
  const std::vector<nn::Tensor> expected = same.predict_outputs(data.x);
  CHECK(xt::allclose(outputs[0], expected[0]));
  CHECK(xt::allclose(outputs[1], expected[1]));
}
