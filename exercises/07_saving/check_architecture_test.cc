// Tests for exercise 7.3. Do not edit: `./book grade check_architecture` runs them.
#include "exercises/07_saving/check_architecture.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "lib/error.h"
#include "lib/io/keras_h5.h"
#include "lib/nn.h"

using exercises::architecture_differences;

namespace {

std::string temporary(const std::string& name) {
  const char* folder = std::getenv("TEST_TMPDIR");
  return std::string(folder != nullptr ? folder : "/tmp") + "/" + name;
}

// A saved classifier: Flatten, Dense(300, relu), Dense(100, relu), Dense(10, softmax).
std::string saved_classifier() {
  const std::string path = temporary("classifier.h5");
  nn::set_random_seed(1);
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.build({784});
  nn::save_model(model, path);
  return path;
}

std::string listed(const std::vector<std::string>& sentences) {
  std::string text;
  for (const auto& s : sentences) text += "\n  " + s;
  return text.empty() ? " (none)" : text;
}

}  // namespace

TEST_CASE("the same architecture has no differences") {
  const std::string path = saved_classifier();
  nn::set_random_seed(2);  // other weights: they are not compared
  nn::Sequential same({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                       nn::Dense(10, "softmax")});
  const auto differences = architecture_differences(same, path);
  INFO("differences:" << listed(differences));
  CHECK(differences.empty());
}

TEST_CASE("a layer with other units is named, with both values") {
  const std::string path = saved_classifier();
  nn::Sequential narrower({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(50, "relu"),
                           nn::Dense(10, "softmax")});
  const auto differences = architecture_differences(narrower, path);
  INFO("differences:" << listed(differences));
  CHECK(differences ==
        std::vector<std::string>{"layer 2 (dense_1): units is 100 in the file, 50 in the model"});
}

TEST_CASE("units and activation, in that order, in every layer that differs") {
  const std::string path = saved_classifier();
  nn::Sequential other({nn::Flatten({28, 28}), nn::Dense(200, "tanh"), nn::Dense(100, "relu"),
                        nn::Dense(10, "sigmoid")});
  const auto differences = architecture_differences(other, path);
  INFO("differences:" << listed(differences));
  CHECK(differences == std::vector<std::string>{
                           "layer 1 (dense): units is 300 in the file, 200 in the model",
                           "layer 1 (dense): activation is relu in the file, tanh in the model",
                           "layer 3 (dense_2): activation is softmax in the file, sigmoid in "
                           "the model"});
}

TEST_CASE("another class, and another number of layers") {
  const std::string path = saved_classifier();
  nn::Sequential with_dropout(
      {nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dropout(0.2), nn::Dense(10, "softmax")});
  auto differences = architecture_differences(with_dropout, path);
  INFO("differences:" << listed(differences));
  CHECK(differences ==
        std::vector<std::string>{"layer 2 (dense_1): class is Dense in the file, Dropout in the "
                                 "model"});
  nn::Sequential shorter({nn::Flatten({28, 28}), nn::Dense(10, "softmax")});
  differences = architecture_differences(shorter, path);
  CHECK(differences == std::vector<std::string>{"the file has 4 layers, the model 2"});
}

TEST_CASE("a weights file has no architecture to compare with") {
  const std::string path = temporary("weights_only.h5");
  nn::set_random_seed(3);
  nn::Sequential model({nn::Dense(4), nn::Dense(1)});
  model.build({3});
  nn::save_weights(model, path);
  CHECK_THROWS_AS(architecture_differences(model, path), nn::DataError);
}
