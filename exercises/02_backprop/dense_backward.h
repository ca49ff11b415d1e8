#pragma once
/// \file
/// # Exercise 2.3: a dense layer's backward pass ★★ (20 points)
///
/// A dense layer computes \f$\mathbf{z} = \mathbf{x} W + \mathbf{b}\f$ for a batch:
/// \f$\mathbf{x}\f$ (batch, in), \f$W\f$ (in, units), \f$\mathbf{b}\f$ (1, units). In the
/// backward pass it receives \f$\delta = \partial L / \partial \mathbf{z}\f$ (batch,
/// units), the error signal of its units, and must return the gradients of the loss with
/// respect to its weights, its biases and its input. Since \f$z_{nj} = \sum_i x_{ni} W_{ij}
/// + b_j\f$, the chain rule gives
///
/// \f[ \frac{\partial L}{\partial W_{ij}} = \sum_n x_{ni}\,\delta_{nj}, \qquad
///     \frac{\partial L}{\partial b_j} = \sum_n \delta_{nj}, \qquad
///     \frac{\partial L}{\partial x_{ni}} = \sum_j \delta_{nj}\,W_{ij}, \f]
///
/// that is \f$dW = \mathbf{x}^\top \delta\f$ (in, units), \f$d\mathbf{b} = \sum_\text{rows}
/// \delta\f$ (1, units) and \f$d\mathbf{x} = \delta\,W^\top\f$ (batch, in). Each weight's
/// gradient adds up, over the batch, the signal that went through it times the error at its
/// end; each input's gradient sends the error back along the same connections.
///
/// Write `dense_backward(x, W, dz)` (loops are fine). The bias does not appear among the
/// arguments: its gradient does not depend on it. Throw `nn::ShapeError` showing the shapes
/// when x's columns are not W's rows or when dz is not (x's rows, W's columns).

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// The gradients of a dense layer.
struct DenseGradients {
  nn::Tensor dW;  ///< (in, units): xᵀ·dz
  nn::Tensor db;  ///< (1, units): the sum of dz's rows
  nn::Tensor dx;  ///< (batch, in): dz·Wᵀ
};

/// The gradients of z = x·W + b, given dz = ∂L/∂z. x (batch, in), W (in, units), dz (batch,
/// units). Throws nn::ShapeError naming the shapes when they do not fit.
DenseGradients dense_backward(const nn::Tensor& x, const nn::Tensor& W, const nn::Tensor& dz);

}  // namespace exercises
