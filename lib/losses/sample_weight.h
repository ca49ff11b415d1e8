#pragma once
// Weighted losses, with Keras's semantics for fit(..., sample_weight, class_weight): every
// row's loss is multiplied by its weight, and the batch's loss is the sum of the weighted
// losses divided by the number of rows (Keras's "sum over batch size" reduction, not a
// division by the sum of the weights). Class weights become row weights through the label:
//
//   w_i = sample_weight_i · class_weight[label_i]      (either may be left out: 1)
//
// With all weights 1 the weighted loss is the plain one, to the last bit of its gradient.

#include <cstddef>
#include <map>
#include <vector>

#include "lib/losses/loss.h"
#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// Row weights (n, 1) for targets y (n, 1) of class indices (or 0/1 labels), or one-hot
/// (n, k) rows (the class is the column of the largest value), times `sample_weight` (n
/// values, or empty for all 1). A class missing from a non-empty `class_weight` weighs 1, as
/// in Keras. ValueError naming the sizes if sample_weight has the wrong length, or naming
/// the row if a weight is negative or not finite.
Tensor row_weights(const Tensor& y, const std::map<int, double>& class_weight,
                   const std::vector<double>& sample_weight);

/// The loss on the tape with row weights w (batch, 1): Σ w_i · loss_i / batch. Its gradient
/// with respect to row i of y_pred is w_i times the plain loss's. ShapeError if w does not
/// have one row per row of y_pred.
Var weighted_loss(const Loss& loss, const Tensor& y_true, const Var& y_pred, const Tensor& w);

}  // namespace nn
