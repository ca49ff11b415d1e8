#pragma once
/// \file
/// # Exercise 2.9: why the first MLPs needed the sigmoid ★★ (20 points)
///
/// Géron asks among chapter 10's exercises: why was the logistic activation function a key
/// ingredient in training the first MLPs? Answer it by measuring. Take a network with one
/// hidden layer whose activation \f$f\f$ is either the TLU's step or the sigmoid,
///
/// \f[ h = f(x W_1 + b_1), \qquad y = \sigma(h W_2 + b_2), \qquad
///     L = \frac{1}{n} \sum_{r=1}^{n} (y_r - t_r)^2, \f]
///
/// and ask how the loss changes when one hidden weight \f$W_1[i, j]\f$ moves. With the step,
/// a small nudge moves no hidden unit across its threshold, so \f$h\f$, \f$y\f$ and
/// \f$L\f$ do not change at all: the slope is zero wherever it is defined, and gradient
/// descent has nothing to follow. With the sigmoid every nudge moves \f$L\f$ a little.
///
/// Write
/// - `mlp_loss(net, hidden, x, t)`: \f$L\f$ with the hidden activation named `hidden`
///   (`"step"`, `"sigmoid"`, or any name `nn::activation_by_name` knows); the output unit is
///   always a sigmoid. `x` is (n, in), `t` is (n, 1).
/// - `hidden_slopes(net, hidden, x, t, h)`: \f$\partial L / \partial W_1\f$, every entry, by
///   central differences: nudge one entry of \f$W_1\f$ by \f$+h\f$ and by \f$-h\f$,
///   compute the loss each time, put the entry back before the next one, and divide the
///   change by \f$2h\f$. (The tape cannot do this for the step: `nn::step`'s backward
///   throws, because there is no gradient to give.)
/// - `hidden_slopes_on_tape(net, x, t)`: the same \f$\partial L / \partial W_1\f$ for the
///   sigmoid, from one `backward()` on the tape (`nn::Parameter`, `nn::dense`,
///   `nn::sigmoid`, `nn::MeanSquaredError`).
/// - `train_hidden_layer(net, hidden, x, t, rate, steps, h)`: `steps` steps of gradient
///   descent on \f$W_1\f$ alone, \f$W_1 \leftarrow W_1 - \text{rate} \cdot
///   \text{hidden\_slopes}(\ldots)\f$, updating `net`; return the loss before each step and
///   after the last (`steps + 1` numbers).
///
/// The tests compare your slopes with their own, by hand and on the tape, and look at what
/// training does to \f$W_1\f$ with each activation.

#include <string>
#include <vector>

#include "lib/tensor.h"

namespace exercises {

/// A one-hidden-layer network: in → units (activation chosen per call) → 1 sigmoid.
struct TinyMlp {
  nn::Tensor W1;  ///< (in, units)
  nn::Tensor b1;  ///< (1, units)
  nn::Tensor W2;  ///< (units, 1)
  nn::Tensor b2;  ///< (1, 1)
};

/// The mean squared error of the network's output against t, hidden activation `hidden`.
double mlp_loss(const TinyMlp& net, const std::string& hidden, const nn::Tensor& x,
                const nn::Tensor& t);

/// ∂L/∂W1 by central differences with step h: (in, units), like W1.
nn::Tensor hidden_slopes(const TinyMlp& net, const std::string& hidden, const nn::Tensor& x,
                         const nn::Tensor& t, double h);

/// ∂L/∂W1 for the sigmoid hidden layer, by backpropagation on the tape: (in, units).
nn::Tensor hidden_slopes_on_tape(const TinyMlp& net, const nn::Tensor& x, const nn::Tensor& t);

/// Gradient descent on W1 alone, with the slopes of hidden_slopes(); the losses before each
/// step and after the last.
std::vector<double> train_hidden_layer(TinyMlp& net, const std::string& hidden, const nn::Tensor& x,
                                       const nn::Tensor& t, double rate, int steps, double h);

}  // namespace exercises
