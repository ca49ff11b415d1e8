#pragma once
/// \file
/// # Exercise 1.1: the step function and a threshold logic unit ★ (10 points)
///
/// A threshold logic unit (TLU) weighs its inputs, adds a bias and fires when the sum
/// reaches zero:
///
/// \f[ z = \mathbf{w}^\top \mathbf{x} + b, \qquad h(\mathbf{x}) = \operatorname{step}(z),
///     \qquad \operatorname{step}(z) = \begin{cases} 0 & z < 0 \\ 1 & z \ge 0 \end{cases} \f]
///
/// Write `heaviside(z)`, the step function above (the Heaviside step, as the perceptron
/// uses it: 1 at exactly zero), and `tlu_output(w, b, x)`, the TLU's output for one input
/// `x` with weights `w` (same length as `x`) and bias `b`. When `w` and `x` differ in
/// length, throw `std::invalid_argument` with a message that gives both lengths.

#include <vector>

namespace exercises {

/// The Heaviside step: 0 for z < 0, 1 for z >= 0.
int heaviside(float z);

/// The output of a threshold logic unit with weights w and bias b, for the input x.
int tlu_output(const std::vector<float>& w, float b, const std::vector<float>& x);

}  // namespace exercises
