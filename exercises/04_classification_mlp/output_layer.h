#pragma once
/// \file
/// # Exercise 4.5: the output layer and loss, read from the targets ★★ (15 points)
///
/// The hidden layers of a network say little about the task; its output layer and its loss
/// say everything, and both follow from the targets that `fit` will be given. Write two
/// functions that look at the training targets and return the output layer's number of
/// units, its activation and the loss, by their Keras names:
///
/// 1. `output_layer_for(const nn::Labels& y)`: class indices, one per example. The number
///    of classes \f$C\f$ is the largest label plus one (at least 2). Two classes: one
///    `"sigmoid"` unit and `"binary_crossentropy"`; more: \f$C\f$ `"softmax"` units and
///    `"sparse_categorical_crossentropy"`. A negative label is refused
///    (`std::invalid_argument`, naming it).
/// 2. `output_layer_for(const nn::Tensor& y)`: targets of shape \f$(n, k)\f$, one row per
///    example. Find out what they are:
///    - every entry 0 or 1, \f$k \ge 2\f$, and every row holds exactly one 1: one-hot, \f$k\f$
///      `"softmax"` units and `"categorical_crossentropy"`;
///    - every entry 0 or 1 otherwise (a row may hold several 1s, or none): \f$k\f$
///      independent yes-or-no answers, \f$k\f$ `"sigmoid"` units and
///      `"binary_crossentropy"` (a single column is the spam filter's case);
///    - anything else: \f$k\f$ real numbers, \f$k\f$ `"linear"` units and `"mse"`.
///
/// The tests build each answer with the library, compile it and train it for one epoch on
/// its targets, so a name the library does not know, or a loss that does not fit the
/// targets, fails with the library's own message.

#include <string>

#include "lib/tensor.h"

namespace exercises {

/// The top of a network: Dense(units, activation), trained with loss.
struct OutputLayer {
  int units = 0;           ///< output units
  std::string activation;  ///< Keras's activation name
  std::string loss;        ///< Keras's loss name
};

/// The output layer for class indices y (n,).
OutputLayer output_layer_for(const nn::Labels& y);

/// The output layer for targets y (n, k): one-hot rows, yes-or-no columns, or numbers.
OutputLayer output_layer_for(const nn::Tensor& y);

}  // namespace exercises
