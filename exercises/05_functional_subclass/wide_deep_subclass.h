#pragma once
/// \file
/// # Exercise 5.4: the same network, subclassed ★★ (20 points)
///
/// The subclassing API builds a model as code: the layers are members made in the
/// constructor (and registered with `track()`), and `call()` computes the outputs from the
/// inputs. The class below holds the layers of exercise 5.2's network; write its `call()`:
///
/// \f[ \begin{aligned}
///     \mathbf{h} &= \operatorname{relu}(\operatorname{relu}(\mathbf{x}_{\text{deep}} W_1 +
///     \mathbf{b}_1) W_2 + \mathbf{b}_2), \\
///     \hat{y}_{\text{main}} &= [\,\mathbf{x}_{\text{wide}} \;\; \mathbf{h}\,]\, W_m + b_m,
///     \\
///     \hat{y}_{\text{aux}} &= \mathbf{h}\, W_a + b_a.
///     \end{aligned} \f]
///
/// `inputs` holds the wide input and then the deep input; return the main output and then
/// the auxiliary one. Pass `training` on to the layers. `nn::concat({a, b})` puts two
/// tensors side by side (a first). Throw `nn::Error` (included here) naming both
/// numbers if `inputs` does not hold exactly two tensors.
///
/// Built with the same seed, this class and exercise 5.2's functional model make their
/// layers in the same order, start from the same weights, and compute the same
/// predictions, to the last bit.

#include <vector>

#include "lib/error.h"
#include "lib/nn.h"

namespace exercises {

/// Wide & Deep with an auxiliary output, as a subclass of nn::Model.
class WideAndDeep : public nn::Model {
 public:
  /// The layers, made (and drawing their initial weights) in this order.
  explicit WideAndDeep(int units = 30)
      : nn::Model("wide_and_deep"),
        hidden1_(track(nn::Dense(units, "relu"))),
        hidden2_(track(nn::Dense(units, "relu"))),
        main_output_(track(nn::Dense(1))),
        aux_output_(track(nn::Dense(1))) {}

  /// {main output, auxiliary output} from {wide input, deep input}.
  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override;

 private:
  nn::Dense hidden1_, hidden2_, main_output_, aux_output_;
};

}  // namespace exercises
