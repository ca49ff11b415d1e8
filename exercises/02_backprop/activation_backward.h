#pragma once
/// \file
/// # Exercise 2.2: activations, backwards ★ (10 points)
///
/// In the backward pass an activation \f$y = f(z)\f$, applied entry by entry, receives
/// \f$dy = \partial L / \partial y\f$ and passes on \f$dz = \partial L / \partial z = dy
/// \odot f'(z)\f$. For the sigmoid and the hyperbolic tangent the slope is cheapest to
/// compute from the output \f$y\f$ that the forward pass has already made:
///
/// \f[ \sigma'(z) = \sigma(z)\,(1 - \sigma(z)) = y\,(1 - y), \qquad
///     \tanh'(z) = 1 - \tanh^2(z) = 1 - y^2. \f]
///
/// ReLU, \f$y = \max(0, z)\f$, has slope 1 where \f$z > 0\f$ (that is, where \f$y > 0\f$)
/// and 0 where \f$z < 0\f$; at exactly 0 take the slope as 0, as Keras and PyTorch do.
///
/// Write the three backward passes, each from the output `y` and the incoming gradient
/// `dy` (same shape). Throw `nn::ShapeError` naming both shapes when the shapes differ.

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// dz = dy ⊙ y ⊙ (1 − y), for y = σ(z). y, dy, dz: (batch, features).
nn::Tensor sigmoid_backward(const nn::Tensor& y, const nn::Tensor& dy);

/// dz = dy ⊙ (1 − y²), for y = tanh(z).
nn::Tensor tanh_backward(const nn::Tensor& y, const nn::Tensor& dy);

/// dz = dy where y > 0, and 0 elsewhere, for y = max(0, z).
nn::Tensor relu_backward(const nn::Tensor& y, const nn::Tensor& dy);

}  // namespace exercises
