#pragma once
// Checking gradients by finite differences. For every number v that the loss depends on,
// the central difference (L(v + h) − L(v − h)) / 2h approximates ∂L/∂v with an error of
// order h²; it is compared with the gradient that backward() computed.
//
// The tolerance, and why: in float32 a loss near 1 is only known to about 6e-8, so the
// difference quotient carries a rounding error near 6e-8 / h (6e-5 for h = 1e-3), while
// the h² term stays below 1e-6 for smooth functions. A gradient passes when
// |analytic − numeric| <= atol + rtol · |numeric|, with atol = 1e-3 and rtol = 1e-2 by
// default: rounding never reaches that, and a real mistake (a missing factor, a transpose,
// a wrong sign) is far above it. Keep inputs at least h away from kinks (ReLU at 0, the
// MAE at e = 0, clipping bounds), where the difference quotient is meaningless.

#include <functional>
#include <string>
#include <vector>

#include "lib/parameter.h"
#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// How gradient_check() differentiates and what it accepts.
struct GradientCheckOptions {
  double h = 1e-3;     ///< the step of the central difference
  double atol = 1e-3;  ///< absolute tolerance
  double rtol = 1e-2;  ///< relative tolerance, times |numeric|
};

/// What gradient_check() found.
struct GradientCheckResult {
  bool passed = true;       ///< every entry within tolerance
  double max_error = 0.0;   ///< the largest |analytic − numeric|
  std::size_t checked = 0;  ///< how many entries were compared
  std::string worst;        ///< the worst entry: "input 0 (1, 2): analytic 0.1, numeric 0.2"
};

/// Checks the gradients of `loss` (a function that builds a (1, 1) loss Var from the
/// current values of `inputs` and `parameters`) wrt every entry of the inputs (leaf Vars
/// made with requires_grad) and of the parameters. Values are nudged in place and restored.
GradientCheckResult gradient_check(const std::function<Var()>& loss, const std::vector<Var>& inputs,
                                   const std::vector<Parameter*>& parameters = {},
                                   GradientCheckOptions options = {});

/// Σ w ⊙ y as a (1, 1) Var: a loss whose gradient dy = w is known, to probe an op.
Var weighted_sum(const Var& y, const Tensor& w);

}  // namespace nn
