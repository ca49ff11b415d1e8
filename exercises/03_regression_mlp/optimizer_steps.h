#pragma once
/// \file
/// # Exercise 3.7: one step of momentum, and of Adam with bias correction ★★ (20 points)
///
/// The chapter trains with `nn::SGD` and `nn::Adam` and lets them do their work. Here you
/// do it: one update of a weight tensor \f$w\f$ from its gradient \f$g\f$.
///
/// **Momentum** (Keras's form): a velocity \f$v\f$, starting at zero, remembers the
/// direction of past steps, so that a consistent slope speeds up and a zig-zag cancels out:
///
/// \f[ v \leftarrow \mu v - \eta g, \qquad w \leftarrow w + v. \f]
///
/// **Adam** keeps running means of the gradient and of its square, \f$m\f$ and \f$s\f$
/// (both start at zero), counts its steps \f$t\f$ from 1, and corrects the means for
/// having started at zero (without the correction, the first steps are far too small or,
/// through \f$\sqrt{s}\f$, far too large):
///
/// \f[ t \leftarrow t + 1, \quad m \leftarrow \beta_1 m + (1 - \beta_1) g, \quad
///     s \leftarrow \beta_2 s + (1 - \beta_2) g^2, \quad
///     \hat m = \frac{m}{1 - \beta_1^t}, \quad \hat s = \frac{s}{1 - \beta_2^t}, \quad
///     w \leftarrow w - \eta \frac{\hat m}{\sqrt{\hat s} + \varepsilon}, \f]
///
/// all element-wise. At \f$t = 1\f$, \f$\hat m = g\f$ and \f$\hat s = g^2\f$: the first step
/// moves every weight by almost exactly \f$\eta\f$, whatever the size of its gradient.
/// (Keras folds the two corrections into the learning rate and adds \f$\varepsilon\f$ to
/// \f$\sqrt{s}\f$ instead of \f$\sqrt{\hat s}\f$; with \f$\varepsilon = 10^{-7}\f$ the two
/// agree to about \f$10^{-5}\f$ of a step, and the test compares you with `nn::Adam`.)
///
/// Both functions update their arguments in place and throw `nn::ShapeError`, naming the
/// shapes, when `g` or the state tensors do not have `w`'s shape.

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// v ← μ v − η g; w ← w + v. `velocity` starts as zeros of w's shape.
void momentum_step(nn::Tensor& w, nn::Tensor& velocity, const nn::Tensor& g, double learning_rate,
                   double momentum);

/// Adam's state for one weight tensor.
struct AdamState {
  nn::Tensor m;  ///< running mean of g, zeros at first: w's shape
  nn::Tensor s;  ///< running mean of g², zeros at first: w's shape
  long t = 0;    ///< steps taken
};

/// One bias-corrected Adam step of w from g.
void adam_step(nn::Tensor& w, AdamState& state, const nn::Tensor& g, double learning_rate,
               double beta_1 = 0.9, double beta_2 = 0.999, double epsilon = 1e-7);

}  // namespace exercises
