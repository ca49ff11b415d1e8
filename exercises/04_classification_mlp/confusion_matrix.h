#pragma once
/// \file
/// # Exercise 4.4: a confusion matrix, accuracy, precision and recall ★★ (20 points)
///
/// Accuracy says how often a classifier is right; the *confusion matrix* says how it is
/// wrong. Row \f$i\f$, column \f$j\f$ counts the examples of true class \f$i\f$ that the
/// classifier called \f$j\f$ (scikit-learn's convention), so the diagonal holds the right
/// answers. From it, with \f$C\f$ the matrix:
///
/// \f[ \text{accuracy} = \frac{\sum_k C_{kk}}{\sum_{ij} C_{ij}}, \qquad
///     \text{precision}_k = \frac{C_{kk}}{\sum_i C_{ik}}, \qquad
///     \text{recall}_k = \frac{C_{kk}}{\sum_j C_{kj}}. \f]
///
/// The precision of class \f$k\f$ says how often the classifier is right when it answers
/// \f$k\f$ (it reads a column); its recall says how many of the examples of class \f$k\f$
/// the classifier finds (it reads a row).
///
/// 1. `confusion_matrix(y_true, y_pred, classes)`: the (classes × classes) counts. Throw
///    `std::invalid_argument` when the lengths differ or a label is not in
///    \f$[0, \text{classes})\f$ (the message names the array and the position, e.g.
///    "y_pred[3] = 7").
/// 2. `accuracy(cm)`, `precision(cm, k)`, `recall(cm, k)`. A class that is never
///    predicted has precision 0, one that never occurs has recall 0 (scikit-learn's
///    `zero_division` default); a matrix that counts nothing has no accuracy
///    (`std::invalid_argument`), and so has a class \f$k\f$ outside the matrix.

#include <cstddef>
#include <vector>

#include "lib/tensor.h"

namespace exercises {

/// Counts: cm[i][j] is the number of examples of class i predicted as j.
using Matrix = std::vector<std::vector<int>>;

/// The confusion matrix of y_pred against y_true (both (n,)), classes × classes.
Matrix confusion_matrix(const nn::Labels& y_true, const nn::Labels& y_pred, std::size_t classes);

/// The share of all examples on the diagonal.
double accuracy(const Matrix& cm);

/// Of the examples predicted as k, the share that are k.
double precision(const Matrix& cm, std::size_t k);

/// Of the examples of class k, the share predicted as k.
double recall(const Matrix& cm, std::size_t k);

}  // namespace exercises
