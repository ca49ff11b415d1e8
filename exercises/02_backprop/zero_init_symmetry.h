#pragma once
/// \file
/// # Exercise 2.8: why the weights cannot all start equal ★★ (15 points)
///
/// Backpropagation treats every hidden unit alike: two units of a layer that start with
/// the same incoming weights and bias, and the same outgoing weights, compute the same
/// output, receive the same gradient, take the same step, and so stay equal for ever. A
/// layer of 8 such units is one unit, 8 times. Only randomness at the start breaks the
/// symmetry. And with everything at zero it is worse: \f$h = \tanh(0) = 0\f$ gives the
/// output layer no gradient for its kernel, and its zero kernel sends no gradient back, so
/// nothing but the output bias ever learns.
///
/// Answer it in code:
/// - `distinct_units(kernel, bias, tol)`: the number of different units of a Dense layer
///   with `kernel` (in, units) and `bias` (1, units). Unit j is column j of the kernel
///   *together with* its bias; two units are the same when every one of those numbers
///   differs by at most `tol`. Count groups of equal units (a unit equal to an earlier one
///   is not new). Throw `nn::ShapeError` if the bias does not fit the kernel.
/// - `trained_first_layer(initializer, x, y, seed)`: call `nn::set_random_seed(seed)`, build
///   `nn::Sequential({nn::Dense(8, "tanh", initializer), nn::Dense(1, "linear",
///   initializer)})` (*both* kernels from `initializer`, biases zeros), compile it with
///   `"mse"` and `nn::SGD(0.1)`, fit it for 30 epochs with batches of 16, `verbose` 0 and
///   `seed` as the shuffle's seed, and return the first layer's weights (`get_weights()`
///   of `model.layers()[0]`: {kernel, bias}).
///
/// The test trains with `"zeros"`, `"ones"` and `"glorot_uniform"` and counts.

#include <cstdint>
#include <string>
#include <vector>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// How many different units (kernel column plus bias) the layer has, to within tol.
int distinct_units(const nn::Tensor& kernel, const nn::Tensor& bias, double tol = 1e-6);

/// The first layer's {kernel, bias} after training the 8-unit network from `initializer`.
std::vector<nn::Tensor> trained_first_layer(const std::string& initializer, const nn::Tensor& x,
                                            const nn::Tensor& y, std::uint64_t seed);

}  // namespace exercises
