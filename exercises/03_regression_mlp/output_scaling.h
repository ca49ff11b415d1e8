#pragma once
/// \file
/// # Exercise 3.4: choosing and undoing an output scaling ★★ (15 points)
///
/// An output activation fixes the range of what a network can predict: the logistic
/// function gives values in \f$(0, 1)\f$, tanh in \f$(-1, 1)\f$, ReLU and softplus values
/// that are never negative, and no activation (`"linear"`) any real number. The labels the
/// network trains on must live in that range, and its outputs must be turned back into
/// the labels' unit before anyone reads them.
///
/// A linear map \f$t = a\,y + c\f$ does both ways (\f$y = (t - c)/a\f$). For `"sigmoid"`,
/// choose \f$a, c\f$ so that the smallest training label goes to 0 and the largest to 1;
/// for `"tanh"`, to \f$-1\f$ and 1. For `"linear"`, `"relu"` and `"softplus"` the labels
/// stay as they are (\f$a = 1, c = 0\f$), but ReLU and softplus can never predict a
/// negative number, so a negative training label is an error.
///
/// Write `OutputScaling::transform` and `OutputScaling::inverse` (entry by entry, any
/// shape), and `choose_output_scaling(activation, y_train)`. Throw `nn::ValueError`:
///
/// - for an activation other than the five above, listing the five names in the message;
/// - for `"sigmoid"` or `"tanh"` when all the training labels are equal (there is no range
///   to map), or when there are none;
/// - for `"relu"` or `"softplus"` when a training label is negative, giving that label.
///
/// Labels outside the training range (a test car more economical than any in training)
/// are mapped outside \f$[0, 1]\f$ and are not clipped: the scaling is the same line
/// everywhere.

#include <string>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// The linear map t = scale · y + shift from labels y to the targets t a network learns.
struct OutputScaling {
  double scale = 1.0;  ///< a
  double shift = 0.0;  ///< c
  /// t = scale · y + shift, entry by entry.
  nn::Tensor transform(const nn::Tensor& y) const;
  /// y = (t − shift) / scale: the network's outputs back in the labels' unit.
  nn::Tensor inverse(const nn::Tensor& t) const;
};

/// The scaling that the output activation `activation` needs, from the training labels
/// y_train (n, outputs).
OutputScaling choose_output_scaling(const std::string& activation, const nn::Tensor& y_train);

}  // namespace exercises
