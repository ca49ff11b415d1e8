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
/// The layers are given: `first_` (\f$W_0, \mathbf{b}_0\f$), `block_` (\f$W, \mathbf{b}\f$,
/// the same weights for every repetition) and `output_`. Write:
///
/// - `set_depth(d)`: sets \f$d\f$ for the next calls; throws `nn::ValueError` (included
///   here) with the value in its message if \f$d < 0\f$;
/// - `call(inputs, training)`: the formula above on `inputs[0]`, with the depth set at the
///   moment of the call; pass `training` on to the layers. (`a + b` adds two
///   `nn::Var` values.)
///
/// Since the block's weights are shared, the number of parameters does not depend on
/// \f$d\f$; and since the tape records every repetition that ran, the gradient of \f$W\f$
/// is the sum of the repetitions' contributions.

#include <vector>

#include "lib/error.h"
#include "lib/nn.h"

namespace exercises {

/// A first layer, one block applied depth() times with a skip connection, and an output.
class RepeatedBlock : public nn::Model {
 public:
  /// `units` tanh units in the first layer and in the block; `depth` repetitions.
  RepeatedBlock(int units, int depth)
      : nn::Model("repeated_block"),
        first_(track(nn::Dense(units, "tanh", "glorot_uniform", "zeros", "first"))),
        block_(track(nn::Dense(units, "tanh", "glorot_uniform", "zeros", "block"))),
        output_(track(nn::Dense(1, "linear", "glorot_uniform", "zeros", "output"))) {
    set_depth(depth);
  }

  /// The number of repetitions the next call makes; ValueError if negative.
  void set_depth(int depth);
  /// The number of repetitions.
  int depth() const { return depth_; }
  /// {ŷ} from {x}: the first layer, depth() repetitions of the block, the output layer.
  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override;

 private:
  int depth_ = 0;
  nn::Dense first_, block_, output_;
};

}  // namespace exercises
