// Tests for exercise 4.5. Do not edit: `./book grade output_layer` runs them.
#include "exercises/04_classification_mlp/output_layer.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "lib/error.h"
#include "lib/nn.h"
#include "lib/random.h"

using exercises::output_layer_for;
using exercises::OutputLayer;

namespace {

std::string show(const OutputLayer& o) {
  return "{" + std::to_string(o.units) + ", \"" + o.activation + "\", \"" + o.loss + "\"}";
}

// Builds Dense(16, relu) + the answer, compiles it with the answer's loss and trains it for
// one epoch on x (n, 4) and y; fails with the library's message if it cannot.
void trains(const OutputLayer& o, const nn::Arrays& y, std::size_t n) {
  INFO("your answer " << show(o));
  nn::set_random_seed(1);
  nn::Rng rng(7);
  nn::Tensor x = nn::Tensor::from_shape({n, 4});
  for (float& v : x) v = rng.normal();
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

// n labels below `classes`, with every class present.
nn::Labels labels(std::size_t n, int classes, std::uint64_t seed) {
  nn::Rng rng(seed);
  nn::Labels y = nn::Labels::from_shape({n});
  for (std::size_t i = 0; i < n; ++i) {
    y(i) = i < static_cast<std::size_t>(classes) ? static_cast<int>(i)
                                                 : static_cast<int>(rng.below(classes));
  }
  return y;
}

nn::Tensor one_hot(const nn::Labels& y, std::size_t classes) {
  nn::Tensor t = xt::zeros<float>({y.size(), classes});
  for (std::size_t i = 0; i < y.size(); ++i) t(i, y(i)) = 1.0f;
  return t;
}

void expect(const OutputLayer& o, int units, const std::string& activation,
            const std::string& loss) {
  INFO("your answer " << show(o) << ", expected " << show(OutputLayer{units, activation, loss}));
  CHECK(o.units == units);
  CHECK(o.activation == activation);
  CHECK(o.loss == loss);
}

}  // namespace

TEST_CASE("class indices: as many softmax units as classes, or one sigmoid for two") {
  for (int classes : {3, 7, 10, 13}) {
    INFO(classes << " classes");
    const nn::Labels y = labels(40, classes, classes);
    const OutputLayer o = output_layer_for(y);
    expect(o, classes, "softmax", "sparse_categorical_crossentropy");
    trains(o, y, 40);
  }
  const nn::Labels spam = labels(30, 2, 3);  // spam or not, as 0/1 indices
  const OutputLayer o = output_layer_for(spam);
  expect(o, 1, "sigmoid", "binary_crossentropy");
  trains(o, nn::Tensor(xt::cast<float>(xt::reshape_view(spam, {30, 1}))), 30);
}

TEST_CASE("the classes are counted from the largest label, even when some are absent") {
  const nn::Labels y = {0, 4, 4, 2, 0, 4};  // classes 1 and 3 happen not to occur
  expect(output_layer_for(y), 5, "softmax", "sparse_categorical_crossentropy");
  expect(output_layer_for(nn::Labels{0, 0, 0}), 1, "sigmoid", "binary_crossentropy");
}

TEST_CASE("a negative label is refused, naming it") {
  CHECK_THROWS_AS(output_layer_for(nn::Labels{0, 3, -2}), std::invalid_argument);
  CHECK_THROWS_WITH(output_layer_for(nn::Labels{0, 3, -2}), Catch::Contains("-2"));
}

TEST_CASE("one-hot rows: softmax over their columns and the categorical loss") {
  for (int classes : {3, 10}) {
    const nn::Tensor y = one_hot(labels(32, classes, 11), classes);
    const OutputLayer o = output_layer_for(y);
    expect(o, classes, "softmax", "categorical_crossentropy");
    trains(o, y, 32);
  }
}

TEST_CASE("yes-or-no columns that do not exclude each other: one sigmoid per column") {
  // spam? and urgent?: a row may say yes twice, or not at all.
  const nn::Tensor flags = {{1, 0}, {1, 1}, {0, 0}, {0, 1}, {1, 0}, {0, 0}};
  OutputLayer o = output_layer_for(flags);
  expect(o, 2, "sigmoid", "binary_crossentropy");
  trains(o, flags, 6);
  // One row with two 1s among one-hot rows is enough to make them independent answers.
  const nn::Labels classes = labels(20, 4, 12);
  nn::Tensor almost = one_hot(classes, 4);
  almost(5, (classes(5) + 1) % 4) = 1.0f;
  expect(output_layer_for(almost), 4, "sigmoid", "binary_crossentropy");
  // A single yes-or-no column: the spam filter.
  const nn::Tensor spam = {{1}, {0}, {0}, {1}};
  o = output_layer_for(spam);
  expect(o, 1, "sigmoid", "binary_crossentropy");
  trains(o, spam, 4);
}

TEST_CASE("anything else is a regression: linear units and the mean squared error") {
  nn::Tensor price = nn::Tensor::from_shape({32, 1});
  for (std::size_t i = 0; i < 32; ++i) price(i, 0) = 150.0f + 10.0f * i;
  OutputLayer o = output_layer_for(price);
  expect(o, 1, "linear", "mse");
  trains(o, price, 32);
  // A box to locate: four coordinates; one value of 0.5 among 0s and 1s is not a class.
  const nn::Tensor box = {{0, 0, 1, 1}, {0, 0.5f, 1, 1}, {1, 0, 1, 0}};
  o = output_layer_for(box);
  expect(o, 4, "linear", "mse");
  trains(o, box, 3);
}
