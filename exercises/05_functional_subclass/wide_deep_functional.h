#pragma once
/// \file
/// # Exercise 5.1: Wide & Deep with the functional API ★ (15 points)
///
/// Build the Wide & Deep network of this chapter with the functional API. The input goes
/// through two hidden layers (the deep path) and also straight to the output layer (the
/// wide path):
///
/// \f[ \mathbf{h} = \operatorname{relu}(\operatorname{relu}(\mathbf{x} W_1 + \mathbf{b}_1)
///     W_2 + \mathbf{b}_2), \qquad \hat{y} = [\,\mathbf{x} \;\; \mathbf{h}\,]\, W_o + b_o. \f]
///
/// Write `wide_and_deep(features, units)`, returning an `nn::Functional` named
/// `"wide_and_deep"` made of, with exactly these layer names:
///
/// - `nn::Input({features}, "features")`;
/// - `"hidden1"` and `"hidden2"`: `nn::Dense(units, "relu")`, one after the other, on the
///   deep path (pass the name as Dense's fifth argument, after the initializers
///   `"glorot_uniform"` and `"zeros"`);
/// - `"concat"`: an `nn::Concatenate` of the input and `hidden2`'s output, in that order;
/// - `"output"`: `nn::Dense(1)` (no activation) on the concatenation.
///
/// With \f$f\f$ features and \f$u\f$ units the model has \f$(f u + u) + (u^2 + u) + (f + u
/// + 1)\f$ weights: 1,239 for \f$f = 8, u = 30\f$.

#include <cstddef>

#include "lib/nn.h"

namespace exercises {

/// The Wide & Deep network: input "features" (None, features), hidden layers "hidden1" and
/// "hidden2" of `units` ReLUs, "concat" of the input and hidden2, and the Dense(1) "output".
nn::Functional wide_and_deep(std::size_t features, int units);

}  // namespace exercises
