#pragma once
/// \file
/// # Exercise 5.3: the weighted total loss, by hand ★ (10 points)
///
/// A model with \f$K\f$ outputs minimises the weighted sum of their losses. With the mean
/// squared error, output \f$k\f$'s loss is the mean over its \f$n\f$ rows and \f$m_k\f$
/// columns,
///
/// \f[ L_k = \frac{1}{n\,m_k} \sum_{i=1}^{n} \sum_{j=1}^{m_k}
///     \bigl(\hat{y}^{(k)}_{ij} - y^{(k)}_{ij}\bigr)^2, \qquad
///     L = \sum_{k=1}^{K} \lambda_k L_k. \f]
///
/// Write `weighted_mse(y_true, y_pred, loss_weights)`, which returns \f$L\f$ for one target
/// tensor and one prediction tensor per output. With no weights (an empty vector) every
/// \f$\lambda_k\f$ is 1: the losses are summed, as Keras does when one loss is given for
/// several outputs. Compute in double precision. Throw `std::invalid_argument` when the
/// numbers of targets, predictions or weights (if any) differ, with a message that gives
/// the numbers, and when an output's targets and predictions differ in shape, with a
/// message that names the output (counting from 0) and gives both shapes.

#include <vector>

#include "lib/tensor.h"

namespace exercises {

/// Σ_k λ_k · MSE(y_true[k], y_pred[k]); every λ_k = 1 if loss_weights is empty.
double weighted_mse(const std::vector<nn::Tensor>& y_true, const std::vector<nn::Tensor>& y_pred,
                    const std::vector<double>& loss_weights);

}  // namespace exercises
