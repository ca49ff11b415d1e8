#pragma once
// What a classifier got right and what it mixed up. predicted_classes() turns a model's
// outputs into class indices (Keras: np.argmax(model.predict(x), axis=-1)); the confusion
// matrix counts every (true class, predicted class) pair, true classes as rows, as
// scikit-learn's confusion_matrix does; most_confused() lists its largest off-diagonal cells.
//
//   nn::Labels y_pred = nn::predicted_classes(model.predict(x_test));     // (n,)
//   nn::ConfusionMatrix cm = nn::confusion_matrix(y_test, y_pred, 10);    // (10, 10)
//   for (const nn::Confusion& c : nn::most_confused(cm, 3)) ...

#include <cstddef>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "lib/tensor.h"

namespace nn {

/// Counts of examples by (true class, predicted class): (classes, classes), row i holds the
/// examples of class i, column j those predicted as j; the diagonal holds the right answers.
using ConfusionMatrix = xt::xtensor<int, 2>;

/// The class each row of `outputs` (n, k) chooses: the index of the largest value for k ≥ 2
/// (the first of equal maxima, as numpy's argmax), and 1 where the value is above `threshold`
/// for one column (a sigmoid's probability of the positive class). ShapeError for k = 0.
Labels predicted_classes(const Tensor& outputs, float threshold = 0.5f);

/// The confusion matrix of y_pred against y_true, both (n,) with labels in [0, classes).
/// ShapeError naming both shapes if the lengths differ; ValueError naming the array, the
/// position and the label if a label is outside [0, classes).
ConfusionMatrix confusion_matrix(const Labels& y_true, const Labels& y_pred, std::size_t classes);

/// One off-diagonal cell of a confusion matrix: examples of one class taken for another.
struct Confusion {
  int true_class;       ///< the row: what the examples are
  int predicted_class;  ///< the column: what the model said
  int count;            ///< how many examples
};

/// The non-zero off-diagonal cells of `matrix`, largest count first (ties in row, then
/// column order), at most `top` of them. ShapeError unless the matrix is square.
std::vector<Confusion> most_confused(const ConfusionMatrix& matrix, std::size_t top);

}  // namespace nn
