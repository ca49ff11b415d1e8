#pragma once
// Activation functions: what a neuron does with its weighted sum z. Each comes twice: on
// tensors (the maths, y = f(z)) and on the tape (y, and how dz follows from dy).
//
// The smooth relatives of ReLU, with Keras 3's names and default parameters:
//
//   leaky_relu  y = z if z > 0, else a·z                 a = 0.2 (Keras 3's negative_slope)
//   elu         y = z if z > 0, else α(e^z − 1)          α = 1
//   selu        y = λ·elu(z) with α = 1.6732632423543772,  λ = 1.0507009873554805
//   gelu        y = ½·z·(1 + erf(z/√2)) = z·Φ(z)         Keras's approximate=False (exact)
//   swish/silu  y = z·σ(z)
//
// SELU's α and λ are Klambauer et al.'s, as Keras spells them: they make a layer of it keep
// inputs of mean 0 and variance 1 at mean 0 and variance 1.

#include <string>
#include <vector>

#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// y = z (Keras's "linear": no activation).
Tensor identity(const Tensor& z);
/// y = 1 where z >= 0, else 0: the Heaviside step of threshold logic units (TLUs).
Tensor step(const Tensor& z);
/// y = σ(z) = 1 / (1 + e^−z), the logistic function.
Tensor sigmoid(const Tensor& z);
/// y = tanh(z).
Tensor tanh(const Tensor& z);
/// y = max(0, z).
Tensor relu(const Tensor& z);
/// y = log(1 + e^z), computed as max(z, 0) + log(1 + e^−|z|) so that it never overflows.
Tensor softplus(const Tensor& z);
/// y = z where z > 0, else negative_slope·z (Keras 3's default slope is 0.2; PyTorch's 0.01).
/// On the tape it is activation_by_name("leaky_relu") (slope 0.2), not a public Var
/// overload: exercise 2.6 has the reader write exercises::leaky_relu(const nn::Var&, float),
/// and a same-signature nn::leaky_relu, found by argument-dependent lookup, would make its
/// calls ambiguous (and give the answer away).
Tensor leaky_relu(const Tensor& z, float negative_slope = 0.2f);
/// y = z where z > 0, else α(e^z − 1), with e^z − 1 as expm1 of min(z, 0): never overflows.
Tensor elu(const Tensor& z, float alpha = 1.0f);
/// y = λ·elu(z, α) with Keras's α = 1.67326324235437728481, λ = 1.05070098735548049342.
Tensor selu(const Tensor& z);
/// y = ½·z·(1 + erf(z/√2)), the exact GELU (Keras's default approximate=False; the tanh
/// approximation is not offered).
Tensor gelu(const Tensor& z);
/// y = z·σ(z) (Keras 3's silu, also called swish), with σ computed without overflow.
Tensor swish(const Tensor& z);
/// Softmax of each row: y_ij = e^(z_ij − m_i) / Σ_k e^(z_ik − m_i), with m_i the row's
/// largest z. Subtracting m_i changes nothing mathematically and keeps e^x from overflowing.
Tensor softmax(const Tensor& z);

/// y = z on the tape: returns z itself, no node.
Var identity(const Var& z);
/// The step on the tape. It has no useful gradient (zero wherever it is defined), so its
/// backward throws nn::Error: a network of TLUs cannot learn by backpropagation.
Var step(const Var& z);
/// σ on the tape. Backward: dz += dy ⊙ y ⊙ (1 − y).
Var sigmoid(const Var& z);
/// tanh on the tape. Backward: dz += dy ⊙ (1 − y²).
Var tanh(const Var& z);
/// ReLU on the tape. Backward: dz += dy where z > 0 (0 at z = 0, as Keras and PyTorch do).
Var relu(const Var& z);
/// Softplus on the tape. Backward: dz += dy ⊙ σ(z).
Var softplus(const Var& z);
/// ELU on the tape. Backward: dz += dy where z > 0, else dy ⊙ α·e^z (= dy ⊙ (y + α)).
Var elu(const Var& z, float alpha = 1.0f);
/// SELU on the tape. Backward: dz += λ·dy where z > 0, else dy ⊙ λα·e^z.
Var selu(const Var& z);
/// GELU on the tape. Backward: dz += dy ⊙ (Φ(z) + z·φ(z)), φ the standard normal density.
Var gelu(const Var& z);
/// Swish on the tape. Backward: dz += dy ⊙ (σ(z) + y(1 − σ(z))).
Var swish(const Var& z);
/// Softmax on the tape. Backward, row by row: dz += y ⊙ (dy − Σ_j dy_j y_j). A
/// cross-entropy loss placed after it skips this and uses (p − t)/N on the logits.
Var softmax(const Var& z);

/// An activation on the tape, as a layer holds it.
using ActivationFn = Var (*)(const Var&);

/// The activation with this Keras name: "linear" (or "", Keras's None), "relu", "sigmoid",
/// "softmax", "softplus", "tanh", "leaky_relu", "elu", "selu", "gelu", "swish" and "silu"
/// (the same function), each with Keras 3's default parameters, and "step" (for TLUs).
/// Throws ValueError listing the known names for any other.
ActivationFn activation_by_name(const std::string& name);

/// The names activation_by_name knows, sorted.
std::vector<std::string> activation_names();

}  // namespace nn
