#pragma once
/// \file
/// # Exercise 3.5: the Huber loss and its gradient ★★ (20 points)
///
/// The Huber loss is quadratic for small errors and linear for large ones, so that a few
/// wrong labels cannot pull a model as hard as the mean squared error lets them. For one
/// error \f$e = \hat{y} - y\f$ and a threshold \f$\delta > 0\f$:
///
/// \f[ h_\delta(e) = \begin{cases} \tfrac{1}{2} e^2 & |e| \le \delta
///     \\ \delta\,\bigl(|e| - \tfrac{1}{2}\delta\bigr) & |e| > \delta \end{cases}, \qquad
///     h_\delta'(e) = \operatorname{clip}(e, -\delta, \delta). \f]
///
/// The two pieces meet at \f$|e| = \delta\f$ with the same value and the same slope, which
/// is what makes the loss smooth enough for gradient descent. As Keras does, the loss of a
/// batch is the mean over every entry of the (rows, outputs) tensors, so the gradient with
/// respect to each prediction carries a factor \f$1/N\f$:
///
/// \f[ L = \frac{1}{N} \sum_{i=1}^{N} h_\delta(\hat{y}_i - y_i), \qquad
///     \frac{\partial L}{\partial \hat{y}_i} = \frac{1}{N}
///     \operatorname{clip}(\hat{y}_i - y_i, -\delta, \delta). \f]
///
/// Write `huber_loss` (add up in `double`) and `huber_gradient` (the shape of `y_pred`).
/// Throw `nn::ValueError` when \f$\delta \le 0\f$, and `nn::ShapeError` naming both shapes
/// when `y_true` and `y_pred` differ in shape.

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// The mean Huber loss of y_pred against y_true, both (rows, outputs), with threshold delta.
double huber_loss(const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta = 1.0);

/// ∂loss/∂y_pred: clip(y_pred − y_true, −delta, delta) / N, entry by entry.
nn::Tensor huber_gradient(const nn::Tensor& y_true, const nn::Tensor& y_pred, double delta = 1.0);

}  // namespace exercises
