#pragma once
// Activation functions: what a neuron does with its weighted sum z. Each comes twice: on
// tensors (the maths, y = f(z)) and on the tape (y, and how dz follows from dy).

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
/// Softmax on the tape. Backward, row by row: dz += y ⊙ (dy − Σ_j dy_j y_j). A
/// cross-entropy loss placed after it skips this and uses (p − t)/N on the logits.
Var softmax(const Var& z);

/// An activation on the tape, as a layer holds it.
using ActivationFn = Var (*)(const Var&);

/// The activation with this Keras name: "linear" (or "", Keras's None), "relu", "sigmoid",
/// "softmax", "softplus", "tanh", and "step" (for TLUs). Throws ValueError listing the known
/// names for any other.
ActivationFn activation_by_name(const std::string& name);

/// The names activation_by_name knows, sorted.
std::vector<std::string> activation_names();

}  // namespace nn
