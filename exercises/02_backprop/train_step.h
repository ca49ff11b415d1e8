#pragma once
/// \file
/// # Exercise 2.5: backpropagation and one step, by hand ★★ (20 points)
///
/// Put the pieces together. A two-layer network of sigmoid units,
///
/// \f[ \mathbf{h} = \sigma(\mathbf{x} W_1 + \mathbf{b}_1), \qquad
///     \hat{\mathbf{y}} = \sigma(\mathbf{h} W_2 + \mathbf{b}_2), \qquad
///     L = \frac{1}{N d} \sum_{n, k} (\hat{y}_{nk} - t_{nk})^2, \f]
///
/// with a batch of \f$N\f$ rows and \f$d\f$ outputs, learns by repeating one *training
/// step*: the forward pass above, then the backward pass from
/// \f$\partial L / \partial \hat{\mathbf{y}} = 2(\hat{\mathbf{y}} - \mathbf{t}) / (N d)\f$
/// down through the output layer, the hidden layer's sigmoid and the hidden layer, and
/// finally one step of gradient descent on all four parameters,
///
/// \f[ W \leftarrow W - \eta\,\frac{\partial L}{\partial W} \quad\text{for}\quad
///     W_1, \mathbf{b}_1, W_2, \mathbf{b}_2. \f]
///
/// Write `train_step(net, x, t, eta)`: it updates `net` in place and returns the loss
/// *before* the step. Every gradient must come from the weights as they were before the
/// step (compute them all, then update). You may use what the library offers on plain
/// tensors: `nn::dense_forward` and `nn::dense_backward` (`lib/layers/dense.h`) and
/// `nn::sigmoid` on a tensor (`lib/activations.h`), or your answers to the exercises
/// before this one, written out again. Throw `nn::ShapeError` naming the shapes when x
/// does not fit W1, or t does not have the rows of x and the columns of W2.

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// The parameters of a two-layer sigmoid network.
struct TwoLayerNetwork {
  nn::Tensor W1;  ///< (in, hidden)
  nn::Tensor b1;  ///< (1, hidden)
  nn::Tensor W2;  ///< (hidden, out)
  nn::Tensor b2;  ///< (1, out)
};

/// One step of gradient descent with learning rate eta on the mean squared error of
/// net on x (batch, in) against targets t (batch, out). Returns the loss before the step.
double train_step(TwoLayerNetwork& net, const nn::Tensor& x, const nn::Tensor& t, float eta);

}  // namespace exercises
