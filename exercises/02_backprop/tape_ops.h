#pragma once
/// \file
/// # Exercise 2.6: two new ops on the tape ★★ (20 points)
///
/// The library's tape (lib/var.h) knows the ops the chapters need; a new one is a forward
/// computation plus a closure that pushes the gradient back. `nn::Var::from_op(value,
/// parents, "name", backward)` makes the output node; `backward(y, dy)` receives the
/// op's output \f$y\f$ and \f$dy = \partial L / \partial y\f$ (same shape) and must *add*
/// each parent's share into that parent, with `parent.accumulate_grad(expression)`: a Var
/// may feed several ops (or the same op twice), and its gradient is the sum of what each
/// use sends back. Capture the parents by value (Vars are handles); never capture the
/// output Var in its own closure.
///
/// Write two ops:
///
/// - `leaky_relu(z, alpha)`: \f$y = z\f$ where \f$z > 0\f$, \f$y = \alpha z\f$ elsewhere
///   (Keras's LeakyReLU, whose `negative_slope` is 0.3 by default), so that a unit whose
///   input is negative still passes a gradient: \f$dz = dy\f$ where \f$z > 0\f$,
///   \f$\alpha\,dy\f$ elsewhere. Op name `"leaky_relu"`.
/// - `multiply(a, b)`: the element-wise product \f$y = a \odot b\f$ of two tensors of the same
///   shape (a gate, as in LSTMs and GLUs), \f$da = dy \odot b\f$, \f$db = dy \odot a\f$.
///   Throw `nn::ShapeError` naming both shapes (`nn::shape_string`) when they differ. Op
///   name `"multiply"`.
///
/// The test checks both against finite differences with `nn::gradient_check`
/// (lib/gradient_check.h), as every op of the library is checked.

#include "lib/var.h"

namespace exercises {

/// z where z > 0, alpha·z elsewhere; on the tape as "leaky_relu".
nn::Var leaky_relu(const nn::Var& z, float alpha = 0.3f);

/// a ⊙ b for equal shapes; on the tape as "multiply". nn::ShapeError otherwise.
nn::Var multiply(const nn::Var& a, const nn::Var& b);

}  // namespace exercises
