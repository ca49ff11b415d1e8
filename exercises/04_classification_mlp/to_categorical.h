#pragma once
/// \file
/// # Exercise 4.2: class indices to one-hot rows, and back ★ (10 points)
///
/// Keras accepts the targets of a multiclass classifier in two forms: class indices, one
/// integer per example (the *sparse* form, for `sparse_categorical_crossentropy`), or
/// *one-hot* rows, a 1 in the column of the class and 0 elsewhere (for
/// `categorical_crossentropy`). For three classes, the labels \f$(1, 0, 2)\f$ are
///
/// \f[ \begin{pmatrix} 0 & 1 & 0 \\ 1 & 0 & 0 \\ 0 & 0 & 1 \end{pmatrix}. \f]
///
/// 1. `to_categorical(y, classes)` (Keras's name): the one-hot rows (n, classes) of the
///    labels y (n,). Throw `std::invalid_argument` when `classes` is 0 or a label is not in
///    \f$[0, \text{classes})\f$; the message names the position and the label, e.g.
///    "y[2] = 5 is not a class in [0, 3)".
/// 2. `argmax_rows(p)`: the way back, and the way from a softmax's probabilities (n, k) to
///    the predicted classes: the column of each row's largest value, the first one if
///    several are equal (as numpy's `argmax`). Throw `std::invalid_argument` when p has no
///    columns.

#include <cstddef>

#include "lib/tensor.h"

namespace exercises {

/// One-hot rows (n, classes) for the class indices y (n,).
nn::Tensor to_categorical(const nn::Labels& y, std::size_t classes);

/// The column of the largest value of each row of p (n, k): (n,).
nn::Labels argmax_rows(const nn::Tensor& p);

}  // namespace exercises
