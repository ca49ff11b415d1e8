#pragma once
/// \file
/// # Exercise 5.4: a Wide & Deep variant, subclassed from its data flow ★★ (20 points)
///
/// The subclassing API builds a model as code: a class derived from `nn::Model` holds its
/// layers as members, made in the constructor and registered with `track()`
/// (`nn::Dense hidden_ = track(nn::Dense(30, "relu"));`), and its `call(inputs, training)`
/// computes the outputs from the inputs (`nn::concat({a, b, c})` joins `nn::Var` values
/// side by side, in that order). Design such a class, in your `.cc` file, for this variant
/// of the chapter's network, where the main output also sees the first hidden layer:
///
/// \f[ \begin{aligned}
///     \mathbf{h}_1 &= \operatorname{relu}(\mathbf{x}_{\text{deep}} W_1 + \mathbf{b}_1),
///     \qquad
///     \mathbf{h}_2 = \operatorname{relu}(\mathbf{h}_1 W_2 + \mathbf{b}_2), \\
///     \hat{y}_{\text{main}} &= [\,\mathbf{x}_{\text{wide}} \;\; \mathbf{h}_1 \;\;
///     \mathbf{h}_2\,]\, W_m + b_m, \qquad
///     \hat{y}_{\text{aux}} = \mathbf{h}_1\, W_a + b_a,
///     \end{aligned} \f]
///
/// with \f$W_1, W_2\f$ of `units` columns and one linear unit per output. The inputs come
/// as {wide, deep}; return {main, auxiliary}; pass `training` on to the layers; throw
/// `nn::Error` (included here) naming both numbers if a call does not get exactly two
/// inputs. `make_wide_and_deep(units)` returns a new instance of your class.
///
/// The tests check what the model computes: the outputs' shapes, the parameter count
/// \f$(d u + u) + (u^2 + u) + (w + 2u + 1) + (u + 1)\f$, both outputs against the formulas
/// with the weights of the layers they find by their kernels' shapes, before and after
/// training with `fit` (which must lower the loss).

#include <memory>

#include "lib/error.h"
#include "lib/nn.h"

namespace exercises {

/// A new Wide & Deep variant (main output on the wide input and both hidden layers,
/// auxiliary output on the first), a subclass of nn::Model of your design.
std::unique_ptr<nn::Model> make_wide_and_deep(int units);

}  // namespace exercises
