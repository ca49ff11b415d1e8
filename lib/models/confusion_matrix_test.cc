#include "lib/models/confusion_matrix.h"

#include <catch2/catch.hpp>
#include <string>
#include <xtensor/xview.hpp>

#include "lib/error.h"

using nn::Labels;

TEST_CASE("predicted_classes: the argmax of each row, the first of equal maxima") {
  const nn::Tensor outputs = {{0.1f, 0.7f, 0.2f}, {0.5f, 0.2f, 0.3f}, {0.2f, 0.4f, 0.4f}};
  const Labels classes = nn::predicted_classes(outputs);
  CHECK((classes == Labels{1, 0, 1}));
  // Logits work as well as probabilities: the argmax is the same.
  const nn::Tensor logits = {{-3.0f, 2.0f, 5.0f}, {4.0f, -1.0f, 0.0f}};
  CHECK((nn::predicted_classes(logits) == Labels{2, 0}));
}

TEST_CASE("predicted_classes: one sigmoid column is thresholded") {
  const nn::Tensor p = {{0.2f}, {0.5f}, {0.51f}, {0.99f}};
  CHECK((nn::predicted_classes(p) == Labels{0, 0, 1, 1}));  // strictly above, as Keras
  CHECK((nn::predicted_classes(p, 0.9f) == Labels{0, 0, 0, 1}));
  CHECK_THROWS_AS(nn::predicted_classes(nn::Tensor::from_shape({3, 0})), nn::ShapeError);
}

TEST_CASE("confusion_matrix: scikit-learn's documented example") {
  // sklearn.metrics.confusion_matrix's docstring: y_true = [2, 0, 2, 2, 0, 1],
  // y_pred = [0, 0, 2, 2, 0, 2] gives [[2, 0, 0], [0, 0, 1], [1, 0, 2]].
  const Labels y_true = {2, 0, 2, 2, 0, 1}, y_pred = {0, 0, 2, 2, 0, 2};
  const nn::ConfusionMatrix cm = nn::confusion_matrix(y_true, y_pred, 3);
  const nn::ConfusionMatrix expected = {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}};
  CHECK((cm == expected));
}

TEST_CASE(
    "confusion_matrix: rows are true classes, columns predictions; classes never seen "
    "get empty rows") {
  const Labels y_true = {0, 0, 0, 1, 1, 3}, y_pred = {0, 1, 1, 1, 0, 3};
  const nn::ConfusionMatrix cm = nn::confusion_matrix(y_true, y_pred, 4);
  REQUIRE(cm.shape()[0] == 4);
  REQUIRE(cm.shape()[1] == 4);
  CHECK(cm(0, 0) == 1);
  CHECK(cm(0, 1) == 2);  // two 0s taken for 1s
  CHECK(cm(1, 0) == 1);
  CHECK(cm(1, 1) == 1);
  CHECK(cm(3, 3) == 1);
  CHECK(xt::sum(xt::row(cm, 2))() == 0);
  CHECK(xt::sum(cm)() == 6);
}

TEST_CASE("confusion_matrix: bad input names what is wrong") {
  CHECK_THROWS_AS(nn::confusion_matrix(Labels{0, 1}, Labels{0}, 2), nn::ShapeError);
  try {
    nn::confusion_matrix(Labels{0, 1, 2}, Labels{0, 1, 1}, 2);
    FAIL("no exception");
  } catch (const nn::ValueError& e) {
    CHECK(std::string(e.what()) == "confusion_matrix: y_true[2] = 2 is not a class in [0, 2)");
  }
  CHECK_THROWS_WITH(nn::confusion_matrix(Labels{0, 1}, Labels{-1, 1}, 2),
                    Catch::Contains("y_pred[0] = -1"));
}

TEST_CASE("most_confused: largest off-diagonal cells first, ties in reading order") {
  const nn::ConfusionMatrix cm = {{50, 3, 7}, {3, 40, 0}, {9, 1, 30}};
  const std::vector<nn::Confusion> top = nn::most_confused(cm, 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0].true_class == 2);
  CHECK(top[0].predicted_class == 0);
  CHECK(top[0].count == 9);
  CHECK(top[1].true_class == 0);
  CHECK(top[1].predicted_class == 2);
  CHECK(top[2].true_class == 0);  // 3 twice: (0, 1) comes before (1, 0)
  CHECK(top[2].predicted_class == 1);
  // Zeros and the diagonal never appear, however many are asked for.
  CHECK(nn::most_confused(cm, 100).size() == 5);
  CHECK(nn::most_confused(nn::ConfusionMatrix{{4, 0}, {0, 6}}, 3).empty());
  CHECK_THROWS_AS(nn::most_confused(nn::ConfusionMatrix{{1, 2, 3}}, 1), nn::ShapeError);
}
