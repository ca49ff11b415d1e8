#pragma once
/// \file
/// # Exercise 1.2: one step of the perceptron rule ★ (10 points)
///
/// The perceptron learns one example at a time. Given the weights \f$\mathbf{w}\f$, the
/// bias \f$b\f$, one input \f$\mathbf{x}\f$ with its label \f$y \in \{0, 1\}\f$ and the
/// learning rate \f$\eta\f$, compute the unit's answer
/// \f$\hat{y} = \operatorname{step}(\mathbf{w}^\top\mathbf{x} + b)\f$ (1 at exactly zero).
/// If it is right, change nothing. If it is wrong, apply the rule
///
/// \f[ w_i \leftarrow w_i + \eta\,(y - \hat{y})\,x_i, \qquad b \leftarrow b + \eta\,(y - \hat{y})
/// \f]
///
/// Return whether the weights changed. Throw `std::invalid_argument` when `w` and `x` have
/// different lengths or when `y` is neither 0 nor 1.

#include <vector>

namespace exercises {

/// Applies the perceptron rule for one example; returns true when w and b were updated.
bool perceptron_update(std::vector<float>& w, float& b, const std::vector<float>& x, int y,
                       float eta);

}  // namespace exercises
