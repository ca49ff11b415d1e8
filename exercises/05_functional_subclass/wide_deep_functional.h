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
/// Write `wide_and_deep(features, units)`, returning this network as an `nn::Functional`,
/// from its data flow alone: one input of `features` numbers per example; a deep path of
/// two `nn::Dense(units, "relu")` layers, one after the other, on the input; a wide path
/// that skips them; the input and the deep path's output joined side by side (input
/// first, so that the output layer's first `features` kernel rows weigh the input); and a
/// single linear output unit on the joined vector. Name the model and the layers as you
/// like: the tests find each Dense layer by the shape of its kernel and check what the
/// model computes, not how it is spelled.
///
/// With \f$f\f$ features and \f$u\f$ units the model has \f$(f u + u) + (u^2 + u) + (f + u
/// + 1)\f$ weights: 1,239 for \f$f = 8, u = 30\f$.

#include <cstddef>

#include "lib/nn.h"

namespace exercises {

/// The Wide & Deep network: input (None, features), two hidden layers of `units` ReLUs,
/// the input and the second hidden layer's output joined, and one linear output unit.
nn::Functional wide_and_deep(std::size_t features, int units);

}  // namespace exercises
