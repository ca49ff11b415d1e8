#pragma once
/// \file
/// # Exercise 1.4: a two-layer network of TLUs for XNOR ★★ (20 points)
///
/// XNOR ("equal") answers 1 when its two inputs are equal: \f$(0,0) \mapsto 1\f$,
/// \f$(0,1) \mapsto 0\f$, \f$(1,0) \mapsto 0\f$, \f$(1,1) \mapsto 1\f$. Like XOR, no single
/// TLU can compute it. Do two things:
///
/// 1. `forward(network, x)`: the output of a network of TLUs. Each layer has one row of
///    weights per unit; unit \f$j\f$ of a layer outputs
///    \f$\operatorname{step}(\sum_i W_{j i}\, a_i + b_j)\f$ (step(0) = 1), where \f$a\f$ is
///    the previous layer's output (the input \f$x\f$ for the first layer). Check that
///    every layer's weights fit its input: `std::invalid_argument` otherwise.
/// 2. `xnor_network()`: choose weights so that a network with one hidden layer of two TLUs
///    and one output TLU computes XNOR. (Hint: which two simple gates, combined, say
///    "equal"?)

#include <vector>

namespace exercises {

/// One layer of TLUs: weights[j] are unit j's input weights, bias[j] its bias.
struct TluLayer {
  std::vector<std::vector<float>> weights;  ///< (units, inputs)
  std::vector<float> bias;                  ///< (units,)
};

/// A feed-forward network of TLU layers, input to output.
using TluNetwork = std::vector<TluLayer>;

/// The outputs of the last layer for the input x.
std::vector<int> forward(const TluNetwork& network, const std::vector<float>& x);

/// Two inputs, a hidden layer of two TLUs, one output TLU: XNOR.
TluNetwork xnor_network();

}  // namespace exercises
