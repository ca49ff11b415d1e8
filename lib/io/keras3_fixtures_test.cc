// Files written by Keras 3 itself (3.3.3, 3.9.2, 3.10.0: .keras archives and a Keras 3 .h5),
// loaded here and asked for the outputs numpy computed from their weights (the fixture's
// .expected.json). The files live outside the repository, in ../shared/fixtures/keras3 (see
// its README.md), beside ../shared/fixtures/keras_h5, which the test is given:
//
//   bazel test //lib/io:keras3_fixtures_test --test_env=NN_KERAS_FIXTURES=/abs/path/keras_h5
//
// (NN_KERAS3_FIXTURES, if set, names the keras3 folder itself.) Without either the test prints
// "SKIPPED" in its log and checks nothing; with it, a missing folder or file is a failure.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lib/io/keras_h5.h"
#include "lib/io/zip_archive.h"
#include "lib/nn.h"

namespace nn {
namespace {

std::string fixtures() {
  if (const char* folder = std::getenv("NN_KERAS3_FIXTURES")) return folder;
  const char* keras_h5 = std::getenv("NN_KERAS_FIXTURES");
  if (keras_h5 == nullptr || *keras_h5 == '\0') return "";
  return (std::filesystem::path(keras_h5).parent_path() / "keras3").string();
}

bool skipped() {
  if (!fixtures().empty()) return false;
  static bool said = false;
  if (!said) {
    const std::string message =
        "SKIPPED: neither NN_KERAS3_FIXTURES nor NN_KERAS_FIXTURES is set, so no file written by "
        "Keras 3 was read.\n";
    std::cout << message;
    if (const char* warnings = std::getenv("TEST_WARNINGS_OUTPUT_FILE")) {
      std::ofstream(warnings, std::ios::app) << message;
    }
    said = true;
  }
  return true;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  INFO("reading " << path);
  REQUIRE(in.good());  // the folder is given: every file must be there
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

// Loads `file` and checks its predictions against `stem`.expected.json: relative error below
// 1e-4 (of the largest expected magnitude, so that outputs near 0 do not count double).
std::unique_ptr<Model> check_fixture(const std::string& file, const std::string& stem) {
  std::unique_ptr<Model> model = load_model(fixtures() + "/" + file);
  const auto expected =
      nlohmann::json::parse(read_text(fixtures() + "/" + stem + ".expected.json"));
  const Tensor want = to_tensor(expected.at("expected_output"));
  const Tensor got = model->predict(to_tensor(expected.at("input")));
  REQUIRE(got.shape() == want.shape());
  double worst = 0.0, scale = 1e-6;
  for (std::size_t i = 0; i < got.size(); ++i) {
    worst = std::max(worst, std::abs(double(got.data()[i]) - double(want.data()[i])));
    scale = std::max(scale, std::abs(double(want.data()[i])));
  }
  INFO(file << ": largest difference " << worst << ", largest expected magnitude " << scale);
  CHECK(worst / scale < 1e-4);
  return model;
}

}  // namespace

TEST_CASE("Every fixture in the keras3 folder loads and predicts as numpy did", "[keras3]") {
  if (skipped()) return;
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixtures())) {
    const std::string name = entry.path().filename().string();
    const std::string ext = entry.path().extension().string();
    if (ext != ".keras" && ext != ".h5") continue;
    INFO(name);
    std::string stem = entry.path().stem().string();
    check_fixture(name, stem);
    ++checked;
  }
  CHECK(checked >= 4);  // the README lists four
}

TEST_CASE("Keras 3.3.3's MNIST MLP: compiled with SGD from compile_config", "[keras3]") {
  if (skipped()) return;
  std::unique_ptr<Model> model = check_fixture("Amd36_mnist_mlp.keras", "Amd36_mnist_mlp");
  REQUIRE(model->compiled());
  CHECK(model->optimizer().name() == "SGD");
  CHECK(model->optimizer().learning_rate() == Approx(0.15));
}

TEST_CASE("churn_404error: layers named dense_6.. are filed under dense, dense_1, dense_2",
          "[keras3]") {
  if (skipped()) return;
  std::unique_ptr<Model> model = check_fixture("churn_404error.keras", "churn_404error");
  CHECK(model->layers().at(0)->name() == "dense_6");
  REQUIRE(model->compiled());
  CHECK(model->optimizer().name() == "Adam");
  CHECK(model->optimizer().iterations() > 0);  // optimizer/vars restored Adam's state
  // The same model saved by Keras 3 as .h5 (batch_shape, datasets without ":0").
  std::unique_ptr<Model> h5 = check_fixture("churn_404error_keras3.h5", "churn_404error_keras3");
  REQUIRE(h5->compiled());
  CHECK(h5->optimizer().iterations() == model->optimizer().iterations());  // Keras 3's .h5 too
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK((h5->layers()[i]->get_weights()[0] == model->layers()[i]->get_weights()[0]));
  }
}

TEST_CASE("FlowNet (Keras 3.9.2): Dropout and LeakyReLU between Dense layers", "[keras3]") {
  if (skipped()) return;
  std::unique_ptr<Model> model = check_fixture("FlowNet_final_model.keras", "FlowNet_final_model");
  CHECK(model->layers().at(3)->class_name() == "LeakyReLU");
  CHECK(model->layers().at(3)->get_config()["negative_slope"] == Approx(0.2));
}

}  // namespace nn
