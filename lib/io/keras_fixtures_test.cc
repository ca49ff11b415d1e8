// Files written by Keras itself (2.0.0, 2.1.4, 2.3.0-tf, 2.3.1), loaded here and asked for the
// predictions Keras made or that numpy computed from their weights. The files live outside
// the repository, in ../shared/fixtures/keras_h5 (see its README.md); Bazel runs tests in a
// sandbox, so the folder comes in through the environment:
//
//   bazel test //lib/io:keras_fixtures_test --test_env=NN_KERAS_FIXTURES=/abs/path/keras_h5
//
// Without NN_KERAS_FIXTURES the test prints "SKIPPED" in its log and checks nothing; with it,
// a missing folder or file is a failure.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lib/io/json_config.h"
#include "lib/io/keras_h5.h"
#include "lib/nn.h"

namespace nn {
namespace {

std::string fixtures() {
  const char* folder = std::getenv("NN_KERAS_FIXTURES");
  return folder != nullptr ? folder : "";
}

bool skipped() {
  if (!fixtures().empty()) return false;
  static bool said = false;
  if (!said) {
    const std::string message =
        "SKIPPED: NN_KERAS_FIXTURES is not set, so no file written by Keras was read. Run with "
        "--test_env=NN_KERAS_FIXTURES=<absolute path of ../shared/fixtures/keras_h5>.\n";
    std::cout << message;
    if (const char* warnings = std::getenv("TEST_WARNINGS_OUTPUT_FILE")) {
      std::ofstream(warnings, std::ios::app) << message;  // Bazel shows these with the result
    }
    said = true;
  }
  return true;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());  // NN_KERAS_FIXTURES is set: every file must be there
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Tensor to_tensor(const nlohmann::json& rows) {
  Tensor t = Tensor::from_shape({rows.size(), rows.at(0).size()});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < rows[i].size(); ++j) t(i, j) = rows[i][j].get<float>();
  }
  return t;
}

// The model's predictions for the fixture's inputs, against its expected outputs.
void check_predictions(Model& model, const std::string& stem, double tolerance) {
  const auto expected =
      nlohmann::json::parse(read_text(fixtures() + "/" + stem + ".expected.json"));
  const Tensor x = to_tensor(expected.at("input"));
  const Tensor want = to_tensor(expected.at("expected_output"));
  const Tensor got = model.predict(x);
  REQUIRE(got.shape() == want.shape());
  double worst = 0.0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    worst = std::max(worst, std::abs(double(got.data()[i]) - double(want.data()[i])));
  }
  INFO(stem << ": largest difference from the expected outputs " << worst
            << " (source: " << expected.value("source", std::string("?")) << ")");
  CHECK(worst <= tolerance);
}

}  // namespace

TEST_CASE("Keras 2.1.4: a Sequential whose config is a list, compiled with Adam", "[keras]") {
  if (skipped()) return;
  std::unique_ptr<Model> model =
      load_model(fixtures() + "/konduit-serving_model_ndarray_in_ndarray_out.h5");
  CHECK(dynamic_cast<Sequential*>(model.get()) != nullptr);
  CHECK(model->layers().size() == 4);
  CHECK(model->layers()[0]->name() == "dense_59");
  REQUIRE(model->compiled());  // its training_config: Adam, categorical cross-entropy
  CHECK(model->optimizer().name() == "Adam");
  CHECK(model->optimizer().learning_rate() == Approx(0.001));
  CHECK(model->compiled_losses().at(0)->name() == "categorical_crossentropy");
  CHECK(model->metrics_names() == std::vector<std::string>{"loss", "accuracy"});
  // Keras's own predictions, stored upstream: float32 rounding apart, the same.
  check_predictions(*model, "konduit-serving_model_ndarray_in_ndarray_out", 1e-6);
}

TEST_CASE("Keras 2.3.1: a functional Model with an InputLayer", "[keras]") {
  if (skipped()) return;
  std::unique_ptr<Model> model = load_model(fixtures() + "/example-models_keras_3layer.h5");
  CHECK(dynamic_cast<Functional*>(model.get()) != nullptr);
  CHECK(model->layers().size() == 5);  // input_1, fc1_relu, fc2_relu, fc3_relu, output_softmax
  CHECK(model->count_params() == 16 * 64 + 64 + 64 * 32 + 32 + 32 * 32 + 32 + 32 * 5 + 5);
  CHECK_FALSE(model->compiled());  // saved without a training_config
  check_predictions(*model, "example-models_keras_3layer", 1e-6);
}

TEST_CASE("tf.keras 2.3.0: a Sequential with build_input_shape", "[keras]") {
  if (skipped()) return;
  std::unique_ptr<Model> model = load_model(fixtures() + "/konduit-serving_model1.h5");
  CHECK(model->count_params() == 5 * 10 + 10);
  check_predictions(*model, "konduit-serving_model1", 1e-6);
}

TEST_CASE("Keras 2.0.0: model.to_json() and a weights file with its layers at the root",
          "[keras]") {
  if (skipped()) return;
  std::unique_ptr<Model> model =
      model_from_json(read_text(fixtures() + "/example-models_KERAS_3layer.model.json"));
  load_weights(*model, fixtures() + "/example-models_KERAS_3layer_weights.h5");
  check_predictions(*model, "example-models_KERAS_3layer_weights", 1e-6);
  // The same weights file holds no architecture: load_model says so.
  CHECK_THROWS_WITH(load_model(fixtures() + "/example-models_KERAS_3layer_weights.h5"),
                    Catch::Contains("holds only weights"));
}

}  // namespace nn
