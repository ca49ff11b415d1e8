#pragma once
/// \file
/// # Exercise 5.5: a model whose depth is chosen in call() ★★ (25 points)
///
/// A subclass's `call()` is ordinary code, so the number of layers a batch goes through can
/// be decided while it runs. This model applies one shared block \f$d\f$ times, with a skip
/// connection around it:
///
/// \f[ \begin{aligned}
///     \mathbf{h}_0 &= \tanh(\mathbf{x} W_0 + \mathbf{b}_0), \\
///     \mathbf{h}_{i+1} &= \mathbf{h}_i + \tanh(\mathbf{h}_i W + \mathbf{b}) \qquad
///     (i = 0, \dots, d - 1), \\
///     \hat{y} &= \mathbf{h}_d\, W_o + b_o.
///     \end{aligned} \f]
///
/// with \f$W_0\f$ and \f$W\f$ of `units` tanh units and one linear output unit. Design the
/// class, in your `.cc` file, deriving from `DepthModel` below: its layers as members made
/// with `track()` (three Dense layers: the block is one layer, applied again and again),
/// and
///
/// - `set_depth(d)`: sets \f$d\f$ for the next calls; throws `nn::ValueError` (included
///   here) with the value in its message if \f$d < 0\f$; `depth()` returns it;
/// - `call(inputs, training)`: the formula above on `inputs[0]`, with the depth set at the
///   moment of the call; pass `training` on to the layers. (`a + b` adds two
///   `nn::Var` values.)
///
/// `make_repeated_block(units, depth)` returns a new instance (and refuses a negative
/// depth as `set_depth` does). The tests find the layers by their kernels' shapes.
///
/// Since the block's weights are shared, the number of parameters does not depend on
/// \f$d\f$; and since the tape records every repetition that ran, the gradient of \f$W\f$
/// is the sum of the repetitions' contributions.

#include <memory>
#include <vector>

#include "lib/error.h"
#include "lib/nn.h"

namespace exercises {

/// A model whose depth can be changed between calls; your class derives from it.
class DepthModel : public nn::Model {
 public:
  using nn::Model::Model;
  /// The number of repetitions the next call makes; ValueError if negative.
  virtual void set_depth(int depth) = 0;
  /// The number of repetitions.
  virtual int depth() const = 0;
};

/// A first layer of `units` tanh units, one block of `units` tanh units applied depth()
/// times with a skip connection, and one linear output unit.
std::unique_ptr<DepthModel> make_repeated_block(int units, int depth);

}  // namespace exercises
