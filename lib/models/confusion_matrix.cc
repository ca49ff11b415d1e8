#include "lib/models/confusion_matrix.h"

#include <algorithm>
#include <string>

#include "lib/error.h"

namespace nn {
namespace {

void check_labels(const char* which, const Labels& labels, std::size_t classes) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels(i) < 0 || static_cast<std::size_t>(labels(i)) >= classes) {
      throw ValueError("confusion_matrix: " + std::string(which) + "[" + std::to_string(i) +
                       "] = " + std::to_string(labels(i)) + " is not a class in [0, " +
                       std::to_string(classes) + ")");
    }
  }
}

}  // namespace

Labels predicted_classes(const Tensor& outputs, float threshold) {
  const std::size_t rows = outputs.shape()[0], k = outputs.shape()[1];
  if (k == 0) throw ShapeError("predicted_classes: outputs " + shape_string(outputs) + " is empty");
  Labels classes = xt::zeros<int>({rows});
  for (std::size_t i = 0; i < rows; ++i) {
    if (k == 1) {
      classes(i) = outputs(i, 0) > threshold ? 1 : 0;
      continue;
    }
    std::size_t best = 0;
    for (std::size_t j = 1; j < k; ++j) {
      if (outputs(i, j) > outputs(i, best)) best = j;
    }
    classes(i) = static_cast<int>(best);
  }
  return classes;
}

ConfusionMatrix confusion_matrix(const Labels& y_true, const Labels& y_pred, std::size_t classes) {
  if (y_true.size() != y_pred.size()) {
    throw ShapeError("confusion_matrix: y_true " + shape_string(y_true) + " and y_pred " +
                     shape_string(y_pred) + " differ in length");
  }
  check_labels("y_true", y_true, classes);
  check_labels("y_pred", y_pred, classes);
  ConfusionMatrix matrix = xt::zeros<int>({classes, classes});
  for (std::size_t i = 0; i < y_true.size(); ++i) matrix(y_true(i), y_pred(i)) += 1;
  return matrix;
}

std::vector<Confusion> most_confused(const ConfusionMatrix& matrix, std::size_t top) {
  const std::size_t rows = matrix.shape()[0], cols = matrix.shape()[1];
  if (rows != cols) {
    throw ShapeError("most_confused: a confusion matrix is square, got " + shape_string(matrix));
  }
  std::vector<Confusion> cells;
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      if (i != j && matrix(i, j) > 0) {
        cells.push_back({static_cast<int>(i), static_cast<int>(j), matrix(i, j)});
      }
    }
  }
  // Stable: cells are already in row, then column order, which settles ties.
  std::stable_sort(cells.begin(), cells.end(),
                   [](const Confusion& a, const Confusion& b) { return a.count > b.count; });
  if (cells.size() > top) cells.resize(top);
  return cells;
}

}  // namespace nn
