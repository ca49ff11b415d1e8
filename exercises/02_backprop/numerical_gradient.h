#pragma once
/// \file
/// # Exercise 2.4: a gradient check of your own ★★ (20 points)
///
/// A backward pass can be checked without any calculus. Nudge one entry \f$x_k\f$ of the
/// input by a small step \f$h\f$ in each direction and divide the change in \f$f\f$ by the
/// change in \f$x_k\f$: the *central difference*
///
/// \f[ g_k = \frac{f(\mathbf{x} + h\,\mathbf{e}_k) - f(\mathbf{x} - h\,\mathbf{e}_k)}{2h}
///     \approx \frac{\partial f}{\partial x_k}, \f]
///
/// where \f$\mathbf{e}_k\f$ is 1 at entry \f$k\f$ and 0 elsewhere. Its error shrinks like
/// \f$h^2\f$, where the one-sided \f$(f(\mathbf{x} + h\mathbf{e}_k) - f(\mathbf{x}))/h\f$
/// is off by a term in \f$h\f$: for \f$f(x) = x^3\f$ the central difference gives exactly
/// \f$3x^2 + h^2\f$ and the one-sided one \f$3x^2 + 3xh + h^2\f$. To compare a gradient
/// \f$a\f$ from backpropagation with a numeric one \f$n\f$, use the *relative error*
///
/// \f[ \varepsilon(a, n) = \frac{|a - n|}{\max(|a|, |n|)}, \qquad \varepsilon(0, 0) = 0. \f]
///
/// Write `numerical_gradient(f, x, h)`: the central difference for every entry of `x`
/// (nudge one entry at a time, calling `f` exactly twice per entry, and put it back
/// before moving on), `relative_error(a, n)`, and `max_relative_error(a, n)`, the largest
/// relative error over two tensors of the same shape (`nn::ShapeError` naming both shapes
/// otherwise).

#include <functional>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// ∂f/∂x by central differences with step h, one entry at a time: (rows, cols) like x.
nn::Tensor numerical_gradient(const std::function<double(const nn::Tensor&)>& f, nn::Tensor x,
                              double h = 1e-3);

/// |a − n| / max(|a|, |n|), and 0 when both are 0.
double relative_error(double a, double n);

/// The largest relative_error over corresponding entries. Throws nn::ShapeError naming both
/// shapes when they differ.
double max_relative_error(const nn::Tensor& analytic, const nn::Tensor& numeric);

}  // namespace exercises
