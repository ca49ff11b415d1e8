// Tests for exercise 4.4. Do not edit: `./book grade confusion_matrix` runs them.
#include "exercises/04_classification_mlp/confusion_matrix.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

using exercises::Matrix;

namespace {

std::string show(const Matrix& m) {
  std::string text = "[";
  for (const auto& row : m) {
    text += "[";
    for (std::size_t j = 0; j < row.size(); ++j) text += (j ? ", " : "") + std::to_string(row[j]);
    text += "]";
  }
  return text + "]";
}

}  // namespace

TEST_CASE("confusion_matrix: scikit-learn's documented example") {
  // sklearn.metrics.confusion_matrix: y_true = [2, 0, 2, 2, 0, 1] and
  // y_pred = [0, 0, 2, 2, 0, 2] give [[2, 0, 0], [0, 0, 1], [1, 0, 2]].
  const Matrix cm = exercises::confusion_matrix({2, 0, 2, 2, 0, 1}, {0, 0, 2, 2, 0, 2}, 3);
  INFO("got " << show(cm));
  CHECK(cm == Matrix{{2, 0, 0}, {0, 0, 1}, {1, 0, 2}});
  CHECK(exercises::accuracy(cm) == Approx(4.0 / 6.0));
}

TEST_CASE("confusion_matrix: rows are the truth, columns the predictions") {
  // Three 0s, two of them taken for 1s; no 2 at all.
  const Matrix cm = exercises::confusion_matrix({0, 0, 0, 1}, {0, 1, 1, 1}, 3);
  INFO("got " << show(cm));
  CHECK(cm == Matrix{{1, 2, 0}, {0, 1, 0}, {0, 0, 0}});
}

TEST_CASE("precision and recall per class: scikit-learn's documented example") {
  // precision_score / recall_score with average=None: y_true = [0, 1, 2, 0, 1, 2],
  // y_pred = [0, 2, 1, 0, 0, 1] give precision [0.667, 0, 0] and recall [1, 0, 0].
  const Matrix cm = exercises::confusion_matrix({0, 1, 2, 0, 1, 2}, {0, 2, 1, 0, 0, 1}, 3);
  INFO("confusion matrix " << show(cm));
  CHECK(exercises::precision(cm, 0) == Approx(2.0 / 3.0));
  CHECK(exercises::precision(cm, 1) == Approx(0.0));
  CHECK(exercises::precision(cm, 2) == Approx(0.0));
  CHECK(exercises::recall(cm, 0) == Approx(1.0));
  CHECK(exercises::recall(cm, 1) == Approx(0.0));
  CHECK(exercises::accuracy(cm) == Approx(2.0 / 6.0));
}

TEST_CASE("precision reads a column, recall a row") {
  const Matrix cm = {{50, 10}, {5, 35}};
  CHECK(exercises::precision(cm, 0) == Approx(50.0 / 55.0));
  CHECK(exercises::recall(cm, 0) == Approx(50.0 / 60.0));
  CHECK(exercises::precision(cm, 1) == Approx(35.0 / 45.0));
  CHECK(exercises::recall(cm, 1) == Approx(35.0 / 40.0));
  CHECK(exercises::accuracy(cm) == Approx(0.85));
  // A class never predicted and never seen: 0, not a division by zero.
  const Matrix unseen = {{3, 0}, {0, 0}};
  CHECK(exercises::precision(unseen, 1) == 0.0);
  CHECK(exercises::recall(unseen, 1) == 0.0);
}

TEST_CASE("bad input is refused, naming what is wrong") {
  CHECK_THROWS_AS(exercises::confusion_matrix({0, 1}, {0}, 2), std::invalid_argument);
  try {
    exercises::confusion_matrix({0, 1, 1, 0}, {0, 1, 0, 7}, 3);
    FAIL("label 7 accepted for 3 classes");
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    INFO("message: " << message);
    CHECK(message.find("y_pred[3] = 7") != std::string::npos);
  }
  CHECK_THROWS_AS(exercises::confusion_matrix({-1}, {0}, 2), std::invalid_argument);
  CHECK_THROWS_AS(exercises::accuracy(Matrix{{0, 0}, {0, 0}}), std::invalid_argument);
  CHECK_THROWS_AS(exercises::precision(Matrix{{1, 0}, {0, 1}}, 2), std::invalid_argument);
  CHECK_THROWS_AS(exercises::recall(Matrix{{1, 0}, {0, 1}}, 5), std::invalid_argument);
}
