// Tests for exercise 4.2. Do not edit: `./book grade to_categorical` runs them.
#include "exercises/04_classification_mlp/to_categorical.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

using exercises::argmax_rows;
using exercises::to_categorical;

TEST_CASE("to_categorical: one 1 per row, in the label's column") {
  const nn::Tensor onehot = to_categorical(nn::Labels{1, 0, 2}, 3);
  INFO("got shape " << nn::shape_string(onehot));
  REQUIRE(onehot.shape(0) == 3);
  REQUIRE(onehot.shape(1) == 3);
  const nn::Tensor expected = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}};
  CHECK((onehot == expected));
  // Keras's documentation: to_categorical([0, 1, 2, 3], num_classes=4) is the identity.
  const nn::Tensor identity = to_categorical(nn::Labels{0, 1, 2, 3}, 4);
  CHECK((identity == nn::Tensor{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}));
}

TEST_CASE("to_categorical: more classes than labels seen; no labels at all") {
  const nn::Tensor onehot = to_categorical(nn::Labels{2, 2}, 10);
  REQUIRE(onehot.shape(1) == 10);
  CHECK((onehot == nn::Tensor{{0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0, 0, 0, 0, 0}}));
  const nn::Tensor none = to_categorical(nn::Labels::from_shape({0}), 5);
  CHECK(none.shape(0) == 0);
  CHECK(none.shape(1) == 5);
}

TEST_CASE("to_categorical: labels outside [0, classes) are refused, naming the position") {
  try {
    to_categorical(nn::Labels{0, 1, 5, 2}, 3);
    FAIL("label 5 accepted for 3 classes");
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    INFO("message: " << message);
    CHECK(message.find("y[2] = 5") != std::string::npos);
  }
  CHECK_THROWS_AS(to_categorical(nn::Labels{0, -1}, 3), std::invalid_argument);
  CHECK_THROWS_AS(to_categorical(nn::Labels{0}, 0), std::invalid_argument);
}

TEST_CASE("argmax_rows: the largest column of each row, the first of equals") {
  const nn::Tensor p = {{0.1f, 0.7f, 0.2f}, {0.5f, 0.2f, 0.3f}, {0.0f, 0.4f, 0.4f}};
  CHECK((argmax_rows(p) == nn::Labels{1, 0, 1}));
  // Logits work too, negative ones included.
  CHECK((argmax_rows(nn::Tensor{{-3, -1, -2}, {-5, -6, -4}}) == nn::Labels{1, 2}));
  CHECK_THROWS_AS(argmax_rows(nn::Tensor::from_shape({2, 0})), std::invalid_argument);
}

TEST_CASE("argmax_rows undoes to_categorical") {
  const nn::Labels y = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 0, 3, 8};
  CHECK((argmax_rows(to_categorical(y, 10)) == y));
}
