// Tests for exercise 4.5. Do not edit: `./book grade output_layer` runs them.
#include "exercises/04_classification_mlp/output_layer.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "lib/error.h"
#include "lib/nn.h"
#include "lib/random.h"

using exercises::OutputLayer;

namespace {

const std::set<std::string> kBinaryLosses = {"binary_crossentropy"};
const std::set<std::string> kRegressionLosses = {"mse", "mean_squared_error", "mae",
                                                 "mean_absolute_error", "huber"};

std::string show(const OutputLayer& o) {
  return "{" + std::to_string(o.units) + ", \"" + o.activation + "\", \"" + o.loss + "\"}";
}

// Builds Dense(16, relu) + the answer, compiles it with the answer's loss and trains it for
// one epoch on x (n, 4) and y; fails with the library's message if it cannot.
void trains(const OutputLayer& o, const nn::Tensor& x, const nn::Arrays& y) {
  INFO("your answer " << show(o));
  nn::set_random_seed(1);
  try {
    nn::Sequential model({nn::Dense(16, "relu"), nn::Dense(o.units, o.activation)});
    model.compile(o.loss, nn::SGD(0.01), {});
    nn::FitOptions options;
    options.epochs = 1;
    options.verbose = 0;
    model.fit(x, y, options);
  } catch (const nn::Error& e) {
    FAIL("the library refused it: " << e.what());
  }
}

nn::Tensor features(std::size_t n) {
  nn::Rng rng(7);
  nn::Tensor x = nn::Tensor::from_shape({n, 4});
  for (float& v : x) v = rng.normal();
  return x;
}

nn::Labels digits(std::size_t n) {
  nn::Rng rng(8);
  nn::Labels y = nn::Labels::from_shape({n});
  for (int& d : y) d = static_cast<int>(rng.below(10));
  return y;
}

}  // namespace

TEST_CASE("spam or not: one probability") {
  const OutputLayer o = exercises::spam_filter();
  INFO("your answer " << show(o));
  CHECK(o.units == 1);
  CHECK(o.activation == "sigmoid");
  CHECK(kBinaryLosses.count(o.loss) == 1);
  nn::Tensor y = xt::zeros<float>({32, 1});
  for (std::size_t i = 0; i < 32; i += 3) y(i, 0) = 1.0f;
  trains(o, features(32), y);
}

TEST_CASE("spam? and urgent?: one probability per flag, not competing") {
  const OutputLayer o = exercises::spam_and_urgent();
  INFO("your answer " << show(o));
  CHECK(o.units == 2);
  CHECK(o.activation == "sigmoid");  // softmax would make "spam" and "urgent" compete
  CHECK(kBinaryLosses.count(o.loss) == 1);
  nn::Tensor y = xt::zeros<float>({32, 2});
  for (std::size_t i = 0; i < 32; i += 3) y(i, 0) = 1.0f;
  for (std::size_t i = 0; i < 32; i += 4) y(i, 1) = 1.0f;
  trains(o, features(32), y);
}

TEST_CASE("one digit of ten, labels 0..9: softmax and the sparse loss") {
  const OutputLayer o = exercises::digit_recognizer();
  INFO("your answer " << show(o));
  CHECK(o.units == 10);
  CHECK(o.activation == "softmax");
  CHECK(o.loss == "sparse_categorical_crossentropy");
  trains(o, features(32), digits(32));
}

TEST_CASE("one digit of ten, one-hot labels: softmax and the categorical loss") {
  const OutputLayer o = exercises::digit_recognizer_one_hot();
  INFO("your answer " << show(o));
  CHECK(o.units == 10);
  CHECK(o.activation == "softmax");
  CHECK(o.loss == "categorical_crossentropy");
  const nn::Labels y = digits(32);
  nn::Tensor onehot = xt::zeros<float>({32, 10});
  for (std::size_t i = 0; i < 32; ++i) onehot(i, y(i)) = 1.0f;
  trains(o, features(32), onehot);
}

TEST_CASE("a price: one unbounded (or positive) number and a regression loss") {
  const OutputLayer o = exercises::house_price();
  INFO("your answer " << show(o));
  CHECK(o.units == 1);
  // No activation lets the output take any value; ReLU or softplus keep it positive.
  CHECK(std::set<std::string>{"linear", "", "relu", "softplus"}.count(o.activation) == 1);
  CHECK(kRegressionLosses.count(o.loss) == 1);
  nn::Tensor y = nn::Tensor::from_shape({32, 1});
  for (std::size_t i = 0; i < 32; ++i) y(i, 0) = 150.0f + 10.0f * i;
  trains(o, features(32), y);
}
