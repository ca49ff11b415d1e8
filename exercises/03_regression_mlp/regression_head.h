#pragma once
/// \file
/// # Exercise 3.6: the output and the loss for a regression task ★★ (15 points)
///
/// The end of a regression network follows from what the target is and from its labels:
/// the activation of the one output neuron, among `"linear"` (none), `"softplus"`,
/// `"sigmoid"` and `"tanh"`; the loss, `"mse"` for clean labels and `"huber"` when some
/// are badly wrong; and whether the labels must first be mapped onto the activation's
/// range (`scale_labels`). Here the reader's program decides it, from numbers it computes.
///
/// 1. `outlier_score(y)`: how far the worst label lies from the others, in a unit the
///    outliers themselves cannot inflate. With \f$m\f$ the median of the labels and the
///    MAD the median of \f$|y_i - m|\f$ (the median of an even count is the mean of the two
///    middle values, as NumPy's),
///    \f[ \text{score} = \max_i \frac{|y_i - m|}{\text{MAD}}; \f]
///    0 when every label equals \f$m\f$, infinity when the MAD is 0 but some label is not
///    \f$m\f$. (A mean and a standard deviation would not do: a label typed with a digit
///    too many drags both toward itself and hides.)
/// 2. `choose_head(y_train, facts)`:
///    - the activation: `"tanh"` when the prediction must stay in bounds
///      \f$[\text{low}, \text{high}]\f$ that reach below zero, `"sigmoid"` for bounds at or
///      above zero, else `"softplus"` when the target is never negative, else `"linear"`;
///    - `scale_labels`: true only when the bounds are not inside the activation's own range
///      (\f$[0, 1]\f$ for the sigmoid, \f$[-1, 1]\f$ for tanh);
///    - the loss: `"huber"` when `outlier_score(y_train)` is above 10 (ten MADs is about
///      6.7 standard deviations of a normal law, which clean data of any size here does not
///      reach), else `"mse"`.
///
/// The tests give the five tasks of the chapter's text as labels (temperatures, delivery
/// times, vote shares, steering angles in \f$[-30, 30]\f$, rents scraped from ads where a
/// few prices have a digit too many), and hand each answer to the library
/// (`nn::Dense(1, activation)` compiled with the loss, a few steps of training).

#include <string>

#include "lib/tensor.h"

namespace exercises {

/// The output end of a regression network.
struct RegressionHead {
  std::string activation;     ///< the output neuron's activation, by Keras name
  std::string loss;           ///< "mse" or "huber"
  bool scale_labels = false;  ///< map the labels onto the activation's range first
};

/// What is known about a target before looking at its labels.
struct TargetFacts {
  bool never_negative = false;  ///< the quantity cannot be below zero
  bool bounded = false;         ///< the prediction must stay in [low, high]
  double low = 0.0;             ///< the lower bound, when bounded
  double high = 0.0;            ///< the upper bound, when bounded
};

/// max |y - median| / MAD over the labels (0 for all equal; infinity for a MAD of 0).
double outlier_score(const nn::Tensor& y);

/// The activation, loss and label scaling for labels `y_train` of a target with `facts`.
RegressionHead choose_head(const nn::Tensor& y_train, const TargetFacts& facts);

}  // namespace exercises
