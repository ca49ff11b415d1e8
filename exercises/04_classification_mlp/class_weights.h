#pragma once
/// \file
/// # Exercise 4.7: class weights for a rare class ★★ (15 points)
///
/// When one class is rare (1 fraud in 100 transactions), the mean cross-entropy is made
/// almost entirely of the common class, and a network can reach a low loss, and 99%
/// accuracy, by never predicting the rare one. Keras's `fit(..., class_weight=...)` and
/// scikit-learn's `class_weight="balanced"` counter this by weighting each example's loss
/// by a weight of its class. The "balanced" weights, for n examples, k classes and
/// \f$n_c\f$ examples of class c, are
///
/// \f[ w_c = \frac{n}{k\, n_c}, \f]
///
/// so that every class carries the same total weight, \f$n_c w_c = n / k\f$, and the
/// weights of all the examples still add up to n.
///
/// Write
/// - `balanced_class_weights(y, classes)`: \f$w_c\f$ for c = 0 … classes − 1. Throw
///   `std::invalid_argument` (naming the class) when a label is outside [0, classes) or a
///   class has no example (its weight would be infinite);
/// - `weighted_crossentropy(p, y, class_weights)`: Keras's weighted loss for probabilities
///   `p` (n, classes) and labels `y` (n,): each example's \f$-\log p_{i, y_i}\f$ (with
///   \f$p\f$ clipped to \f$[10^{-7}, 1 - 10^{-7}]\f$, as Keras does) times the weight of
///   its class, summed and divided by **n** (Keras divides by the number of examples, not
///   by the sum of the weights). Throw `nn::ShapeError` when p's rows, y and the weights do
///   not fit.

#include <stdexcept>
#include <vector>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// n / (k n_c) for each class c of 0..classes−1.
std::vector<double> balanced_class_weights(const nn::Labels& y, std::size_t classes);

/// Σ_i w[y_i] · −log(clip(p[i, y_i])) / n.
double weighted_crossentropy(const nn::Tensor& p, const nn::Labels& y,
                             const std::vector<double>& class_weights);

}  // namespace exercises
