#pragma once
/// \file
/// # Exercise 2.1: a dense layer's forward pass ★ (10 points)
///
/// A dense layer connects every input to every unit. With a batch of inputs as the rows of
/// \f$\mathbf{x}\f$ (batch, in), the weights as a matrix \f$W\f$ (in, units) whose column
/// \f$j\f$ holds the weights into unit \f$j\f$, and the biases as one row \f$\mathbf{b}\f$
/// (1, units), the layer's sums are
///
/// \f[ \mathbf{z} = \mathbf{x} W + \mathbf{b}, \qquad
///     z_{nj} = \sum_i x_{ni} W_{ij} + b_j, \f]
///
/// one row of \f$\mathbf{z}\f$ (batch, units) per row of \f$\mathbf{x}\f$: the bias row is
/// added to every row of the product.
///
/// Write `dense_forward(x, W, b)` on plain tensors (loops are fine). When the shapes do not
/// fit (x's columns are not W's rows, or b is not one row of W's width), throw
/// `nn::ShapeError` with a message that shows both shapes involved, such as
/// `"dense_forward: x (3, 4) does not fit W (2, 5)"` (`nn::shape_string` writes a shape).

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// z = x·W + b: x (batch, in), W (in, units), b (1, units) → z (batch, units). Throws
/// nn::ShapeError naming both shapes when they do not fit.
nn::Tensor dense_forward(const nn::Tensor& x, const nn::Tensor& W, const nn::Tensor& b);

}  // namespace exercises
