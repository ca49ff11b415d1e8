// Mistake: counts cm[predicted][true] instead of cm[true][predicted] (rows are the true classes).
#include "exercises/04_classification_mlp/confusion_matrix.h"

#include <stdexcept>
#include <string>

namespace exercises {
namespace {

void check_labels(const char* name, const nn::Labels& y, std::size_t classes) {
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y(i) < 0 || static_cast<std::size_t>(y(i)) >= classes) {
      throw std::invalid_argument("confusion_matrix: " + std::string(name) + "[" +
                                  std::to_string(i) + "] = " + std::to_string(y(i)) +
                                  " is not a class in [0, " + std::to_string(classes) + ")");
    }
  }
}

void check_class(const char* who, const Matrix& cm, std::size_t k) {
  if (k >= cm.size()) {
    throw std::invalid_argument(std::string(who) + ": class " + std::to_string(k) +
                                " is not in a " + std::to_string(cm.size()) + "-class matrix");
  }
}

}  // namespace

Matrix confusion_matrix(const nn::Labels& y_true, const nn::Labels& y_pred, std::size_t classes) {
  if (y_true.size() != y_pred.size()) {
    throw std::invalid_argument("confusion_matrix: " + std::to_string(y_true.size()) +
                                " true labels but " + std::to_string(y_pred.size()) +
                                " predictions");
  }
  check_labels("y_true", y_true, classes);
  check_labels("y_pred", y_pred, classes);
  Matrix cm(classes, std::vector<int>(classes, 0));
  for (std::size_t i = 0; i < y_true.size(); ++i) ++cm[y_pred(i)][y_true(i)];
  return cm;
}

double accuracy(const Matrix& cm) {
  long right = 0, total = 0;
  for (std::size_t i = 0; i < cm.size(); ++i) {
    for (std::size_t j = 0; j < cm[i].size(); ++j) total += cm[i][j];
    right += cm[i][i];
  }
  if (total == 0) throw std::invalid_argument("accuracy: the matrix counts no example");
  return static_cast<double>(right) / total;
}

double precision(const Matrix& cm, std::size_t k) {
  check_class("precision", cm, k);
  long column = 0;
  for (const auto& row : cm) column += row[k];
  return column == 0 ? 0.0 : static_cast<double>(cm[k][k]) / column;
}

double recall(const Matrix& cm, std::size_t k) {
  check_class("recall", cm, k);
  long row = 0;
  for (int count : cm[k]) row += count;
  return row == 0 ? 0.0 : static_cast<double>(cm[k][k]) / row;
}

}  // namespace exercises
