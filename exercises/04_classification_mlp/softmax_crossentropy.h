#pragma once
/// \file
/// # Exercise 4.3: softmax, its cross-entropy, and their gradient ★★ (20 points)
///
/// The output layer of a multiclass classifier turns each row of logits
/// \f$z_1, \dots, z_K\f$ into probabilities with softmax, and training minimises the
/// cross-entropy of the true class \f$y\f$, averaged over the \f$N\f$ rows of a batch:
///
/// \f[ p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}, \qquad
///     L = \frac{1}{N} \sum_{i=1}^{N} -\log p_{i, y_i}, \qquad
///     \frac{\partial L}{\partial z_{ik}} = \frac{p_{ik} - [k = y_i]}{N}. \f]
///
/// 1. `softmax(z)`: the probabilities, row by row, (N, K). Subtract each row's largest
///    logit before exponentiating (it changes nothing mathematically), so that logits such
///    as 1000 give numbers rather than infinities and NaN.
/// 2. `sparse_categorical_crossentropy(y, z)`: \f$L\f$ from the logits, in `double`. Use
///    \f$-\log p_y = \log \sum_j e^{z_j} - z_y\f$, with the largest logit \f$m\f$ taken out
///    (\f$\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}\f$), so that the loss stays
///    finite even when \f$p_y\f$ is too small for a float.
/// 3. `crossentropy_gradient(y, z)`: \f$\partial L / \partial z\f$, (N, K).
///
/// Throw `std::invalid_argument` when `y` and `z` have different numbers of rows, when `z`
/// has no columns, or when a label is not in \f$[0, K)\f$.

#include "lib/tensor.h"

namespace exercises {

/// Softmax of each row of z (N, K).
nn::Tensor softmax(const nn::Tensor& z);

/// The mean cross-entropy of the classes y (N,) under the logits z (N, K).
double sparse_categorical_crossentropy(const nn::Labels& y, const nn::Tensor& z);

/// dL/dz (N, K) of sparse_categorical_crossentropy.
nn::Tensor crossentropy_gradient(const nn::Labels& y, const nn::Tensor& z);

}  // namespace exercises
